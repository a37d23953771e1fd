import { Editor, Transforms } from 'slate';
import { newGoal, paragraph } from '../../../../shared/model/blocks';
import { type GoalElement } from '../../../../shared/model/elements';
import { edit, open } from '../harness';

describe('withBlockBreaks', () => {
  it('Enter at the end of a heading opens a paragraph', () => {
    const b = open([{ type: 'heading', level: 2, children: [{ text: 'Goals' }] }, paragraph('x')]);
    edit(b, (e) => Transforms.select(e, Editor.end(e, [0])));
    edit(b, (e) => e.insertBreak());
    expect(b.editor.children[1]).toEqual(paragraph());
  });

  it('Enter on a selected goal card opens a paragraph after it and leaves the goal whole', () => {
    const goal = newGoal({ title: 'Win' });
    const b = open([goal, paragraph('x')]);
    edit(b, (e) => Transforms.select(e, Editor.start(e, [0])));
    edit(b, (e) => e.insertBreak());
    expect((b.editor.children[0] as GoalElement).title).toBe('Win');
    expect(b.editor.children[1]).toEqual(paragraph());
    expect(b.editor.selection?.anchor.path).toEqual([1, 0]);
  });
});
