/**
 * Goal progress, depth, latest check-in, pace and trend for the cards, computed off the typing path:
 * at most once per quiet moment after a change (idle callback, or a short timeout where there is
 * none), from the editor's current value and the plan's check-ins. Each card subscribes to its own
 * goal, and only cards whose figures changed re-render.
 */
import { type Descendant, Element } from 'slate';
import { funnelOf, type Funnel } from '../../shared/derive/funnel';
import { buildGoalTree, type GoalNode, type GoalTree } from '../../shared/derive/goalTree';
import {
  checkInDays, contributionsOf, paceLine, paceOf, progressSeries, valueSeries, type Contribution, type Pace, type PaceLine, type ProgressPoint, type ValuePoint,
} from '../../shared/derive/pace';
import { type Progress } from '../../shared/derive/rollup';
import { type CheckIn } from '../../shared/model/checkIns';
import { type GoalElement } from '../../shared/model/elements';
import { isoDay, planPeriod } from '../../shared/model/period';
import { type PlanMeta, type PlanSnapshot } from '../../shared/model/planDoc';
import { withExplicitNulls } from './nullFields';

export type GoalFigures = {
  progress: Progress;
  depth: number;
  parentTitle: string | null;
  /** The goal as it stands: current value and status from its latest check-in. */
  now: { current: number | null; status: GoalElement['status'] };
  latest: CheckIn | null;
  checkIns: number;
  pace: Pace | null;
  line: PaceLine | null;
  /** Progress on each day something was checked in (the trend line). */
  trend: ProgressPoint[];
  /** The goal's own check-in values, for its chart. */
  values: ValuePoint[];
  /** What each sub-goal brought on each day of `contributionDays` (its chart's stacked areas). */
  contributions: Contribution[];
  contributionDays: string[];
  /**
   * Whether trend and values were computed: only for goals whose card is showing (subscribed), since
   * a large plan has thousands of goals and a card far away needs no trend line.
   */
  drawn: boolean;
};
export type PlanGoal = { id: string; title: string };

const samePoints = (a: ProgressPoint[], b: ProgressPoint[]) => a.length === b.length && a.every((p, i) => p.date === b[i]!.date && p.ratio === b[i]!.ratio);
const sameValues = (a: ValuePoint[], b: ValuePoint[]) => a.length === b.length && a.every((p, i) => p.date === b[i]!.date && p.value === b[i]!.value);
const samePace = (a: Pace | null, b: Pace | null) => a === b || (!!a && !!b && a.behind === b.behind && a.actual === b.actual && Math.abs(a.expected - b.expected) < 0.005);
const sameContributions = (a: GoalFigures, b: GoalFigures) => a.contributionDays.join() === b.contributionDays.join()
  && JSON.stringify(a.contributions) === JSON.stringify(b.contributions);
const sameLine = (a: PaceLine | null, b: PaceLine | null) => a === b || (!!a && !!b && a.start === b.start && a.end === b.end && a.from === b.from && a.to === b.to);

const sameFigures = (a: GoalFigures | undefined, b: GoalFigures): boolean =>
  !!a && a.depth === b.depth && a.parentTitle === b.parentTitle && a.progress.ratio === b.progress.ratio
  && a.progress.basis === b.progress.basis && a.progress.note === b.progress.note
  && a.drawn === b.drawn && a.now.current === b.now.current && a.now.status === b.now.status && a.latest?.id === b.latest?.id && a.checkIns === b.checkIns
  && samePace(a.pace, b.pace) && sameLine(a.line, b.line) && samePoints(a.trend, b.trend) && sameValues(a.values, b.values) && sameContributions(a, b);

/** How deep a goal sits under goals of its own plan (a card indents by it; a parent in another plan does not count). */
function depthInPlan(tree: GoalTree, node: GoalNode): number {
  let depth = 0;
  for (let at = node; at.goal.parentId && depth < tree.byId.size; depth++) {
    const parent = tree.byId.get(at.goal.parentId);
    if (!parent || parent.planId !== node.planId || (at.goal.parentPlanId && at.goal.parentPlanId !== node.planId)) break;
    at = parent;
  }
  return Math.min(depth, node.depth);
}

/** Adds a listener to the set kept for `key`; returns its removal. */
function listen(map: Map<string, Set<() => void>>, key: string, listener: () => void): () => void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

type Idle = (cb: () => void) => () => void;
const scheduleIdle: Idle = (cb) => {
  const g = globalThis as unknown as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number; cancelIdleCallback?: (h: number) => void };
  if (g.requestIdleCallback && g.cancelIdleCallback) {
    const h = g.requestIdleCallback(cb, { timeout: 500 });
    return () => g.cancelIdleCallback!(h);
  }
  const t = setTimeout(cb, 100);
  return () => clearTimeout(t);
};

export class DerivedStore {
  private figures = new Map<string, GoalFigures>();
  private goals: PlanGoal[] = [];
  private titles = new Map<string, string>();
  private titleListeners = new Map<string, Set<() => void>>();
  private listeners = new Map<string, Set<() => void>>();
  private goalListeners = new Set<() => void>();
  private funnels = new Map<string, Funnel>();
  private funnelListeners = new Map<string, Set<() => void>>();
  private cancel: (() => void) | null = null;
  private latest: Descendant[] = [];

