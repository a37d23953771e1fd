/**
 * Goal progress, and how it rolls up from sub-goals to their parent. The rule (docs/plan-model.md):
 *
 * 1. A goal marked done is complete: ratio 1 (basis 'status').
 * 2. A goal with its own target and current value measures itself:
 *    (current − baseline) / (target − baseline), baseline 0 when unset, clamped to 0..1
 *    (basis 'metric'). This also works for goals that go down (churn from 8% to 5%).
 * 3. Otherwise, when it has sub-goals:
 *    a. if the goal has a target in an additive unit (money, counts — not %, days, scores) and some
 *       sub-goals measure the same unit with a current value, those sub-goals contribute what they
 *       gained (Σ current − Σ baseline) toward the parent's increase: target − the parent's baseline,
 *       or, when the parent has none, target − Σ baseline of those sub-goals;
 *    b. else the sub-goals' own progress ratios are averaged, each weighing the same.
 *    (basis 'children'; sub-goals with nothing measurable are left out and named in the note.)
 * 4. Nothing measurable: ratio null (basis 'none').
 */
import { type GoalElement } from '../model/elements';

export type Progress = { ratio: number | null /* 0..1 */; basis: 'metric' | 'children' | 'status' | 'none'; note?: string };

/** Units whose values do not add up across sub-goals: rates, durations, scores. */
const NON_ADDITIVE_UNITS = new Set([
  '%', 'percent', 'pct', 'pp', 'points', 'pts', 'x', 'ratio', 'rate', 'score', 'nps', 'csat',
  'days', 'day', 'hours', 'hour', 'h', 'hrs', 'minutes', 'min', 'weeks', 'months', 'stars', 'rating',
]);

/** Units compare without case or surrounding space: "M$" and " m$" are the same unit. */
export const normalizeUnit = (unit: string | undefined): string => (unit ?? '').trim().toLowerCase();

/** True when sub-goal values in this unit can be summed toward a parent's target. */
export function isAdditiveUnit(unit: string | undefined): boolean {
  const u = normalizeUnit(unit);
  return u !== '' && !NON_ADDITIVE_UNITS.has(u) && !u.endsWith('%') && !u.startsWith('%');
}

/** Units that are money: budgets are written in them, and funnel stages never count in them. */
export const CURRENCY_UNITS: ReadonlySet<string> = new Set(['$', '€', '£', '¥', 'usd', 'eur', 'gbp', 'chf', 'jpy', 'cad', 'aud', 'k$', 'm$']);
export const isMoneyUnit = (unit: string | undefined): boolean => CURRENCY_UNITS.has(normalizeUnit(unit));

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** Progress of a span baseline → target given the value reached; a zero span is either reached or not. */
function towardTarget(value: number, baseline: number, target: number): number {
  if (target === baseline) return value >= target ? 1 : 0;
  return clamp01((value - baseline) / (target - baseline));
}

