import { countBySeverity, describeCounts, groupProblems } from '../../../../renderer/contrib/problems/problemGroups';
import { findProblems, type Problem } from '../../../../shared/derive/problems';
import { newAction, newGoal } from '../../../../shared/model/blocks';
import { type PlanSnapshot } from '../../../../shared/model/planDoc';
import { type PlanContent } from '../../../../shared/model/elements';

const plan = (id: string, title: string, content: PlanContent): PlanSnapshot => ({
  meta: { id, title, templateId: 'annual', period: '', schemaVersion: 1, createdAt: '' },
  content,
});

describe('Problems panel grouping', () => {
  const plans = [
    plan('plan_a', 'Company plan', [
      newGoal({ id: 'goal_a', title: 'Revenue', target: 10, owners: [] }),
      newAction({ id: 'action_a', title: 'Trade show', goalId: 'goal_gone' }),
    ]),
    plan('plan_b', 'Team plan', [newGoal({ id: 'goal_b', title: 'Pipeline', owners: ['person_x'], target: 5 })]),
  ];

  it('groups the problems of real plans by plan, errors first, counting each severity', () => {
    const groups = groupProblems(findProblems(plans, [{ id: 'person_x', name: 'X', email: '', team: 'sales', role: '', color: '#000000' }]));
    expect(groups.map((g) => g.planTitle)).toEqual(['Company plan']);
    const [company] = groups;
    expect(company!.problems.map((p) => p.code)).toEqual(['action-without-goal', 'goal-without-owner']);
    expect(company!.counts).toEqual({ error: 1, warning: 1, info: 0 });
  });

  it('keeps document order within one severity and the order plans first appear', () => {
    const p = (planId: string, severity: Problem['severity'], message: string): Problem =>
      ({ code: 'goal-without-owner', severity, message, planId, planTitle: planId, blockId: null, path: [0] });
    const groups = groupProblems([p('b', 'warning', 'w1'), p('a', 'info', 'i1'), p('b', 'error', 'e1'), p('b', 'warning', 'w2')]);
    expect(groups.map((g) => g.planId)).toEqual(['b', 'a']);
    expect(groups[0]!.problems.map((x) => x.message)).toEqual(['e1', 'w1', 'w2']);
    expect(countBySeverity(groups.flatMap((g) => g.problems))).toEqual({ error: 1, warning: 2, info: 1 });
  });

  it('describes counts in words', () => {
    expect(describeCounts({ error: 0, warning: 0, info: 0 })).toBe('No problems');
    expect(describeCounts({ error: 1, warning: 3, info: 0 })).toBe('1 error, 3 warnings');
    expect(describeCounts({ error: 2, warning: 1, info: 1 })).toBe('2 errors, 1 warning, 1 note');
  });
});
