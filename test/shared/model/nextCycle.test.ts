import { describe, expect, it } from 'vitest';
import { heading, newAction, newGoal, newStageMatrix, paragraph } from '../../../shared/model/blocks';
import { type ActionElement, type GoalElement, type PlanContent } from '../../../shared/model/elements';
import { nextCycleContent, nextCyclePlanDoc, previousCyclePlanId, suggestNextPeriod, suggestNextTitle } from '../../../shared/model/nextCycle';
import { createPlanDoc, readPlanContent, readPlanMeta, snapshotPlan } from '../../../shared/model/planDoc';
import { parsePlanContent } from '../../../shared/model/schemas';
import { normalizePlanContent } from '../../../shared/model/planOps';
import { diffPlans } from '../../../shared/derive/diff/planDiff';
import { diffToText } from '../../../shared/derive/diff/diffText';
import { ana, ben, checkIn, plan } from '../derive/planFixture';
import { addCheckIn, readCheckIns } from '../../../shared/model/checkIns';

const goals = (c: PlanContent) => c.filter((n): n is GoalElement => 'type' in n && n.type === 'goal');
const actions = (c: PlanContent) => c.filter((n): n is ActionElement => 'type' in n && n.type === 'action');

function teamPlan() {
  return plan('plan_q3', [
    heading(1, 'Goals'),
    paragraph('Q3 is about EMEA.'),
    newGoal({ id: 'goal_emea', title: 'EMEA pipeline', metricUnit: '$', baseline: 100, target: 500, current: 320, status: 'at-risk', owners: [ana.id, ben.id], parentId: 'goal_co', parentPlanId: 'plan_fy27', period: 'Q3 FY27', due: '2027-09-30', rationale: 'Biggest gap.' }),
    newGoal({ id: 'goal_webinars', title: 'Webinars', metricUnit: 'events', target: 6, parentId: 'goal_emea', period: 'Q3 FY27' }),
    newGoal({ id: 'goal_brand', title: 'Brand', parentId: 'goal_brand_co', parentPlanId: 'plan_fy27' }),
    heading(1, 'Actions'),
    newAction({ id: 'action_show', title: 'Trade show', owner: ben.id, done: true, due: '2027-08-01', budget: 40_000, goalId: 'goal_webinars' }),
    newStageMatrix(),
  ], { templateId: 'team-cascade-plan', title: 'EMEA Q3' });
}

describe('next cycle of a plan with check-ins', () => {
  it('starts each goal from its latest check-in and carries no check-in over', () => {
    const source = { ...teamPlan(), checkIns: [checkIn('goal_emea', '2027-08-31', 410), checkIn('goal_emea', '2027-09-29', 470, { status: 'on-track' })] };
    const [emea] = goals(nextCycleContent(source, { planId: 'plan_q4', title: 'EMEA Q4', period: 'Q4 FY27' }).content);
    expect(emea).toMatchObject({ baseline: 470, current: null, status: 'on-track' });
    const doc = createPlanDoc({ id: 'plan_q3', title: 'EMEA Q3', templateId: 'team-cascade-plan', period: 'Q3 FY27', content: teamPlan().content });
    addCheckIn(doc, { goalId: 'goal_emea', value: 470, status: 'at-risk', confidence: null, note: '', date: '2027-09-29', author: 'Ana' });
    const { doc: next } = nextCyclePlanDoc(snapshotPlan(doc), { planId: 'plan_q4', title: 'EMEA Q4', period: 'Q4 FY27' });
    expect(readCheckIns(next)).toEqual([]);
    expect(goals(readPlanContent(next))[0]!.baseline).toBe(470);
  });
});