// Numbers are compared with `== null`: a field cleared in the editor may be missing, not null.
export function ownProgress(goal: GoalElement): Progress {
  if (goal.status === 'done') return { ratio: 1, basis: 'status' };
  if (goal.target != null && goal.current != null) {
    return { ratio: towardTarget(goal.current, goal.baseline ?? 0, goal.target), basis: 'metric' };
  }
  if (goal.target == null) return { ratio: null, basis: 'none', note: 'no target set' };
  return { ratio: null, basis: 'none', note: 'no current value yet' };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The goal's progress given its sub-goals: `children` are the sub-goals' (already rolled-up)
 * progress, `childGoals` the sub-goals themselves, in the same order.
 */
export function rollupProgress(goal: GoalElement, children: Progress[], childGoals: GoalElement[]): Progress {
  const own = ownProgress(goal);
  if (own.basis !== 'none' || childGoals.length === 0) return own;

  if (goal.target != null && isAdditiveUnit(goal.metricUnit)) {
    const unit = normalizeUnit(goal.metricUnit);
    const sameUnit = childGoals.filter((c) => normalizeUnit(c.metricUnit) === unit && c.current != null);
    if (sameUnit.length > 0) {
      const sum = sameUnit.reduce((s, c) => s + (c.current as number), 0);
      const start = sameUnit.reduce((s, c) => s + (c.baseline ?? 0), 0);
      const from = plural(sameUnit.length, 'sub-goal');
      if (goal.baseline == null) {
        return {
          ratio: towardTarget(sum, start, goal.target),
          basis: 'children',
          note: `${formatQuantity(sum, goal.metricUnit)} from ${from} toward ${formatQuantity(goal.target, goal.metricUnit)}`,
        };
      }
      const gained = sum - start;
      const increase = goal.target - goal.baseline;
      return {
        ratio: towardTarget(gained, 0, increase),
        basis: 'children',
        note: `${formatQuantity(gained, goal.metricUnit, { compact: true })} of the ${formatQuantity(increase, goal.metricUnit, { compact: true })} increase, from ${from}`,
      };
    }
  }

  const measured = children.filter((p): p is Progress & { ratio: number } => p.ratio !== null);
  if (measured.length === 0) return { ratio: null, basis: 'none', note: 'no sub-goal is measurable yet' };
  const ratio = measured.reduce((s, p) => s + p.ratio, 0) / measured.length;
  const left = children.length - measured.length;
  return {
    ratio,
    basis: 'children',
    note: `average of ${plural(measured.length, 'sub-goal')}${left > 0 ? ` (${left} not measurable yet)` : ''}`,
  };
}

/**
 * What each sub-goal contributes to its parent's progress, by the rule of rollupProgress split per
 * sub-goal: by value, each same-unit sub-goal's gain as a share of the parent's increase; otherwise its
 * own ratio over the number of measurable sub-goals. The shares add up to the parent's progress from
 * its sub-goals before clamping (null for a sub-goal that does not count). Ignores the parent's own
 * metric: it says what the sub-goals bring, also when the parent measures itself.
 */
export function childShares(goal: GoalElement, children: Progress[], childGoals: GoalElement[]): (number | null)[] {
  if (goal.target != null && isAdditiveUnit(goal.metricUnit)) {
    const unit = normalizeUnit(goal.metricUnit);
    const counts = childGoals.map((c) => normalizeUnit(c.metricUnit) === unit && c.current != null);
    if (counts.some(Boolean)) {
      const start = childGoals.reduce((s, c, i) => s + (counts[i] ? (c.baseline ?? 0) : 0), 0);
      const increase = goal.target - (goal.baseline ?? start);
      return childGoals.map((c, i) => (!counts[i] ? null : increase === 0 ? 0 : ((c.current as number) - (c.baseline ?? 0)) / increase));
    }
  }
  const measured = children.filter((p) => p.ratio !== null).length;
  return children.map((p) => (p.ratio === null ? null : p.ratio / measured));
}

/** Whole percent of a progress ratio, or null when nothing is measurable. */
export function progressPercent(p: Progress): number | null {
  return p.ratio === null ? null : Math.round(p.ratio * 100);
}

/** Progress as one line of text, the same wherever it is shown: "40% ($800k of the $2M increase, from 2 sub-goals)". */
export function progressText(p: Progress): string {
  const pct = progressPercent(p);
  if (pct === null) return 'no progress yet';
  return p.basis === 'children' && p.note ? `${pct}% (${p.note})` : p.basis === 'status' ? `${pct}% (done)` : `${pct}%`;
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 12, 12.5, 1,250,000 — for messages and exports. */
export function formatNumber(n: number): string {
  return NUMBER_FORMAT.format(n);
}

const COMPACT_FORMAT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** A value with its unit as people write it: 35%, $40,000, 12 M$, 400 leads; compact: $800k, $2M. */
export function formatQuantity(n: number | null, unit: string, opts: { compact?: boolean } = {}): string {
  const value = n == null ? '?' : opts.compact ? COMPACT_FORMAT.format(n).replace('K', 'k') : formatNumber(n);
  const u = unit.trim();
  if (!u) return value;
  if (u === '%') return `${value}%`;
  if (u === '$' || u === '€' || u === '£') return `${u}${value}`;
  return `${value} ${u}`;
}
