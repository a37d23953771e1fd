/**
 * "Start Next Cycle…": next period's plan made from this one.
 *
 * - Goals keep their text, team, owners, metric, target and reasons, get a fresh id and a link to
 *   the goal they continue (`previousGoalId`, `previousPlanId`). Their baseline is last cycle's
 *   current value — its latest check-in's (derive/checkInState.ts), or last cycle's baseline when
 *   none was reported; current value, status and due date start over, and so do check-ins: they live
 *   in last cycle's document (its `checkins` map), which the new plan does not copy.
 * - Cascade links follow: a parent in the same plan is the parent's next-cycle goal; a parent in
 *   another plan is that parent's next-cycle goal when a plan of the workspace continues it, and
 *   stays as it is otherwise (a quarter's team plan keeps supporting the year's company goal).
 * - Actions keep their ids (so the two cycles compare action by action), serve the next-cycle goal,
 *   and are not done; their due dates start over.
 * - Prose, stages and the template stay; the plan gets the new title and period.
 */
import type * as Y from 'yjs';
import { type Descendant } from 'slate';
import { type GoalElement, type PlanContent } from './elements';
import { newId } from './ids';
import { createPlanDoc, type PlanSnapshot } from './planDoc';
import { normalizePlanContent } from './planOps';
import { checkInsByGoal, goalAsOf } from '../derive/checkInState';

export type NextCycleOptions = {
  planId: string;
  title: string;
  period: string;
  /** The workspace's plans (any cycle): where next-cycle parents for links to other plans are found. */
  plans?: PlanSnapshot[];
};

export type NextCycleResult = {
  content: PlanContent;
  /** Links to goals of other plans moved to those goals' next-cycle goals. */
  relinked: number;
};

/** What a goal carries into next cycle, links aside; `now` is the goal as it stands (its check-ins). */
function carryGoal(goal: GoalElement, now: GoalElement, fromPlanId: string, period: { from: string; to: string }): GoalElement {
  return {
    ...goal,
    baseline: now.current ?? goal.baseline,
    current: null,
    status: 'on-track',
    due: null,
    period: goal.period.trim() === period.from.trim() ? period.to : goal.period,
    owners: [...goal.owners],
    previousGoalId: goal.id,
    previousPlanId: fromPlanId,
  };
}

/** Next cycle's content of `source` (pure). */
export function nextCycleContent(source: PlanSnapshot, opts: NextCycleOptions): NextCycleResult {
  const content = normalizePlanContent(source.content);
  const from = source.meta.id;
  const fresh = new Map<string, string>();
  const collect = (nodes: Descendant[]) => nodes.forEach((n) => {
    if (!('type' in n)) return;
    if (n.type === 'goal' && !fresh.has(n.id)) fresh.set(n.id, newId('goal'));
    collect(n.children as Descendant[]);
  });
  collect(content);

  // Goals of other plans that continue a goal of last cycle: "<plan>/<goal>" of last cycle → where it continues.
  const continued = new Map<string, { planId: string; goalId: string }>();
  for (const p of opts.plans ?? []) {
    if (p.meta.id === from) continue;
    const walk = (nodes: Descendant[]) => nodes.forEach((n) => {
      if (!('type' in n)) return;
      if (n.type === 'goal' && n.previousGoalId && n.previousPlanId) {
        const key = `${n.previousPlanId}/${n.previousGoalId}`;
        if (!continued.has(key)) continued.set(key, { planId: p.meta.id, goalId: n.id });
      }
      walk(n.children as Descendant[]);
    });
    walk(p.content);
  }

  let relinked = 0;
  const period = { from: source.meta.period, to: opts.period };
  const checkIns = checkInsByGoal(source.checkIns);
  const copy = (nodes: Descendant[]): Descendant[] => nodes.map((n) => {
    if (!('type' in n)) return { ...n };
    const el = { ...n, children: copy(n.children as Descendant[]) } as Descendant;
    if (n.type === 'goal') {
      const goal = carryGoal(el as GoalElement, goalAsOf(el as GoalElement, checkIns.get(n.id)), from, period);
      goal.id = fresh.get(n.id)!;
      const internal = n.parentPlanId === null || n.parentPlanId === from;
      if (n.parentId && internal && fresh.has(n.parentId)) {
        goal.parentId = fresh.get(n.parentId)!;
        goal.parentPlanId = null;
      } else if (n.parentId && !internal) {
        const next = continued.get(`${n.parentPlanId}/${n.parentId}`);
        if (next) {
          goal.parentId = next.goalId;
          goal.parentPlanId = next.planId;
          relinked++;
        }
      }
      return goal;
    }
    if (n.type === 'action') {
      return { ...el, done: false, due: null, goalId: n.goalId !== null ? (fresh.get(n.goalId) ?? n.goalId) : null } as Descendant;
    }
    return el;
  });
  return { content: copy(content) as PlanContent, relinked };
}

