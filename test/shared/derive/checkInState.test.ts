/** A goal's current value and status are its latest check-in's, wherever the goal is shown. */
import * as Y from 'yjs';
import { newGoal, paragraph } from '../../../shared/model/blocks';
import { createPlanDoc, migratePlanDoc, planMetaMap, PLAN_SCHEMA_VERSION, readPlanContent, snapshotPlan, type PlanSnapshot } from '../../../shared/model/planDoc';
import { checkInsByGoal, goalAsOf } from '../../../shared/derive/checkInState';
import { buildGoalTree } from '../../../shared/derive/goalTree';
import { planToMarkdown } from '../../../shared/derive/markdown';
import { planToPrintDocument } from '../../../shared/derive/publish/printDocument';
import { findProblems } from '../../../shared/derive/problems';
import { progressText } from '../../../shared/derive/rollup';
import { quickOpenItems } from '../../../renderer/contrib/commands/quickOpen';
import { DerivedStore } from '../../../renderer/editor/derivedStore';
import { checkIn } from './planFixture';


const goal = newGoal({ id: 'goal_rev', title: 'New revenue', metricUnit: '$', baseline: 0, target: 12e6, current: 1e6 });

describe('the latest check-in', () => {
  it('is by the day it is as of, then when it was recorded, then by id', () => {
    const late = checkIn('goal_rev', '2027-03-31', 4e6, { status: 'at-risk' });
    const early = checkIn('goal_rev', '2027-02-28', 3e6, { at: '2027-04-01T00:00:00.000Z' });
    const sameDayLater = checkIn('goal_rev', '2027-03-31', 5e6, { at: '2027-03-31T18:00:00.000Z', status: 'off-track' });
    const sorted = checkInsByGoal([sameDayLater, late, early]).get('goal_rev')!;
    expect(sorted.map((c) => c.value)).toEqual([3e6, 4e6, 5e6]);
    expect(goalAsOf(goal, sorted)).toMatchObject({ current: 5e6, status: 'off-track' });
    expect(goalAsOf(goal, sorted, '2027-03-01')).toMatchObject({ current: 3e6, status: 'on-track' });
    expect(goalAsOf(goal, sorted, '2027-01-01')).toMatchObject({ current: null });
  });

  it('of the status alone keeps the value before it; a goal without check-ins keeps its own fields', () => {
    const sorted = checkInsByGoal([checkIn('goal_rev', '2027-02-01', 2e6), checkIn('goal_rev', '2027-02-15', null, { status: 'at-risk' })]).get('goal_rev')!;
    expect(goalAsOf(goal, sorted)).toMatchObject({ current: 2e6, status: 'at-risk' });
    expect(goalAsOf(goal, undefined)).toBe(goal);
  });
});

it('card, Goals view, quick open, Problems, Markdown and the print model agree on a goal with check-ins', () => {
  const done = newGoal({ id: 'goal_done', title: 'Launch partner program', owners: ['p'], target: 1 });
  const plan: PlanSnapshot = {
    meta: { id: 'plan_a', title: 'FY27', templateId: '', period: 'FY2027', schemaVersion: 2, createdAt: '' },
    content: [goal, done, paragraph()],
    checkIns: [checkIn('goal_rev', '2027-03-31', 3e6, { status: 'at-risk' }), checkIn('goal_done', '2027-03-31', null, { status: 'done' })],
  };
  const tree = buildGoalTree([plan]);
  const view = tree.byId.get('goal_rev')!;
  expect(view.goal).toMatchObject({ current: 3e6, status: 'at-risk' });
  expect(progressText(view.progress)).toBe('25%');
  expect(tree.byId.get('goal_done')!.progress.ratio).toBe(1);
  expect(quickOpenItems([], tree).find((i) => i.value.goalId === 'goal_rev')!.detail).toBe('25%');
  const md = planToMarkdown(plan, []);
  expect(md).toContain('At risk');
  expect(md).toContain('(now $3,000,000) · progress 25%');
  expect(md).toContain('> **Last check-in:** 31 March 2027, Ana: $3,000,000, at risk');
  const printed = planToPrintDocument(plan, []).blocks.find((b) => b.kind === 'goal' && b.goal.id === 'goal_rev');
  expect(printed).toMatchObject({ goal: { current: '$3,000,000', progress: '25%', status: 'At risk', checkIn: '31 March 2027, Ana: $3,000,000, at risk' } });
  const card = new DerivedStore(() => plan.meta, undefined, () => [], () => plan.checkIns!);
  card.recompute(plan.content);
  expect(card.figuresOf('goal_rev')!.progress).toEqual(view.progress);
  expect(findProblems([plan], []).filter((p) => p.blockId === 'goal_rev').map((p) => p.code)).toEqual(['goal-without-owner']);
});

