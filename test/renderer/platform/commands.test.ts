import { getCommands, registerCommand, runCommand, setCommandContextProvider, type CommandContext } from '../../../renderer/platform/commands';
import { type WorkbenchApi } from '../../../renderer/workbench/WorkbenchContext';

const ctx = (activePlanId: string | null): CommandContext => ({ workbench: { activePlanId } as WorkbenchApi });

describe('command registry', () => {
  afterEach(() => setCommandContextProvider(null));

  it('runs a registered command with the current context and its argument', async () => {
    const seen: unknown[] = [];
    const off = registerCommand({ id: 't.run', title: 'Run', run: (c, arg) => void seen.push(c.workbench.activePlanId, arg) });
    setCommandContextProvider(() => ctx('plan_1'));
    await runCommand('t.run', 42);
    expect(seen).toEqual(['plan_1', 42]);
    off();
    expect(getCommands().some((c) => c.id === 't.run')).toBe(false);
    await expect(runCommand('t.run')).rejects.toThrow('there is no command "t.run"');
  });

  it('refuses duplicates, a missing workbench and a false `when`', async () => {
    const off = registerCommand({ id: 't.when', title: 'Needs a plan', when: (c) => c.workbench.activePlanId !== null, run: () => {} });
    expect(() => registerCommand({ id: 't.when', title: 'again', run: () => {} })).toThrow(/registered twice/);
    await expect(runCommand('t.when')).rejects.toThrow(/needs an open workbench/);
    setCommandContextProvider(() => ctx(null));
    await expect(runCommand('t.when')).rejects.toThrow(/not available right now/);
    setCommandContextProvider(() => ctx('p'));
    await expect(runCommand('t.when')).resolves.toBeUndefined();
    off();
  });

  it('passes a failing command’s error to the caller', async () => {
    const off = registerCommand({ id: 't.fail', title: 'Fail', run: async () => { throw new Error('nope'); } });
    setCommandContextProvider(() => ctx(null));
    await expect(runCommand('t.fail')).rejects.toThrow('nope');
    off();
  });
});
