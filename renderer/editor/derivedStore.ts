/**
 * Goal progress and depth for the cards, computed off the typing path: at most once per quiet
 * moment after a change (idle callback, or a short timeout where there is none), from the editor's
 * current value. Each card subscribes to its own goal, and only cards whose figures changed re-render.
 */
import { type Descendant, Element } from 'slate';
import { buildGoalTree, type GoalNode, type GoalTree } from '../../shared/derive/goalTree';
import { type Progress } from '../../shared/derive/rollup';
import { type GoalElement } from '../../shared/model/elements';
import { type PlanMeta, type PlanSnapshot } from '../../shared/model/planDoc';
import { withExplicitNulls } from './nullFields';

export type GoalFigures = { progress: Progress; depth: number; parentTitle: string | null };
export type PlanGoal = { id: string; title: string };

const sameFigures = (a: GoalFigures | undefined, b: GoalFigures): boolean =>
  !!a && a.depth === b.depth && a.parentTitle === b.parentTitle && a.progress.ratio === b.progress.ratio
  && a.progress.basis === b.progress.basis && a.progress.note === b.progress.note;

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
  private cancel: (() => void) | null = null;
  private latest: Descendant[] = [];

  /**
   * `otherPlans`: the workspace's other plans, so that a goal whose sub-goals live there shows the
   * same progress as in the Goals view (one goal tree, one rollup rule).
   */
  constructor(
    private readonly meta: () => Pick<PlanMeta, 'id' | 'title'>,
    private readonly idle: Idle = scheduleIdle,
    private readonly otherPlans: () => PlanSnapshot[] = () => [],
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
    const { id, title } = this.meta();
    const self: PlanSnapshot = { meta: { id, title, templateId: '', period: '', schemaVersion: 0, createdAt: '' }, content: withExplicitNulls(content) };
    const tree = buildGoalTree([self, ...this.otherPlans().filter((p) => p.meta.id !== id)]);
    const changedIds: string[] = [];
    const next = new Map<string, GoalFigures>();
    for (const [goalId, node] of tree.byId) {
      if (node.planId !== id) continue;
      const parent = node.goal.parentId ? tree.byId.get(node.goal.parentId) : undefined;
      const f: GoalFigures = { progress: node.progress, depth: depthInPlan(tree, node), parentTitle: parent ? parent.goal.title : null };
      const old = this.figures.get(goalId);
      if (sameFigures(old, f)) next.set(goalId, old!);
      else {
        next.set(goalId, f);
        changedIds.push(goalId);
      }
    }
    this.figures = next;
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
  /** The title of a goal of this plan; undefined when there is no such goal. */
  titleOf = (goalId: string): string | undefined => this.titles.get(goalId);

  subscribeTitle(goalId: string, listener: () => void): () => void {
    let set = this.titleListeners.get(goalId);
    if (!set) this.titleListeners.set(goalId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }
  planGoals = (): PlanGoal[] => this.goals;

  subscribeGoal(goalId: string, listener: () => void): () => void {
    let set = this.listeners.get(goalId);
    if (!set) this.listeners.set(goalId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
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
