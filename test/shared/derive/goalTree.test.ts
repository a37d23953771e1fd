import { heading, newGoal, paragraph } from '../../../shared/model/blocks';
import { buildGoalTree, type GoalNode } from '../../../shared/derive/goalTree';
import { plan, withoutFields } from './planFixture';

const titles = (nodes: GoalNode[]): unknown[] => nodes.map((n) => (n.children.length ? [n.goal.title, titles(n.children)] : n.goal.title));

describe('goal tree', () => {
  it('nests goals under their parents in document order, with depth and paths', () => {
    const company = newGoal({ id: 'g_company', title: 'Company' });
    const sales = newGoal({ id: 'g_sales', title: 'Sales', parentId: 'g_company' });
    const region = newGoal({ id: 'g_region', title: 'Region', parentId: 'g_sales' });
    const marketing = newGoal({ id: 'g_mkt', title: 'Marketing', parentId: 'g_company' });
    // A sub-goal written above its parent still nests under it.
    const tree = buildGoalTree([plan('p1', [region, heading(1, 'Goals'), company, paragraph('x'), sales, marketing])]);
    expect(titles(tree.roots)).toEqual([['Company', [['Sales', ['Region']], 'Marketing']]]);
    const r = tree.byId.get('g_region')!;
    expect(r).toMatchObject({ depth: 2, path: [0], planId: 'p1', planTitle: 'Plan p1', parentMissing: false, inCycle: false });
    expect(tree.byId.get('g_company')!.path).toEqual([2]);
  });

  it('links goals across plans through parentPlanId', () => {
    const company = newGoal({ id: 'g_company', title: 'Company' });
    const team = newGoal({ id: 'g_team', title: 'Team', parentId: 'g_company', parentPlanId: 'annual' });
    const tree = buildGoalTree([plan('annual', [company]), plan('team', [team])]);
    expect(titles(tree.roots)).toEqual([['Company', ['Team']]]);
    expect(tree.byId.get('g_team')!.planId).toBe('team');
  });

  it('does not look for a cross-plan parent in the wrong plan', () => {
    const company = newGoal({ id: 'g_company', title: 'Company' });
    const team = newGoal({ id: 'g_team', title: 'Team', parentId: 'g_company', parentPlanId: 'other' });
    const tree = buildGoalTree([plan('annual', [company]), plan('other', [paragraph('')]), plan('team', [team])]);
    expect(tree.byId.get('g_team')!.parentMissing).toBe(true);
    expect(tree.roots.map((n) => n.goal.title)).toEqual(['Company', 'Team']);
  });

  it('marks a missing parent only when its plan is among the plans given', () => {
    const orphan = newGoal({ id: 'g_orphan', parentId: 'g_gone' });
    const elsewhere = newGoal({ id: 'g_elsewhere', parentId: 'g_far', parentPlanId: 'not-loaded' });
    const tree = buildGoalTree([plan('p', [orphan, elsewhere])]);
    expect(tree.byId.get('g_orphan')!.parentMissing).toBe(true);
    expect(tree.byId.get('g_elsewhere')!.parentMissing).toBe(false);
    expect(tree.roots).toHaveLength(2);
  });

  it('cuts parent cycles instead of hanging, and marks the goals in them', () => {
    const a = newGoal({ id: 'g_a', title: 'A', parentId: 'g_c' });
    const b = newGoal({ id: 'g_b', title: 'B', parentId: 'g_a' });
    const c = newGoal({ id: 'g_c', title: 'C', parentId: 'g_b' });
    const below = newGoal({ id: 'g_d', title: 'D', parentId: 'g_a' });
    const self = newGoal({ id: 'g_self', title: 'Self', parentId: 'g_self' });
    const tree = buildGoalTree([plan('p', [a, b, c, below, self])]);
    expect(['g_a', 'g_b', 'g_c', 'g_self'].map((id) => tree.byId.get(id)!.inCycle)).toEqual([true, true, true, true]);
    expect(tree.byId.get('g_d')!.inCycle).toBe(false);
    expect(titles(tree.roots)).toEqual([['A', ['D']], 'B', 'C', 'Self']);
  });

  it('rolls progress up through every level', () => {
    const top = newGoal({ id: 'g_top', metricUnit: '$', target: 100 });
    const mid = newGoal({ id: 'g_mid', parentId: 'g_top', metricUnit: 'deals' });
    const leaf1 = newGoal({ id: 'g_l1', parentId: 'g_mid', metricUnit: 'deals', target: 10, current: 5 });
    const leaf2 = newGoal({ id: 'g_l2', parentId: 'g_mid', status: 'done' });
    const tree = buildGoalTree([plan('p', [top, mid, leaf1, leaf2])]);
    expect(tree.byId.get('g_mid')!.progress).toMatchObject({ ratio: 0.75, basis: 'children' });
    expect(tree.byId.get('g_top')!.progress).toMatchObject({ ratio: 0.75, basis: 'children' });
  });

  it('is empty for plans without goals', () => {
    expect(buildGoalTree([plan('p', [paragraph('just prose')])])).toEqual({ roots: [], byId: new Map() });
    expect(buildGoalTree([]).roots).toEqual([]);
  });

  it('keeps a deep chain of thousands of goals', () => {
    const chain = Array.from({ length: 3000 }, (_, i) => newGoal({ id: `g_${i}`, parentId: i ? `g_${i - 1}` : null, target: 1, current: i === 2999 ? 1 : null }));
    const tree = buildGoalTree([plan('p', chain)]);
    expect(tree.byId.get('g_2999')!.depth).toBe(2999);
    expect(tree.roots[0]!.progress.ratio).toBe(1);
  });
});

describe('goal tree of goals whose empty fields are absent (as Slate keeps them)', () => {
  it('puts a goal without parentId at the root and links one without parentPlanId within its plan', () => {
    const company = withoutFields(newGoal({ id: 'g_company', title: 'Company' }), 'parentId', 'parentPlanId', 'target');
    const sales = withoutFields(newGoal({ id: 'g_sales', title: 'Sales', parentId: 'g_company' }), 'parentPlanId', 'target');
    const tree = buildGoalTree([plan('p1', [company, sales])]);
    expect(titles(tree.roots)).toEqual([['Company', ['Sales']]]);
    expect(tree.byId.get('g_sales')).toMatchObject({ parentMissing: false, inCycle: false, depth: 1 });
    expect(tree.byId.get('g_company')!.progress).toMatchObject({ ratio: null, basis: 'none' });
  });
});