describe('nextCycleContent', () => {
  const source = { ...teamPlan(), meta: { ...teamPlan().meta, period: 'Q3 FY27' } };
  // Next year's company plan already continues the company goal goal_co (but not goal_brand_co).
  const companyNext = plan('plan_fy28', [newGoal({ id: 'goal_co28', title: 'Revenue FY28', previousGoalId: 'goal_co', previousPlanId: 'plan_fy27' })]);

  it('keeps text, owners and targets; baseline from last current; resets current, status, due dates and done actions', () => {
    const { content } = nextCycleContent(source, { planId: 'plan_q4', title: 'EMEA Q4', period: 'Q4 FY27', plans: [companyNext] });
    const [emea, webinars] = goals(content);
    expect(emea).toMatchObject({
      title: 'EMEA pipeline', owners: [ana.id, ben.id], target: 500, baseline: 320, current: null, status: 'on-track', due: null,
      period: 'Q4 FY27', rationale: 'Biggest gap.', previousGoalId: 'goal_emea', previousPlanId: 'plan_q3',
    });
    expect(emea!.id).not.toBe('goal_emea');
    expect(webinars).toMatchObject({ baseline: null, parentId: emea!.id, parentPlanId: null, previousGoalId: 'goal_webinars' });
    const [show] = actions(content);
    expect(show).toMatchObject({ id: 'action_show', done: false, due: null, budget: 40_000, goalId: webinars!.id });
    expect(content[1]).toEqual(paragraph('Q3 is about EMEA.'));
    expect(() => parsePlanContent(normalizePlanContent(content))).not.toThrow();
  });

  it('links to next cycle’s parent where the parent’s plan has one, and keeps the link where it does not', () => {
    const { content, relinked } = nextCycleContent(source, { planId: 'plan_q4', title: 'EMEA Q4', period: 'Q4 FY27', plans: [companyNext, source] });
    const [emea, , brand] = goals(content);
    expect([emea!.parentId, emea!.parentPlanId]).toEqual(['goal_co28', 'plan_fy28']);
    expect([brand!.parentId, brand!.parentPlanId]).toEqual(['goal_brand_co', 'plan_fy27']);
    expect(relinked).toBe(1);
  });

  it('makes a plan document with the new title and period, the same template', () => {
    const { doc: next } = nextCyclePlanDoc(snapshotPlan(createPlanDoc({ ...source.meta, content: source.content })), { planId: 'plan_q4', title: 'EMEA Q4', period: 'Q4 FY27' });
    expect(readPlanMeta(next)).toMatchObject({ id: 'plan_q4', title: 'EMEA Q4', period: 'Q4 FY27', templateId: 'team-cascade-plan' });
    expect(goals(readPlanContent(next)).map((g) => g.title)).toEqual(['EMEA pipeline', 'Webinars', 'Brand']);
  });

  it('lets the diff compare the two cycles goal by goal through the link', () => {
    const { content } = nextCycleContent(source, { planId: 'plan_q4', title: 'EMEA Q4', period: 'Q4 FY27' });
    const next = { meta: { ...source.meta, id: 'plan_q4', title: 'EMEA Q4', period: 'Q4 FY27' }, content };
    const text = diffToText(diffPlans(source, next, [ana, ben], { match: 'previous-cycle' }));
    expect(text).toContain('~ goal “EMEA pipeline”: baseline $100 → $320');
    expect(text).toContain('~ goal “EMEA pipeline”: current value $320 → —');
    expect(text).toContain('~ goal “EMEA pipeline”: status At risk → On track');
    expect(text).toContain('~ action “Trade show”: done done → not done');
    expect(text).not.toContain('goal “EMEA pipeline” added');
    expect(text).not.toContain('↳');
    // Matched by id instead, every goal would read as removed and added.
    expect(diffToText(diffPlans(source, next, [ana, ben]))).toContain('+ goal “EMEA pipeline” added');
  });
});

describe('suggestNextPeriod', () => {
  it.each([['FY27', 'FY28'], ['Q3 FY27', 'Q4 FY27'], ['Q4 FY27', 'Q1 FY28'], ['H1 2027', 'H2 2027'], ['H2 2027', 'H1 2028'], ['2026', '2027'], ['FY 2027', 'FY 2028'], ['Spring launch', '']])('%s → %s', (a, b) => {
    expect(suggestNextPeriod(a)).toBe(b);
  });
});

describe('suggestNextTitle', () => {
  it.each([
    ['FY27 joint plan', 'FY27', 'FY28', 'FY28 joint plan'],
    ['West region Q3 FY27', 'Q3 FY27', 'Q4 FY27', 'West region Q4 FY27'],
    ['Joint plan', 'FY27', 'FY28', 'Joint plan FY28'],
    ['Joint plan', '', 'FY28', 'Joint plan FY28'],
    ['Spring launch', 'Spring', '', 'Spring launch'],
  ])('%s (%s) → %s: %s', (title, period, next, expected) => {
    expect(suggestNextTitle(title, period, next)).toBe(expected);
  });
});

describe('previousCyclePlanId', () => {
  it('is the plan most of the goals continue, and null for a plan that continues none', () => {
    const last = plan('plan_fy26', [newGoal({ id: 'goal_a' }), newGoal({ id: 'goal_b' })]);
    const next = nextCycleContent(last, { planId: 'plan_fy27', title: 'FY27', period: 'FY27' });
    const fy27 = plan('plan_fy27', [...next.content, newGoal({ previousGoalId: 'goal_x', previousPlanId: 'plan_other' })]);
    expect(previousCyclePlanId(fy27)).toBe('plan_fy26');
    expect(previousCyclePlanId(last)).toBeNull();
    // A goal pointing at its own plan is not a previous cycle.
    expect(previousCyclePlanId(plan('plan_self', [newGoal({ previousGoalId: 'goal_a', previousPlanId: 'plan_self' })]))).toBeNull();
  });
});