  /**
   * `otherPlans`: the workspace's other plans, so that a goal whose sub-goals live there shows the
   * same progress as in the Goals view (one goal tree, one rollup rule).
   */
  constructor(
    private readonly meta: () => Pick<PlanMeta, 'id' | 'title'> & Partial<PlanMeta>,
    private readonly idle: Idle = scheduleIdle,
    private readonly otherPlans: () => PlanSnapshot[] = () => [],
    /** The plan's check-ins (read when the figures are computed). */
    private readonly checkIns: () => CheckIn[] = () => [],
    private readonly today: () => string = () => isoDay(new Date()),
    /** The workspace's fiscal year start (1 = January): how a period label such as "FY2027" reads as dates. */
    private readonly fiscalYearStartMonth: () => number = () => 1,
  ) {}

  /** Call on every change; the work happens later, once. */
  changed(content: Descendant[]): void {
    this.latest = content;
    if (this.cancel) return;
    this.cancel = this.idle(() => {
      this.cancel = null;
      this.recompute();
    });
  }

  recompute(content: Descendant[] = this.latest): void {
    this.latest = content;
    const meta = { templateId: '', period: '', schemaVersion: 0, createdAt: '', ...this.meta() };
    const { id } = meta;
    const self: PlanSnapshot = { meta, content: withExplicitNulls(content), checkIns: this.checkIns() };
    const tree = buildGoalTree([self, ...this.otherPlans().filter((p) => p.meta.id !== id)]);
    const period = planPeriod(meta, this.fiscalYearStartMonth());
    const today = this.today();
    const shown = (goalId: string) => (this.listeners.get(goalId)?.size ?? 0) > 0;
    const changedIds: string[] = [];
    const next = new Map<string, GoalFigures>();
    for (const [goalId, node] of tree.byId) {
      if (node.planId !== id) continue;
      const parent = node.goal.parentId ? tree.byId.get(node.goal.parentId) : undefined;
      const drawn = shown(goalId);
      const days = drawn && node.children.length > 0 ? checkInDays(node, period?.start) : [];
      const f: GoalFigures = {
        progress: node.progress, depth: depthInPlan(tree, node), parentTitle: parent ? parent.goal.title : null,
        now: { current: node.goal.current, status: node.goal.status }, latest: node.latest, checkIns: node.checkIns.length,
        pace: paceOf(node.goal, node.progress, period, today), line: paceLine(node.goal, period),
        drawn, trend: drawn ? progressSeries(node, period?.start) : [], values: drawn ? valueSeries(node) : [],
        contributions: days.length ? contributionsOf(node, days) : [], contributionDays: days,
      };
      const old = this.figures.get(goalId);
      if (sameFigures(old, f)) next.set(goalId, old!);
      else {
        next.set(goalId, f);
        changedIds.push(goalId);
      }
    }
    this.figures = next;
    this.recomputeFunnels(self.content);
    const goals = content
      .filter((n): n is GoalElement => Element.isElement(n) && n.type === 'goal')
      .map((g) => ({ id: g.id, title: g.title }));
    const goalsChanged = goals.length !== this.goals.length || goals.some((g, i) => g.id !== this.goals[i]!.id || g.title !== this.goals[i]!.title);
    const titles = new Map(goals.map((g) => [g.id, g.title]));
    const retitled = [...new Set([...titles.keys(), ...this.titles.keys()])].filter((id) => titles.get(id) !== this.titles.get(id));
    this.titles = titles;
    if (goalsChanged) this.goals = goals;
    for (const id of retitled) this.titleListeners.get(id)?.forEach((l) => l());
    for (const id of changedIds) this.listeners.get(id)?.forEach((l) => l());
    if (goalsChanged) this.goalListeners.forEach((l) => l());
  }

  figuresOf = (goalId: string): GoalFigures | undefined => this.figures.get(goalId);

  /** What each stage of a stage matrix must produce for the plan's revenue goal (funnel.ts). */
  funnelOf = (matrixId: string): Funnel | undefined => this.funnels.get(matrixId);

  subscribeFunnel(matrixId: string, listener: () => void): () => void {
    return listen(this.funnelListeners, matrixId, listener);
  }

  private recomputeFunnels(content: Descendant[]): void {
    const goals = content.filter((n): n is GoalElement => Element.isElement(n) && n.type === 'goal');
    const next = new Map<string, Funnel>();
    const changed: string[] = [];
    for (const n of content) {
      if (!Element.isElement(n) || n.type !== 'stage-matrix') continue;
      const f = funnelOf(n, goals);
      const old = this.funnels.get(n.id);
      const same = old && JSON.stringify({ ...old, revenueGoal: old.revenueGoal?.id }) === JSON.stringify({ ...f, revenueGoal: f.revenueGoal?.id });
      next.set(n.id, same ? old : f);
      if (!same) changed.push(n.id);
    }
    this.funnels = next;
    for (const id of changed) this.funnelListeners.get(id)?.forEach((l) => l());
  }
  /** The title of a goal of this plan; undefined when there is no such goal. */
  titleOf = (goalId: string): string | undefined => this.titles.get(goalId);

  subscribeTitle(goalId: string, listener: () => void): () => void {
    return listen(this.titleListeners, goalId, listener);
  }
  planGoals = (): PlanGoal[] => this.goals;

  subscribeGoal(goalId: string, listener: () => void): () => void {
    const stop = listen(this.listeners, goalId, listener);
    // A card came into view: its trend line is computed at the next quiet moment.
    if (this.figures.get(goalId)?.drawn === false) this.changed(this.latest);
    return stop;
  }

  subscribeGoals(listener: () => void): () => void {
    this.goalListeners.add(listener);
    return () => this.goalListeners.delete(listener);
  }

  dispose(): void {
    this.cancel?.();
    this.cancel = null;
  }
}
