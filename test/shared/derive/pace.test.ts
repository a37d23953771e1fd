/** Pace lines, behind pace, progress over time from sub-goals' check-ins, and "no check-in in N days". */
import { newGoal, paragraph } from '../../../shared/model/blocks';
import { type PlanSnapshot } from '../../../shared/model/planDoc';
import { buildGoalTree } from '../../../shared/derive/goalTree';
import { checkInDays, contributionsOf, elapsedShare, paceLine, paceOf, paceValueAt, progressAsOf, progressSeries, trendSince } from '../../../shared/derive/pace';
import { childShares, rollupProgress, type Progress } from '../../../shared/derive/rollup';
import { findProblems } from '../../../shared/derive/problems';
import { checkIn } from './planFixture';

const FY27 = { label: 'FY2027', start: '2027-01-01', end: '2027-12-31' };
const meta = { id: 'plan_fy27', title: 'FY27', templateId: 'annual-joint-plan', period: 'FY2027', periodStart: '2027-01-01', periodEnd: '2027-12-31', schemaVersion: 2, createdAt: '2026-12-01T00:00:00.000Z' };

describe('the pace line', () => {
  const goal = newGoal({ baseline: 10e6, target: 12e6, metricUnit: '$' });

  it('runs from the baseline at the period start to the target on the due date (the period end without one)', () => {
    const line = paceLine(goal, FY27)!;
    expect(line).toEqual({ start: '2027-01-01', end: '2027-12-31', from: 10e6, to: 12e6 });
    expect(paceValueAt(line, '2026-12-01')).toBe(10e6);
    expect(paceValueAt(line, '2027-07-02')).toBeCloseTo(11e6, -3); // day 182 of 364
    expect(paceValueAt(line, '2028-03-01')).toBe(12e6);
    const due = paceLine({ ...goal, due: '2027-06-30' }, FY27)!;
    expect(due.end).toBe('2027-06-30');
    expect(elapsedShare(due, '2027-06-30')).toBe(1);
    expect(paceLine({ ...goal, target: null }, FY27)).toBeNull();
    expect(paceLine(goal, null)).toBeNull();
  });

  it('says a goal is behind when its progress is more than 5 points below the time passed; done never is', () => {
    const g = { ...goal, current: 10.8e6 }; // 40% of the increase
    const ratio = { ratio: 0.4, basis: 'metric' as const };
    expect(paceOf(g, ratio, FY27, '2027-05-01')!.behind).toBe(false); // 33% of the year gone
    expect(paceOf(g, ratio, FY27, '2027-07-01')!.behind).toBe(true); // 49.6% gone
    expect(paceOf({ ...g, status: 'done' }, ratio, FY27, '2027-12-01')!.behind).toBe(false);
  });
});

