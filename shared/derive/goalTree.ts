/**
 * The goal cascade across plans: every goal hangs under its parent (parentId, in the same plan, or
 * with parentPlanId in another plan), progress rolled up from the leaves. Parent links that form a
 * cycle are cut (the goals become roots, marked `inCycle`) so a bad link can never hang the tree.
 */
import { type CheckIn } from '../model/checkIns';
import { type GoalElement } from '../model/elements';
import { type PlanSnapshot } from '../model/planDoc';
import { ownProgress, rollupProgress, type Progress } from './rollup';
import { structuredBlocks } from './walk';
import { checkInsByGoal, goalAsOf, latestCheckIn } from './checkInState';

export type GoalNode = {
  /** The goal as it stands: current value and status from its latest check-in (checkInState.ts). */
  goal: GoalElement;
  /** Its check-ins, oldest first. */
  checkIns: CheckIn[];
  latest: CheckIn | null;
  planId: string;
  planTitle: string;
  /** Slate path of the goal block in its plan. */
  path: number[];
  /** 0 for roots. */
  depth: number;
  children: GoalNode[];
  progress: Progress;
  /** The goal names a parent that is not there (only judged when the parent's plan is among the plans given). */
  parentMissing: boolean;
  /** The goal's parent links lead back to itself; the link was cut. */
  inCycle: boolean;
};
export type GoalTree = { roots: GoalNode[]; byId: Map<string, GoalNode> };

type Resolution = { kind: 'root' } | { kind: 'parent'; node: GoalNode } | { kind: 'missing' };

/** Where a goal's parent link leads, given every goal of the plans at hand. */
export function resolveParent(goal: GoalElement, planId: string, byId: Map<string, GoalNode>, planIds: Set<string>): Resolution {
  if (!goal.parentId) return { kind: 'root' };
  const parentPlan = goal.parentPlanId ?? planId;
  const node = byId.get(goal.parentId);
  if (node && node.planId === parentPlan) return { kind: 'parent', node };
  // A parent in a plan we were not given cannot be judged: it is simply not part of this tree.
  return planIds.has(parentPlan) ? { kind: 'missing' } : { kind: 'root' };
}

export function buildGoalTree(plans: PlanSnapshot[]): GoalTree {
  const byId = new Map<string, GoalNode>();
  const nodes: GoalNode[] = [];
  for (const plan of plans) {
    const checkIns = checkInsByGoal(plan.checkIns);
    for (const { el: element, path } of structuredBlocks(plan.content).goals) {
      const own = checkIns.get(element.id) ?? [];
      const el = goalAsOf(element, own);
      const node: GoalNode = {
        goal: el, checkIns: own, latest: latestCheckIn(own), planId: plan.meta.id, planTitle: plan.meta.title, path, depth: 0, children: [],
        progress: ownProgress(el), parentMissing: false, inCycle: false,
      };
      nodes.push(node);
      if (!byId.has(el.id)) byId.set(el.id, node);
    }
  }

  const planIds = new Set(plans.map((p) => p.meta.id));
  const parentOf = new Map<GoalNode, GoalNode>();
  for (const node of nodes) {
    const r = resolveParent(node.goal, node.planId, byId, planIds);
    if (r.kind === 'parent' && r.node !== node) parentOf.set(node, r.node);
    else if (r.kind === 'parent') node.inCycle = true;
    else if (r.kind === 'missing') node.parentMissing = true;
  }

  // Cut every cycle: walk each chain once; a node met again on the same walk closes a cycle.
  const settled = new Set<GoalNode>();
  for (const start of nodes) {
    const onWalk: GoalNode[] = [];
    const seen = new Set<GoalNode>();
    let cur: GoalNode | undefined = start;
    while (cur && !settled.has(cur) && !seen.has(cur)) {
      seen.add(cur);
      onWalk.push(cur);
      cur = parentOf.get(cur);
    }
    if (cur && seen.has(cur)) {
      for (let i = onWalk.indexOf(cur); i < onWalk.length; i++) {
        onWalk[i]!.inCycle = true;
        parentOf.delete(onWalk[i]!);
      }
    }
    for (const n of onWalk) settled.add(n);
  }

  const roots: GoalNode[] = [];
  for (const node of nodes) {
    const parent = parentOf.get(node);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }

  const finish = (node: GoalNode, depth: number) => {
    node.depth = depth;
    for (const child of node.children) finish(child, depth + 1);
    node.progress = rollupProgress(node.goal, node.children.map((c) => c.progress), node.children.map((c) => c.goal));
  };
  for (const root of roots) finish(root, 0);
  return { roots, byId };
}
