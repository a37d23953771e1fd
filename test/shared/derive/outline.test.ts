import { heading, newAction, newGoal, newStageMatrix, paragraph } from '../../../shared/model/blocks';
import { buildOutline } from '../../../shared/derive/outline';

describe('outline', () => {
  it('lists headings, and structured blocks one level below their heading, with paths to jump to', () => {
    const goal = newGoal({ title: '  Grow revenue ' });
    const action = newAction({ title: '' });
    const matrix = newStageMatrix();
    const items = buildOutline([
      paragraph('intro'), goal,
      heading(1, 'Goals'), heading(2, 'Sales'), action,
      { type: 'heading', level: 1, children: [{ text: 'Stages ', bold: true }, { text: 'and owners' }] }, matrix,
      heading(3, '  '),
    ]);
    expect(items).toEqual([
      { kind: 'goal', title: 'Grow revenue', level: 1, path: [1], blockId: goal.id },
      { kind: 'heading', title: 'Goals', level: 1, path: [2], blockId: null },
      { kind: 'heading', title: 'Sales', level: 2, path: [3], blockId: null },
      { kind: 'action', title: 'Untitled action', level: 3, path: [4], blockId: action.id },
      { kind: 'heading', title: 'Stages and owners', level: 1, path: [5], blockId: null },
      { kind: 'stage-matrix', title: 'Track-selling stages', level: 2, path: [6], blockId: matrix.id },
      { kind: 'heading', title: 'Untitled section', level: 3, path: [7], blockId: null },
    ]);
  });

  it('names a goal whose title field went missing', () => {
    const goal = newGoal() as Partial<ReturnType<typeof newGoal>>;
    delete goal.title;
    expect(buildOutline([goal as ReturnType<typeof newGoal>])[0]!.title).toBe('Untitled goal');
  });

  it('is empty for prose only', () => {
    expect(buildOutline([paragraph('a'), paragraph('b')])).toEqual([]);
  });
});
