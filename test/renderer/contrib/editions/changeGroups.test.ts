import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../../../shared/derive/diff/planDiff';
import { heading, newAction, newGoal, paragraph } from '../../../../shared/model/blocks';
import { changeSentence, groupChanges } from '../../../../renderer/contrib/editions/changeGroups';
import { ana, ben, plan } from '../../../shared/derive/planFixture';

const before = plan('plan_a', [
  heading(1, 'Goals'),
  newGoal({ id: 'goal_rev', title: 'Grow new revenue', owners: [ana.id], metricUnit: '$', target: 1_200_000 }),
  newGoal({ id: 'goal_old', title: 'Old goal' }),
  newAction({ id: 'action_web', title: 'Webinars', owner: ana.id }),
  heading(1, 'Risks'),
  paragraph('Hiring takes longer than planned.'),
]);
const after = plan('plan_a', [
  heading(1, 'Goals'),
  newGoal({ id: 'goal_rev', title: 'Grow new revenue', owners: [ben.id], metricUnit: '$', target: 1_500_000 }),
  newGoal({ id: 'goal_new', title: 'Win the mid-market', parentId: 'goal_rev' }),
  newAction({ id: 'action_web', title: 'Webinars', owner: ben.id }),
  heading(1, 'Risks'),
  paragraph('Hiring takes longer than we planned.'),
]);
const diff = diffPlans(before, after, [ana, ben]);
const titleOf = (key: string) => diff.sections.find((s) => s.key === key)?.title ?? key;

describe('the diff editor’s change list', () => {
  it('puts a block’s changed values on one card, and changes of their own alone, in reading order', () => {
    const groups = groupChanges(diff.changes);
    expect(groups.map((g) => [g.card ? `${g.card.kind}: ${g.card.title}` : null, g.changes.map((c) => c.kind)])).toEqual([
      ['goal: Grow new revenue', ['field', 'field']],
      [null, ['goal-added']],
      [null, ['goal-removed']],
      ['action: Webinars', ['field']],
      [null, ['prose']],
    ]);
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
  });

  it('says each change in a sentence a person reads', () => {
    expect(diff.changes.map((c) => changeSentence(c, titleOf))).toEqual([
      'Grow new revenue: owners Ana Ruiz → Ben Okafor',
      'Grow new revenue: target $1,200,000 → $1,500,000',
      'Goal added: Win the mid-market',
      'Goal removed: Old goal',
      'Webinars: owner Ana Ruiz → Ben Okafor',
      'Text: 1 paragraph changed',
    ]);
  });

  it('keeps keys unique when one block’s changes are apart', () => {
    const [a, b] = diff.changes.filter((c) => c.kind === 'field' && c.block === 'goal');
    const added = diff.changes.find((c) => c.kind === 'goal-added')!;
    const groups = groupChanges([a!, added, b!]);
    expect(groups).toHaveLength(3);
    expect(new Set(groups.map((g) => g.key)).size).toBe(3);
  });
});
