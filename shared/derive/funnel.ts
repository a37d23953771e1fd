/**
 * Funnel math: what each track-selling stage must produce this period for the revenue goal to be met.
 *
 * The stage matrix names its revenue goal (a goal of the plan, in money) and the average deal size;
 * each stage has a conversion rate, the percent of its deals that reach the next stage. Then:
 *
 * - deals to win = ⌈revenue target ÷ average deal⌉; every won deal is a sale to cement, so
 *   **Cement the sale** needs that many;
 * - each earlier stage needs the next stage's number ÷ its own conversion rate (rounded up at the end,
 *   never step by step): **Act of commitment** needs wins ÷ its rate, and so on back to **Approach**;
 * - a stage's **win rate** is the product of its and the later stages' rates up to the commitment;
 * - a stage whose own metric counts things (a unit that adds up and is not money: "opportunities",
 *   "meetings") plans its metric target; when that is lower than it needs, the stage is **short**, a
 *   problem ("Qualification: 300 planned, 420 needed for $12M at a 25% win rate").
 */
import { type GoalElement, type StageMatrixElement } from '../model/elements';
import { stageInfo, STAGE_IDS, type StageId } from '../model/stages';
import { formatNumber, formatQuantity, isAdditiveUnit, isMoneyUnit } from './rollup';

export type FunnelStage = {
  stage: StageId;
  name: string;
  /** The stage's conversion rate, 0..1, or null when not set. */
  conversion: number | null;
  /** How many the stage must produce this period (whole), or null when the math lacks an input. */
  needed: number | null;
  /** The share of this stage's deals that end up won, 0..1 (null for Cement the sale, or without rates). */
  winRate: number | null;
  /** The stage's own metric target when it counts things. */
  planned: number | null;
  plannedUnit: string;
  short: boolean;
  /** "Qualification: 300 planned, 420 needed for $12M at a 25% win rate", when short. */
  message: string | null;
};

export type Funnel = {
  revenueGoal: GoalElement | null;
  revenue: number | null;
  unit: string;
  dealSize: number | null;
  wins: number | null;
  stages: FunnelStage[];
  /** What is missing for the math, in words ("the average deal size"); empty when complete. */
  missing: string[];
};

const EPSILON = 1e-9;
const roundUp = (x: number) => Math.ceil(x - EPSILON);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const percent = (r: number) => `${formatNumber(Math.round(r * 1000) / 10)}%`;

/** The funnel of a stage matrix, given the plan's goals (the revenue goal is looked up among them). */
export function funnelOf(matrix: StageMatrixElement, goals: readonly GoalElement[]): Funnel {
  const missing: string[] = [];
  const revenueGoal = matrix.revenueGoalId ? (goals.find((g) => g.id === matrix.revenueGoalId) ?? null) : null;
  if (!matrix.revenueGoalId) missing.push('the revenue goal');
  else if (!revenueGoal) missing.push('a revenue goal that still exists');
  const revenue = revenueGoal && finite(revenueGoal.target) && revenueGoal.target > 0 ? revenueGoal.target : null;
  if (revenueGoal && revenue === null) missing.push('the revenue goal’s target');
  const unit = revenueGoal?.metricUnit.trim() ?? '';
  const dealSize = finite(matrix.dealSize) && matrix.dealSize > 0 ? matrix.dealSize : null;
  if (dealSize === null) missing.push('the average deal size');
  const exactWins = revenue !== null && dealSize !== null ? revenue / dealSize : null;
  const wins = exactWins === null ? null : roundUp(exactWins);

  const byStage = new Map(matrix.children.map((s) => [s.stage, s]));
  const rateOf = (id: StageId) => {
    const r = byStage.get(id)?.conversionRate;
    return finite(r) && r > 0 && r <= 100 ? r / 100 : null;
  };
  // Back from the won deals: exact figures, rounded up only when shown, so rounding never compounds.
  const exact = new Map<StageId, number | null>();
  const win = new Map<StageId, number | null>();
  let next: number | null = wins;
  let cumulative: number | null = 1;
  exact.set('cement-the-sale', wins);
  win.set('cement-the-sale', null);
  for (let i = STAGE_IDS.length - 2; i >= 0; i--) {
    const id = STAGE_IDS[i]!;
    const rate = rateOf(id);
    next = next !== null && rate !== null ? next / rate : null;
    cumulative = cumulative !== null && rate !== null ? cumulative * rate : null;
    exact.set(id, next);
    win.set(id, cumulative);
  }
  if (STAGE_IDS.slice(0, -1).some((id) => rateOf(id) === null)) missing.push('a conversion rate for every stage up to the commitment');

  const target = revenue !== null ? formatQuantity(revenue, unit, { compact: true }) : '';
  const stages = STAGE_IDS.map((id): FunnelStage => {
    const s = byStage.get(id);
    const name = stageInfo(id).name;
    const needed = exact.get(id) ?? null;
    const countsThings = !!s && isAdditiveUnit(s.metricUnit) && !isMoneyUnit(s.metricUnit) && finite(s.metricTarget);
    const planned = countsThings ? (s!.metricTarget as number) : null;
    const neededWhole = needed === null ? null : roundUp(needed);
    const short = planned !== null && neededWhole !== null && planned < neededWhole;
    const winRate = win.get(id) ?? null;
    const why = winRate !== null ? `at a ${percent(winRate)} win rate` : `(${formatNumber(wins ?? 0)} deals of ${formatQuantity(dealSize, unit, { compact: true })})`;
    return {
      stage: id, name, conversion: rateOf(id), needed: neededWhole, winRate, planned, plannedUnit: s?.metricUnit.trim() ?? '', short,
      message: short ? `${name}: ${formatNumber(planned)} planned, ${formatNumber(neededWhole!)} needed for ${target} ${why}` : null,
    };
  });
  return { revenueGoal, revenue, unit, dealSize, wins, stages, missing };
}
