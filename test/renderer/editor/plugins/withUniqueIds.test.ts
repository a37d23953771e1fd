import { Editor, Transforms } from 'slate';
import { newAction, newGoal, paragraph } from '../../../../shared/model/blocks';
import { type ActionElement, type GoalElement } from '../../../../shared/model/elements';
import { edit, open, strip } from '../harness';

describe('withUniqueIds', () => {
  it('gives a pasted copy fresh ids, with its own links remapped', () => {
    const parent = newGoal({ title: 'Parent' });
    const child = newGoal({ title: 'Child', parentId: parent.id });
    const action = newAction({ title: 'Do', goalId: child.id });
    const b = open([parent, child, action, paragraph()]);
    const fragment = strip([parent, child, action]);
    edit(b, (e) => Transforms.select(e, Editor.start(e, [3])));
    edit(b, (e) => e.insertFragment(fragment));
    const goals = b.editor.children.filter((n): n is GoalElement => 'type' in n && n.type === 'goal');
    const ids = new Set(goals.map((g) => g.id));
    expect(goals).toHaveLength(4);
    expect(ids.size).toBe(4);
    const [copyParent, copyChild] = goals.slice(2);
    expect(copyChild!.parentId).toBe(copyParent!.id);
    const actions = b.editor.children.filter((n): n is ActionElement => 'type' in n && n.type === 'action');
    expect(actions[1]!.goalId).toBe(copyChild!.id);
    expect(actions[1]!.id).not.toBe(actions[0]!.id);
  });

  it('keeps ids when the originals are gone (cut and paste moves a goal)', () => {
    const goal = newGoal({ title: 'Move me' });
    const b = open([goal, paragraph('a'), paragraph('b')]);
    edit(b, (e) => Transforms.removeNodes(e, { at: [0] }));
    edit(b, (e) => Transforms.select(e, Editor.end(e, [1])));
    edit(b, (e) => e.insertFragment(strip([goal])));
    const moved = b.editor.children.find((n): n is GoalElement => 'type' in n && n.type === 'goal');
    expect(moved?.id).toBe(goal.id);
  });
});