/** Whether any goal of the plan supports a goal of another plan (only then are the workspace's other plans needed). */
export function linksToOtherPlans(plan: PlanSnapshot): boolean {
  let found = false;
  const walk = (nodes: Descendant[]) => nodes.forEach((n) => {
    if (found || !('type' in n)) return;
    if (n.type === 'goal' && n.parentId && n.parentPlanId && n.parentPlanId !== plan.meta.id) found = true;
    walk(n.children as Descendant[]);
  });
  walk(plan.content);
  return found;
}

/** Next cycle's plan document made from `source`. */
export function nextCyclePlanDoc(source: PlanSnapshot, opts: NextCycleOptions): { doc: Y.Doc; relinked: number } {
  const { content, relinked } = nextCycleContent(source, opts);
  return { doc: createPlanDoc({ id: opts.planId, title: opts.title, templateId: source.meta.templateId, period: opts.period, content }), relinked };
}

/** The period after this one, as people write periods: FY27 → FY28, Q4 FY27 → Q1 FY28, H1 2027 → H2 2027, 2026 → 2027. */
export function suggestNextPeriod(period: string): string {
  const p = period.trim();
  const bumpYear = (y: string) => String(Number(y) + 1).padStart(y.length, '0');
  const quarter = /^Q([1-4])(\s+)(FY)?(\d{2}|\d{4})$/i.exec(p);
  if (quarter) {
    const [, q, sp, fy = '', y] = quarter;
    return Number(q) === 4 ? `Q1${sp}${fy}${bumpYear(y!)}` : `Q${Number(q) + 1}${sp}${fy}${y}`;
  }
  const half = /^H([12])(\s+)(FY)?(\d{2}|\d{4})$/i.exec(p);
  if (half) {
    const [, h, sp, fy = '', y] = half;
    return h === '2' ? `H1${sp}${fy}${bumpYear(y!)}` : `H2${sp}${fy}${y}`;
  }
  const year = /^(.*?)(\d{2}|\d{4})$/.exec(p);
  if (year && /^(FY\s*|)$/i.test(year[1]!)) return `${year[1]}${bumpYear(year[2]!)}`;
  return '';
}

/**
 * Next cycle's title: this cycle's with its period replaced where the title names it ("FY27 joint
 * plan" → "FY28 joint plan"), else with the next period added ("Joint plan" → "Joint plan FY28").
 */
export function suggestNextTitle(title: string, period: string, nextPeriod: string): string {
  const t = title.trim();
  const p = period.trim();
  if (!nextPeriod.trim()) return t;
  if (p && t.includes(p)) return t.split(p).join(nextPeriod.trim());
  return t ? `${t} ${nextPeriod.trim()}` : nextPeriod.trim();
}

/** The plan this one continues (last cycle's): the plan most of its goals link back to through `previousPlanId`; null for none. */
export function previousCyclePlanId(plan: PlanSnapshot): string | null {
  const count = new Map<string, number>();
  const walk = (nodes: Descendant[]) => nodes.forEach((n) => {
    if (!('type' in n)) return;
    if (n.type === 'goal' && n.previousPlanId && n.previousPlanId !== plan.meta.id) count.set(n.previousPlanId, (count.get(n.previousPlanId) ?? 0) + 1);
    walk(n.children as Descendant[]);
  });
  walk(plan.content);
  let best: string | null = null;
  for (const [id, n] of count) if (best === null || n > count.get(best)!) best = id;
  return best;
}
