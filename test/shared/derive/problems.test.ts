import { newAction, newGoal, newStageMatrix, paragraph } from '../../../shared/model/blocks';
import { findProblems, type Problem } from '../../../shared/derive/problems';
import { ana, ben, plan, withoutFields } from './planFixture';

const owned = { owners: ['person_ana'], target: 1 };
const codes = (ps: Problem[]) => ps.map((p) => p.code);

describe('plan problems', () => {
  it('finds nothing in a complete plan', () => {
    const goal = newGoal({ id: 'g1', title: 'Revenue', ...owned });
    const action = newAction({ title: 'Webinar', goalId: 'g1', owner: 'person_ben' });
    const matrix = newStageMatrix();
    matrix.children.forEach((s) => { s.marketingOwner = 'person_ben'; s.salesOwner = 'person_ana'; });
    const mention = { type: 'paragraph' as const, children: [{ text: 'ask ' }, { type: 'mention' as const, personId: 'person_ana', name: 'Ana', children: [{ text: '' as const }] as [{ text: '' }] }, { text: '' }] };
    expect(findProblems([plan('p', [goal, action, matrix, mention])], [ana, ben])).toEqual([]);
  });

  it('asks who owns a goal and how we will know we got there', () => {
    const goal = newGoal({ id: 'g1', title: 'Grow revenue' });
    const [owner, target] = findProblems([plan('p', [paragraph('x'), goal], { title: 'FY27' })], []);
    expect(owner).toEqual({
      code: 'goal-without-owner', severity: 'warning', message: 'Who owns ‘Grow revenue’? Give the goal an owner.',
      planId: 'p', planTitle: 'FY27', blockId: 'g1', path: [1],
    });
    expect(target).toMatchObject({ code: 'goal-without-target', message: '‘Grow revenue’ has no target: how will we know we got there?', path: [1] });
  });

  it('asks why we are doing an action that serves no goal, and flags one whose goal is gone', () => {
    const goal = newGoal({ id: 'g1', ...owned });
    const show = newAction({ title: 'ABC trade show' });
    const dangling = newAction({ title: 'Webinar', goalId: 'g_gone' });
    const fine = newAction({ title: 'Call list', goalId: 'g1' });
    const ps = findProblems([plan('p', [goal, show, dangling, fine])], [ana]);
    expect(ps.map((p) => [p.code, p.severity, p.message, p.path])).toEqual([
      ['action-without-goal', 'warning', 'Why are we doing this? ‘ABC trade show’ serves no goal.', [1]],
      ['action-without-goal', 'error', '‘Webinar’ serves a goal that no longer exists: pick the goal it serves.', [2]],
    ]);
  });

  it('accepts an action serving a goal of another plan given', () => {
    const goal = newGoal({ id: 'g1', ...owned });
    const action = newAction({ title: 'x', goalId: 'g1' });
    expect(findProblems([plan('a', [goal]), plan('b', [action])], [ana])).toEqual([]);
  });

  it('reports parents that are missing, and parent loops', () => {
    const orphan = newGoal({ id: 'g1', title: 'Orphan', parentId: 'g_gone', ...owned });
    const a = newGoal({ id: 'ga', title: 'A', parentId: 'gb', ...owned });
    const b = newGoal({ id: 'gb', title: 'B', parentId: 'ga', ...owned });
    const ps = findProblems([plan('p', [orphan, a, b])], [ana]);
    expect(ps.map((p) => [p.code, p.severity, p.blockId])).toEqual([
      ['parent-missing', 'error', 'g1'], ['parent-cycle', 'error', 'ga'], ['parent-cycle', 'error', 'gb'],
    ]);
    expect(ps[0]!.message).toBe('‘Orphan’ supports a goal that no longer exists: link it to a current goal.');
  });

  it('asks a cascade plan’s top goals which company goal they support', () => {
    const top = newGoal({ id: 'g_top', title: 'Win the north', ...owned });
    const sub = newGoal({ id: 'g_sub', parentId: 'g_top', ...owned });
    const teamPlan = plan('team', [top, sub], { templateId: 'team-cascade-plan' });
    expect(findProblems([teamPlan], [ana]).map((p) => [p.code, p.blockId, p.message])).toEqual([
      ['subgoal-unlinked', 'g_top', '‘Win the north’ is not linked to any company goal: which goal above does it support?'],
    ]);
    // The same goals in an annual plan are fine: that is where company goals live.
    expect(findProblems([{ ...teamPlan, meta: { ...teamPlan.meta, templateId: 'annual-joint-plan' } }], [ana])).toEqual([]);
    const linked = newGoal({ ...top, parentId: 'g_company', parentPlanId: 'annual' });
    expect(codes(findProblems([plan('team', [linked, sub], { templateId: 'team-cascade-plan' })], [ana]))).toEqual([]);
  });

  it('names each stage missing an owner, on either side', () => {
    const matrix = newStageMatrix();
    matrix.children.forEach((s) => { s.marketingOwner = 'person_ben'; s.salesOwner = 'person_ana'; });
    matrix.children[0]!.salesOwner = null;
    matrix.children[6]!.marketingOwner = null;
    matrix.children[6]!.salesOwner = null;
    const ps = findProblems([plan('p', [paragraph(''), matrix])], [ana, ben]);
    expect(ps.map((p) => [p.message, p.path, p.blockId])).toEqual([
      ['Stage ‘Approach’ has no sales owner: who answers for it on each side?', [1, 0], matrix.id],
      ['Stage ‘Cement the sale’ has no marketing or sales owner: who answers for it on each side?', [1, 6], matrix.id],
    ]);
  });

  it('checks that sub-goal targets in the parent’s unit add up to its target', () => {
    const parent = newGoal({ id: 'gp', title: 'Revenue', metricUnit: '$', owners: ['person_ana'], target: 48_000_000 });
    const a = newGoal({ parentId: 'gp', metricUnit: '$', owners: ['person_ana'], target: 14_000_000 });
    const b = newGoal({ parentId: 'gp', metricUnit: '$', owners: ['person_ana'], target: 30_000_000 });
    const leads = newGoal({ parentId: 'gp', metricUnit: 'leads', owners: ['person_ana'], target: 1400 });
    const short = findProblems([plan('p', [parent, a, b, leads])], [ana]);
    expect(short).toEqual([expect.objectContaining({
      code: 'targets-do-not-add-up', severity: 'warning', blockId: 'gp', path: [0],
      message: 'The 2 sub-goals of ‘Revenue’ add up to $44,000,000, $4,000,000 short of its $48,000,000 target.',
    })]);

    const over = findProblems([plan('p', [parent, a, { ...b, target: 36_000_000 }])], [ana]);
    expect(over.map((p) => [p.severity, p.message])).toEqual([
      ['info', 'The 2 sub-goals of ‘Revenue’ add up to $50,000,000, $2,000,000 more than its $48,000,000 target.'],
    ]);
    expect(findProblems([plan('p', [parent, a, { ...b, target: 34_000_000 }])], [ana])).toEqual([]);
    // Within half a percent counts as adding up (rounding).
    expect(findProblems([plan('p', [parent, a, { ...b, target: 33_900_000 }])], [ana])).toEqual([]);
    // A sub-goal still without a target is reported as that, not as a shortfall.
    expect(codes(findProblems([plan('p', [parent, a, { ...b, target: null }])], [ana]))).toEqual(['goal-without-target']);
  });

  it('does not add up rates', () => {
    const parent = newGoal({ id: 'gp', metricUnit: '%', ...owned, target: 30 });
    const a = newGoal({ parentId: 'gp', metricUnit: '%', ...owned, target: 30 });
    const b = newGoal({ parentId: 'gp', metricUnit: '%', ...owned, target: 30 });
    expect(findProblems([plan('p', [parent, a, b])], [ana])).toEqual([]);
  });

  it('flags owners and mentions of people who are not in the directory', () => {
    const goal = newGoal({ id: 'g1', title: 'Revenue', owners: ['person_ana', 'person_gone'], target: 1 });
    const action = newAction({ id: 'a1', title: 'Call', goalId: 'g1', owner: 'person_left' });
    const mention = { type: 'paragraph' as const, children: [{ text: '' }, { type: 'mention' as const, personId: 'person_x', name: 'Xavier', children: [{ text: '' as const }] as [{ text: '' }] }, { text: '' }] };
    const ps = findProblems([plan('p', [goal, action, mention])], [ana]);
    expect(ps.map((p) => [p.code, p.message, p.path])).toEqual([
      ['unknown-person', 'An owner of ‘Revenue’ is not in the people directory any more: pick someone who is.', [0]],
      ['unknown-person', 'The owner of ‘Call’ is not in the people directory any more: pick someone who is.', [1]],
      ['unknown-person', 'Xavier, mentioned here, is not in the people directory any more: pick someone who is.', [2, 1]],
    ]);
  });

  it('lists problems of every plan given, each naming its plan', () => {
    const ps = findProblems([plan('a', [newGoal({ target: 1 })]), plan('b', [newGoal({ target: 1 })])], []);
    expect(ps.map((p) => [p.code, p.planId, p.planTitle])).toEqual([
      ['goal-without-owner', 'a', 'Plan a'], ['goal-without-owner', 'b', 'Plan b'],
    ]);
  });
});

describe('problems of blocks whose empty fields are absent (as Slate keeps them)', () => {
  it('reads an absent target, goal or owner as missing, not as set', () => {
    const goal = withoutFields(newGoal({ id: 'g1', title: 'Grow revenue', owners: ['person_ana'] }), 'target', 'parentId', 'parentPlanId');
    const action = withoutFields(newAction({ title: 'ABC trade show', owner: 'person_ana' }), 'goalId');
    const ownerless = withoutFields(newAction({ title: 'Webinar', goalId: 'g1' }), 'owner');
    const ps = findProblems([plan('p', [goal, action, ownerless])], [ana]);
    expect(ps.map((p) => [p.code, p.path])).toEqual([
      ['goal-without-target', [0]],
      ['action-without-goal', [1]],
    ]);
    expect(ps.some((p) => /undefined|NaN/.test(p.message))).toBe(false);
  });
});
