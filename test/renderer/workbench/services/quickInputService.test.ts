import { QuickInputService, type FocusKeeper } from '../../../../renderer/workbench/services/quickInputService';

/** A keyboard that is on `at`, and remembers where it was given back to. */
function keyboard(at: string | null) {
  const restored: string[] = [];
  const frames: (() => void)[] = [];
  const keeper: FocusKeeper<string> = { current: () => at, restore: (t) => restored.push(t), afterFrame: (run) => frames.push(run) };
  const nextFrame = () => frames.splice(0).forEach((f) => f());
  return { keeper, restored, nextFrame };
}

const items = [{ label: 'One', value: 1 }, { label: 'Two', value: 2 }];

describe('quick input', () => {
  it('answers a pick with the chosen value, closes, and gives the keyboard back after the next frame', async () => {
    const kb = keyboard('editor');
    const qi = new QuickInputService(kb.keeper);
    const answer = qi.pick(items, { placeholder: 'Pick' });
    const r = qi.current.get();
    expect(r).toMatchObject({ kind: 'pick', placeholder: 'Pick', items });
    if (r?.kind === 'pick') r.accept(1);
    await expect(answer).resolves.toBe(2);
    expect(qi.current.get()).toBeNull();
    expect(kb.restored).toEqual([]);
    kb.nextFrame();
    expect(kb.restored).toEqual(['editor']);
  });

  it('settles once: a second accept or a cancel after the answer changes nothing', async () => {
    const qi = new QuickInputService(keyboard(null).keeper);
    const answer = qi.prompt({ title: 'Name' });
    const r = qi.current.get();
    if (r?.kind !== 'prompt') throw new Error('no prompt');
    r.accept('Ana');
    r.accept('Ben');
    r.cancel();
    await expect(answer).resolves.toBe('Ana');
  });

  it('a newer question dismisses the open one (null) and stays; the keyboard goes back only after the last question', async () => {
    const kb = keyboard('explorer');
    const qi = new QuickInputService(kb.keeper);
    const first = qi.pick(items);
    const second = qi.prompt({ title: 'Title', value: 'Draft' });
    await expect(first).resolves.toBeNull();
    kb.nextFrame();
    expect(kb.restored).toEqual([]);
    const r = qi.current.get();
    expect(r).toMatchObject({ kind: 'prompt', title: 'Title', value: 'Draft' });
    r!.cancel();
    await expect(second).resolves.toBeNull();
    kb.nextFrame();
    expect(kb.restored).toEqual(['explorer']);
  });
});