describe('progress over time', () => {
  // Revenue $40M → $48M; new business (baseline $11M) and renewals (baseline $29M) add up to it.
  const parent = newGoal({ id: 'goal_total', title: 'Grow revenue', metricUnit: '$', baseline: 40e6, target: 48e6, owners: ['p'] });
  const nb = newGoal({ id: 'goal_nb', title: 'New business', metricUnit: '$', baseline: 11e6, target: 14e6, parentId: 'goal_total', owners: ['p'] });
  const renewals = newGoal({ id: 'goal_ren', title: 'Renewals', metricUnit: '$', baseline: 29e6, target: 34e6, parentId: 'goal_total', owners: ['p'] });
  const plan: PlanSnapshot = {
    meta, content: [parent, nb, renewals, paragraph()],
    checkIns: [
      checkIn('goal_nb', '2027-02-28', 11.5e6), checkIn('goal_ren', '2027-02-28', 29.5e6),
      checkIn('goal_nb', '2027-03-31', 12.5e6), checkIn('goal_ren', '2027-04-15', 31e6),
    ],
  };
  const node = buildGoalTree([plan]).byId.get('goal_total')!;

  it('rolls a parent up from its sub-goals’ check-ins as of each day', () => {
    expect(progressAsOf(node, '2027-01-31').ratio).toBeNull();
    expect(progressAsOf(node, '2027-02-28').ratio).toBeCloseTo(1e6 / 8e6); // +0.5M +0.5M of the $8M increase
    expect(progressAsOf(node, '2027-03-31').ratio).toBeCloseTo(2e6 / 8e6);
    expect(progressSeries(node).map((p) => [p.date, Math.round(p.ratio * 1000) / 1000])).toEqual([
      ['2027-02-28', 0.125], ['2027-03-31', 0.25], ['2027-04-15', 0.438],
    ]);
    expect(node.progress.ratio).toBeCloseTo(3.5e6 / 8e6);
  });

  it('splits the rolled-up progress into what each sub-goal brought, day by day (the chart’s stacked areas)', () => {
    const days = checkInDays(node);
    expect(days).toEqual(['2027-02-28', '2027-03-31', '2027-04-15']);
    const parts = contributionsOf(node, days);
    expect(parts.map((p) => p.title)).toEqual(['New business', 'Renewals']);
    // New business gained $0.5M, $1.5M, $1.5M of the $8M increase; renewals $0.5M, $0.5M, $2M.
    expect(parts[0]!.shares.map((x) => x! * 8e6)).toEqual([0.5e6, 1.5e6, 1.5e6].map((v) => expect.closeTo(v, 0)));
    expect(parts[1]!.shares.map((x) => x! * 8e6)).toEqual([0.5e6, 0.5e6, 2e6].map((v) => expect.closeTo(v, 0)));
    days.forEach((d, i) => expect(parts[0]!.shares[i]! + parts[1]!.shares[i]!).toBeCloseTo(progressAsOf(node, d).ratio!));
    // Before a sub-goal's first check-in it does not count.
    expect(contributionsOf(node, ['2027-01-15']).map((p) => p.shares[0])).toEqual([null, null]);
  });

  it('splits by the same rule as the rollup, for sums and averages alike (seeded cases)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    let judged = 0;
    for (let n = 0; n < 300; n++) {
      const parentGoal = newGoal({ metricUnit: pick(['$', '%', 'leads']), target: pick([null, 100, 500]), baseline: pick([null, 0, 50]) });
      const kids = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => newGoal({
        metricUnit: pick(['$', '%', 'leads']), baseline: pick([null, 0, 20]), target: pick([null, 100, 300]), current: pick([null, 10, 60, 250]),
      }));
      const progress: Progress[] = kids.map((k) => rollupProgress(k, [], []));
      const rolled = rollupProgress(parentGoal, progress, kids);
      if (rolled.basis !== 'children') continue;
      const sum = childShares(parentGoal, progress, kids).reduce<number>((s, x) => s + (x ?? 0), 0);
      expect(Math.min(1, Math.max(0, sum))).toBeCloseTo(rolled.ratio!, 9);
      judged++;
    }
    expect(judged).toBeGreaterThan(100);
  });

  it('gives the trend since the previous review', () => {
    const t = trendSince(node, '2027-03-01', '2027-04-30');
    expect(t.from).toBeCloseTo(0.125);
    expect(t.change).toBeCloseTo(0.4375 - 0.125);
  });

  it('lists a goal nobody checked in on for more than N days in Problems, and only then', () => {
    const codes = (today: string, days = 30) => findProblems([plan], [], { today, staleCheckInDays: days })
      .filter((p) => p.code === 'no-recent-check-in').map((p) => `${p.blockId}: ${p.message}`);
    expect(codes('2027-04-30')).toEqual([]);
    expect(codes('2027-05-10')).toEqual(['goal_nb: No check-in on ‘New business’ for 40 days: how is it going?']);
    expect(codes('2027-05-10', 45)).toEqual([]);
    expect(findProblems([plan], []).some((p) => p.code === 'no-recent-check-in')).toBe(false); // no day given, nothing judged
    const fresh: PlanSnapshot = { ...plan, checkIns: [] };
    expect(findProblems([fresh], [], { today: '2027-02-15' }).filter((p) => p.code === 'no-recent-check-in').map((p) => p.message)).toEqual([
      'No one has checked in on ‘New business’ since the period started 45 days ago: how is it going?',
      'No one has checked in on ‘Renewals’ since the period started 45 days ago: how is it going?',
    ]);
  });
});
