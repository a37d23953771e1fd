/**
 * Progress over time: the pace line a goal should follow, whether it is behind, and how its progress
 * (its own, or rolled up from its sub-goals) moved from one day to another. Pure functions of the goal
 * tree (goalTree.ts), whose nodes carry each goal's check-ins.
 *
 * - The **pace line** runs from the goal's baseline (0 when unset) at the start of the plan's period to
 *   its target on its due date (the period's end when it has none).
 * - A goal is **behind pace** when its progress is more than PACE_TOLERANCE (5 points) below the share
 *   of that span that has passed; a goal marked done never is.
 * - Progress **as of a day** uses every goal's latest check-in up to that day and the rollup rule of
 *   rollup.ts, so a parent's progress over time comes from its sub-goals' check-ins.
 */
import { type CheckIn } from '../model/checkIns';
import { type GoalElement } from '../model/elements';
import { type PlanPeriod } from '../model/period';
import { goalAsOf } from './checkInState';
import { type GoalNode } from './goalTree';
import { childShares, rollupProgress, type Progress } from './rollup';

export const PACE_TOLERANCE = 0.05;

export type PaceLine = { start: string; end: string; from: number; to: number };

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** The goal's pace line, or null without a target or a span of days to spread it over. */
export function paceLine(goal: GoalElement, period: PlanPeriod | null): PaceLine | null {
  if (goal.target == null || !period) return null;
  const end = goal.due ?? period.end;
  if (!(period.start < end)) return null;
  return { start: period.start, end, from: goal.baseline ?? 0, to: goal.target };
}

/** The share of the pace line's span passed on `day`, 0..1. */
export function elapsedShare(line: PaceLine, day: string): number {
  const share = (dayNumber(day) - dayNumber(line.start)) / (dayNumber(line.end) - dayNumber(line.start));
  return Math.min(1, Math.max(0, share));
}

/** Where the pace line is on `day`, in the goal's unit. */
export const paceValueAt = (line: PaceLine, day: string): number => line.from + (line.to - line.from) * elapsedShare(line, day);

export type Pace = {
  /** Share of the way the goal should be by now (0..1), and in the goal's unit. */
  expected: number;
  expectedValue: number;
  /** Its progress ratio, or null when nothing is measurable. */
  actual: number | null;
  behind: boolean;
};

/** How a goal stands against its pace line on `today`, given its (rolled-up) progress; null without a line. */
export function paceOf(goal: GoalElement, progress: Progress, period: PlanPeriod | null, today: string): Pace | null {
  const line = paceLine(goal, period);
  if (!line) return null;
  const expected = elapsedShare(line, today);
  const actual = progress.ratio;
  const behind = goal.status !== 'done' && actual !== null && actual < expected - PACE_TOLERANCE;
  return { expected, expectedValue: paceValueAt(line, today), actual, behind };
}

/** The goal's progress as of `day` (inclusive): every goal below it counted with its check-ins up to then. */
export function progressAsOf(node: GoalNode, day: string): Progress {
  return asOf(node, day).progress;
}

function asOf(node: GoalNode, day: string): { goal: GoalElement; progress: Progress } {
  const goal = goalAsOf(node.goal, node.checkIns, day);
  const children = node.children.map((c) => asOf(c, day));
  return { goal, progress: rollupProgress(goal, children.map((c) => c.progress), children.map((c) => c.goal)) };
}

/** Every check-in of the goal and the goals below it. */
export function checkInsBelow(node: GoalNode): CheckIn[] {
  const out: CheckIn[] = [];
  const walk = (n: GoalNode) => {
    out.push(...n.checkIns);
    n.children.forEach(walk);
  };
  walk(node);
  return out;
}

export type ProgressPoint = { date: string; ratio: number };

/**
 * The goal's progress on each day something below it (or it) was checked in, from `from` on (the
 * period's start, say): the trend line. Days on which nothing was measurable are left out.
 */
export function progressSeries(node: GoalNode, from?: string): ProgressPoint[] {
  const days = checkInDays(node, from);
  const out: ProgressPoint[] = [];
  for (const date of days) {
    const { ratio } = progressAsOf(node, date);
    if (ratio !== null) out.push({ date, ratio });
  }
  return out;
}

export type ValuePoint = { date: string; value: number };

/** The goal's own check-in values (oldest first), for a chart in its unit. */
export const valueSeries = (node: GoalNode): ValuePoint[] =>
  node.checkIns.filter((c): c is CheckIn & { value: number } => c.value !== null).map((c) => ({ date: c.date, value: c.value }));

export type Trend = { from: number | null; to: number | null; /** to − from in points of progress (0..1 scale), null when either is unknown. */ change: number | null };

/** How the goal's progress moved from `since` to `today`. */
export function trendSince(node: GoalNode, since: string, today: string, now: Progress = progressAsOf(node, today)): Trend {
  const from = progressAsOf(node, since).ratio;
  const to = now.ratio;
  return { from, to, change: from !== null && to !== null ? to - from : null };
}

export type Contribution = {
  goalId: string;
  planId: string;
  title: string;
  /** On each day asked, the share of the goal's span (0..1 of the way from baseline to target) the sub-goal brings; null when it does not count that day. */
  shares: (number | null)[];
};

/**
 * What each sub-goal brought to the goal's progress on each of `days` (the chart's stacked areas): the
 * shares add up to the goal's progress from its sub-goals on that day (childShares, the rollup rule).
 */
export function contributionsOf(node: GoalNode, days: readonly string[]): Contribution[] {
  const out: Contribution[] = node.children.map((c) => ({ goalId: c.goal.id, planId: c.planId, title: c.goal.title.trim() || 'Untitled goal', shares: [] }));
  for (const day of days) {
    const goal = goalAsOf(node.goal, node.checkIns, day);
    const kids = node.children.map((c) => asOf(c, day));
    const shares = childShares(goal, kids.map((k) => k.progress), kids.map((k) => k.goal));
    shares.forEach((share, i) => out[i]!.shares.push(share));
  }
  return out;
}

/** The days on which something below the goal (or the goal) was checked in, from `from` on, in order. */
export function checkInDays(node: GoalNode, from?: string): string[] {
  return [...new Set(checkInsBelow(node).map((c) => c.date))].filter((d) => from === undefined || d >= from).sort();
}