describe('plans from before check-ins (schema 1)', () => {
  function oldPlan(): Y.Doc {
    const doc = createPlanDoc({
      id: 'plan_old', title: 'FY26', templateId: 'annual-joint-plan', period: 'FY2026',
      content: [
        newGoal({ id: 'goal_a', title: 'Revenue', metricUnit: '$', target: 10e6, current: 7.5e6, status: 'at-risk' }),
        newGoal({ id: 'goal_b', title: 'No value yet', target: 5 }),
        newGoal({ id: 'goal_c', title: 'Done without a number', status: 'done' }),
        paragraph(),
      ],
    });
    planMetaMap(doc).set('schemaVersion', 1);
    return doc;
  }

  it('get each goal’s current value (and status) as its first check-in; nothing else changes', () => {
    const doc = oldPlan();
    const before = readPlanContent(doc);
    const progressBefore = [...buildGoalTree([snapshotPlan(doc)]).byId.values()].map((n) => n.progress);
    expect(migratePlanDoc(doc)).toEqual({ from: 1, to: PLAN_SCHEMA_VERSION });
    const snap = snapshotPlan(doc);
    expect(snap.meta.schemaVersion).toBe(2);
    expect(snap.content).toEqual(before);
    expect(snap.checkIns!.map((c) => [c.goalId, c.value, c.status, c.source])).toEqual(expect.arrayContaining([
      ['goal_a', 7.5e6, 'at-risk', 'migration'], ['goal_c', null, 'done', 'migration'],
    ]));
    expect(snap.checkIns).toHaveLength(2);
    expect([...buildGoalTree([snap]).byId.values()].map((n) => n.progress)).toEqual(progressBefore);
  });

  it('migrated by two people at once: one check-in per goal, both copies equal', () => {
    const a = oldPlan();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    migratePlanDoc(a);
    migratePlanDoc(b);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(snapshotPlan(a).checkIns).toEqual(snapshotPlan(b).checkIns);
    expect(snapshotPlan(a).checkIns).toHaveLength(2);
    migratePlanDoc(a);
    expect(snapshotPlan(a).checkIns).toHaveLength(2);
  });
});

it('the structural diff between two editions shows a goal’s check-ins as its current value and status', async () => {
  const { diffPlans } = await import('../../../shared/derive/diff/planDiff');
  const { diffToText } = await import('../../../shared/derive/diff/diffText');
  const meta = { id: 'plan_a', title: 'FY27', templateId: '', period: 'FY2027', schemaVersion: 2, createdAt: '' };
  const before: PlanSnapshot = { meta, content: [goal, paragraph()], checkIns: [checkIn('goal_rev', '2027-02-28', 2e6)] };
  const after: PlanSnapshot = { ...before, checkIns: [...before.checkIns!, checkIn('goal_rev', '2027-03-31', 3e6, { status: 'at-risk' })] };
  const text = diffToText(diffPlans(before, after, []));
  expect(text).toMatch(/current value.*\$2,000,000.*\$3,000,000/);
  expect(text).toMatch(/status.*On track.*At risk/);
});
