import { behindPace, goalKey, progressExplained, progressPercent, visibleGoalRows } from '../../../../renderer/contrib/goalTree/goalTreeRows';
import { buildGoalTree } from '../../../../shared/derive/goalTree';
import { newGoal } from '../../../../shared/model/blocks';
import { type PlanSnapshot } from '../../../../shared/model/planDoc';
import { type PlanContent } from '../../../../shared/model/elements';
import { type Person } from '../../../../shared/model/people';

const plan = (id: string, title: string, content: PlanContent): PlanSnapshot => ({
  meta: { id, title, templateId: 'annual', period: '', schemaVersion: 1, createdAt: '' },
  content,
});
const ben: Person = { id: 'person_ben', name: 'Ben Adler', email: '', team: 'marketing', role: '', color: '#059669' };

const tree = buildGoalTree([
  plan('plan_co', 'Company plan', [
    newGoal({ id: 'goal_rev', title: 'Revenue 12 M$', metricUnit: 'M$', target: 12 }),
    newGoal({ id: 'goal_mql', title: 'Marketing qualified leads', parentId: 'goal_rev', owners: ['person_ben'], target: 100, current: 50 }),
  ]),
  plan('plan_emea', 'EMEA plan', [
    newGoal({ id: 'goal_emea', title: 'EMEA revenue', parentId: 'goal_rev', parentPlanId: 'plan_co', metricUnit: 'M$', target: 4, current: 3 }),
    newGoal({ id: 'goal_dach', title: 'DACH deals', parentId: 'goal_emea' }),
  ]),
]);
const titles = (rows: ReturnType<typeof visibleGoalRows>) => rows.map((r) => `${'  '.repeat(r.depth)}${r.node.goal.title}`);

describe('goal tree rows', () => {
  it('shows the whole cascade across plans, nested by parent links', () => {
    expect(titles(visibleGoalRows(tree.roots, { collapsed: new Set() }))).toEqual([
      'Revenue 12 M$',
      '  Marketing qualified leads',
      '  EMEA revenue',
      '    DACH deals',
    ]);
  });

  it('names the plan where the cascade crosses plans, not on every goal below', () => {
    const rows = visibleGoalRows(tree.roots, { collapsed: new Set(), activePlanId: 'plan_co' });
    expect(rows.filter((r) => r.showsPlan).map((r) => r.node.goal.title)).toEqual(['EMEA revenue']);
    const fromEmea = visibleGoalRows(tree.roots, { collapsed: new Set(), activePlanId: 'plan_emea' });
    expect(fromEmea.filter((r) => r.showsPlan).map((r) => r.node.goal.title)).toEqual(['Revenue 12 M$', 'EMEA revenue']);
  });

  it('hides the goals under a collapsed goal', () => {
    const emea = tree.byId.get('goal_emea')!;
    const rows = visibleGoalRows(tree.roots, { collapsed: new Set([goalKey(emea)]) });
    expect(titles(rows)).toEqual(['Revenue 12 M$', '  Marketing qualified leads', '  EMEA revenue']);
    expect(rows[2]).toMatchObject({ hasChildren: true, expanded: false });
  });

  it('filters by title, owner or plan, keeping the goals above a match', () => {
    const rows = visibleGoalRows(tree.roots, { collapsed: new Set(), filter: 'dach' });
    expect(titles(rows)).toEqual(['Revenue 12 M$', '  EMEA revenue', '    DACH deals']);
    expect(rows.map((r) => r.matches)).toEqual([false, false, true]);
    expect(titles(visibleGoalRows(tree.roots, { collapsed: new Set(), filter: 'adler', people: [ben] }))).toEqual([
      'Revenue 12 M$', '  Marketing qualified leads',
    ]);
    expect(visibleGoalRows(tree.roots, { collapsed: new Set(), filter: 'nothing like it' })).toEqual([]);
  });

  it('opens collapsed goals on the way to a filter match', () => {
    const rev = tree.byId.get('goal_rev')!;
    expect(titles(visibleGoalRows(tree.roots, { collapsed: new Set([goalKey(rev)]), filter: 'emea' }))).toContain('  EMEA revenue');
  });

  it('turns rolled-up progress into a percent and words', () => {
    const rev = tree.byId.get('goal_rev')!;
    expect(progressPercent(rev.progress)).toBe(25); // 3 of 12 M$ from the EMEA sub-goal
    expect(progressExplained(rev.progress)).toMatch(/^25% — 3 M\$ from 1 sub-goal toward 12/);
    expect(progressPercent(tree.byId.get('goal_dach')!.progress)).toBeNull();
    expect(progressExplained(tree.byId.get('goal_dach')!.progress)).toBe('No progress yet: no target set');
  });
});

describe('goals behind pace', () => {
  it('marks a goal whose progress is more than 5 points below the share of its period gone, by the plan’s period and the fiscal year', () => {
    const plans = [{ ...plan('plan_fy', 'FY plan', [
      newGoal({ id: 'goal_slow', title: 'Slow', metricUnit: 'leads', baseline: 0, target: 100, current: 10 }),
      newGoal({ id: 'goal_fast', title: 'Fast', metricUnit: 'leads', baseline: 0, target: 100, current: 60 }),
    ]), meta: { id: 'plan_fy', title: 'FY plan', templateId: 'annual', period: 'FY2027', schemaVersion: 2, createdAt: '' } }];
    const roots = buildGoalTree(plans).roots;
    const behind = (today: string, fy = 1) => [...behindPace(roots, plans, today, fy).keys()].map((k) => k.split(':')[1]);
    expect(behind('2027-07-01')).toEqual(['goal_slow']); // half the year gone: 10% is behind, 60% is not
    expect(behind('2027-01-20')).toEqual([]); // 5% gone
    expect(behind('2026-12-01', 7)).toEqual(['goal_slow']); // FY2027 from July 2026: five months in
  });
});
