/** The Plan Review's data: goals by team with progress, pace, last check-in and trend; the lists; the Markdown. */
import { newGoal, paragraph } from '../../../shared/model/blocks';
import { type PlanSnapshot } from '../../../shared/model/planDoc';
import { ALL_PERIODS, planReview, plansInPeriod, reviewCounts, reviewPeriods, reviewSummaryMarkdown } from '../../../shared/derive/review';
import { type Team } from '../../../shared/model/teams';
import { checkIn } from './planFixture';

const teams: Team[] = [
  { id: 'team_west', name: 'West Sales', kind: 'sales' },
  { id: 'team_demand', name: 'Demand Gen', kind: 'marketing' },
];
const meta = { id: 'plan_q2', title: 'Q2 plan', templateId: 'team-cascade-plan', period: 'Q2 FY2027', schemaVersion: 2, createdAt: '2027-03-01T00:00:00.000Z' };
const plan: PlanSnapshot = {
  meta,
  content: [
    newGoal({ id: 'goal_west', title: 'West new revenue', team: 'team_west', owners: ['person_ana'], metricUnit: '$', baseline: 0, target: 900e3 }),
    newGoal({ id: 'goal_mql', title: 'Accepted leads', team: 'team_demand', owners: ['person_ben'], metricUnit: 'leads', baseline: 0, target: 300 }),
    newGoal({ id: 'goal_old', title: 'Partner deals', team: 'sales', metricUnit: 'deals', target: 10 }),
    paragraph(),
  ],
  checkIns: [
    checkIn('goal_west', '2027-04-30', 150e3), checkIn('goal_west', '2027-05-31', 250e3, { status: 'at-risk', note: 'Two deals slipped to Q3', author: 'Ana' }),
    checkIn('goal_mql', '2027-05-31', 180, { status: 'on-track' }),
  ],
};

it('shows every goal by team, with pace, last check-in and trend since the last review', () => {
  const review = planReview([plan], { today: '2027-06-01', since: '2027-05-01', teams });
  expect(review.teams.map((t) => [t.team.name, t.goals.map((g) => g.title)])).toEqual([
    ['West Sales', ['West new revenue']], ['Demand Gen', ['Accepted leads']], ['Sales', ['Partner deals']],
  ]);
  const west = review.teams[0]!.goals[0]!;
  expect(west.progress.ratio).toBeCloseTo(250 / 900);
  expect(west.pace!.expected).toBeCloseTo(61 / 90, 2); // Q2 = Apr–Jun, 61 of 90 days gone
  expect(west.pace!.behind).toBe(true);
  expect(west.latest!.note).toBe('Two deals slipped to Q3');
  expect(west.daysSinceCheckIn).toBe(1);
  expect(west.trend.change).toBeCloseTo(100 / 900);
  expect(review.atRisk.map((g) => g.goalId)).toEqual(['goal_west']);
  expect(review.behindPace.map((g) => g.goalId)).toEqual(['goal_west', 'goal_mql']); // 28% and 60% with 68% of the quarter gone
  expect(review.quiet.map((g) => g.goalId)).toEqual(['goal_old']);
});

it('writes the review as Markdown for the meeting', () => {
  const md = reviewSummaryMarkdown(planReview([plan], { today: '2027-06-01', since: '2027-05-01', teams }),
    [{ id: 'person_ana', name: 'Ana Ortiz', email: '', team: 'team_west', role: '', color: '#336699' }], 'Q2 review');
  expect(md).toContain('# Q2 review — 2027-06-01');
  expect(md).toContain('## At risk or off track (1)\n\n- **West new revenue** (West Sales, Ana Ortiz): At risk, 28% — “Two deals slipped to Q3”');
  expect(md).toContain('## Behind pace (2)');
  expect(md).toContain('## No recent check-in (1)\n\n- **Partner deals** (Sales, no owner): never checked in');
  expect(md).toContain('| West new revenue | At risk | 28% | behind (68% by now) | +11 pts | $250,000, 2027-05-31 by Ana |');
});

it('reviews one period at a time, the latest first; counts what the headline shows; names the goal a sub-goal supports', () => {
  const fy26: PlanSnapshot = { ...plan, meta: { ...meta, id: 'plan_fy26', period: 'FY2026' } };
  const q3: PlanSnapshot = { ...plan, meta: { ...meta, id: 'plan_q3', period: 'Q3 FY2027' } };
  const undated: PlanSnapshot = { ...plan, meta: { ...meta, id: 'plan_x', period: 'Someday' } };
  expect(reviewPeriods([fy26, plan, undated, q3, plan])).toEqual(['Q3 FY2027', 'Q2 FY2027', 'FY2026', 'Someday']);
  expect(plansInPeriod([fy26, plan, q3], 'Q2 FY2027').map((p) => p.meta.id)).toEqual(['plan_q2']);
  expect(plansInPeriod([fy26, plan], ALL_PERIODS)).toHaveLength(2);

  const review = planReview([plan], { today: '2027-06-01', since: '2027-05-01', teams });
  // Q2 runs 1 Apr – 30 Jun: 68% of it gone. West is at 28%, leads at 60%: both behind; partner deals have no value yet.
  expect(reviewCounts(review)).toEqual({ goals: 3, onPace: 0, behindPace: 2, atRisk: 1, quiet: 1 });
  // A month earlier (as the check-ins stand now), the leads goal was ahead of its 33%.
  expect(reviewCounts(planReview([plan], { today: '2027-05-01', since: '2027-04-01', teams }))).toMatchObject({ onPace: 1, behindPace: 1 });

  const child = newGoal({ id: 'goal_sub', title: 'Seattle logos', parentId: 'goal_west', team: 'team_west', metricUnit: '$', target: 100e3 });
  const nested = planReview([{ ...plan, content: [...plan.content.slice(0, 1), child, ...plan.content.slice(1)] }], { today: '2027-06-01', since: '2027-05-01', teams });
  expect(nested.teams[0]!.goals.map((g) => [g.title, g.parentTitle])).toEqual([['West new revenue', null], ['Seattle logos', 'West new revenue']]);
});
