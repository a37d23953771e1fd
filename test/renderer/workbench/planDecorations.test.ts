import { type HeadingNote } from '../../../renderer/editor/headingNotes';
import { headingNotesFor, registerHeadingNotes } from '../../../renderer/workbench/planDecorations';
import { Value } from '../../../renderer/workbench/services/observable';
import { type WorkbenchServices } from '../../../renderer/workbench/services/services';

const note = (label: string): HeadingNote => ({ label, detail: `${label}, in detail` });

describe('heading notes of several features', () => {
  it('merge into one value per plan, the first feature’s note winning, and follow each feature’s changes', () => {
    const a = new Value<ReadonlyMap<string, HeadingNote>>(new Map([['Risks', note('changed since approval')]]));
    const b = new Value<ReadonlyMap<string, HeadingNote>>(new Map([['Risks', note('3 comments')], ['Budget', note('3 comments')]]));
    const asked: string[] = [];
    const offs = [
      registerHeadingNotes({ id: 'test.a', notes: (planId) => { asked.push(planId); return a; } }),
      registerHeadingNotes({ id: 'test.b', notes: () => b }),
    ];
    try {
      const merged = headingNotesFor('plan_1', {} as WorkbenchServices);
      expect(asked).toEqual(['plan_1']);
      expect([...merged.get()].map(([k, v]) => [k, v.label])).toEqual([['Risks', 'changed since approval'], ['Budget', '3 comments']]);
      let fired = 0;
      const stop = merged.subscribe(() => fired++);
      a.set(new Map());
      expect(fired).toBe(1);
      expect(merged.get().get('Risks')?.label).toBe('3 comments');
      stop();
    } finally {
      offs.forEach((off) => off());
    }
  });
});
