/**
 * The goal tree's view model: the cascade flattened into the rows a tree shows, honouring which goals
 * are collapsed and the filter box. A filter keeps every goal that matches (title, owner, plan) and
 * the goals above it, so a match is always seen in its cascade.
 */
import { type GoalNode } from '../../../shared/derive/goalTree';
import { paceOf } from '../../../shared/derive/pace';
import { planPeriod } from '../../../shared/model/period';
import { type PlanSnapshot } from '../../../shared/model/planDoc';
import { progressPercent, type Progress } from '../../../shared/derive/rollup';
import { type Person } from '../../../shared/model/people';

export type GoalRow = {
  key: string;
  node: GoalNode;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
  /** Shown because it matches the filter (false for the goals above a match). */
  matches: boolean;
  /** Name the goal's plan: the cascade crosses into another plan here (or a root outside the active plan). */
  showsPlan: boolean;
};

/** A stable key for a goal node (ids can repeat across plans after a bad copy; the path cannot). */
export const goalKey = (node: GoalNode): string => `${node.planId}:${node.goal.id}:${node.path.join('.')}`;

/** The goal's owners by name, from the directory's people by id. */
export function ownerNames(node: GoalNode, peopleById: ReadonlyMap<string, Person>): string[] {
  return node.goal.owners.map((id) => peopleById.get(id)?.name ?? 'Someone not in the directory');
}

function matchesFilter(node: GoalNode, needle: string, peopleById: ReadonlyMap<string, Person>): boolean {
  const hay = [node.goal.title, node.planTitle, node.goal.metricName, ...ownerNames(node, peopleById)].join('\n').toLowerCase();
  return hay.includes(needle);
}

export function visibleGoalRows(
  roots: GoalNode[],
  opts: { collapsed: ReadonlySet<string>; filter?: string; people?: Person[]; activePlanId?: string | null },
): GoalRow[] {
  const needle = (opts.filter ?? '').trim().toLowerCase();
  const peopleById = new Map((opts.people ?? []).map((p) => [p.id, p]));
  const rows: GoalRow[] = [];
  const showsPlan = (node: GoalNode, parent: GoalNode | null) => node.planId !== (parent ? parent.planId : opts.activePlanId);

  if (!needle) {
    const walk = (node: GoalNode, parent: GoalNode | null, depth: number) => {
      const key = goalKey(node);
      const expanded = !opts.collapsed.has(key);
      rows.push({ key, node, depth, hasChildren: node.children.length > 0, expanded, matches: true, showsPlan: showsPlan(node, parent) });
      if (expanded) for (const c of node.children) walk(c, node, depth + 1);
    };
    for (const r of roots) walk(r, null, 0);
    return rows;
  }

  // With a filter, a node shows when it or a goal below it matches; paths to matches stay open.
  const collect = (node: GoalNode, parent: GoalNode | null, depth: number): GoalRow[] => {
    const below = node.children.flatMap((c) => collect(c, node, depth + 1));
    const matches = matchesFilter(node, needle, peopleById);
    if (!matches && below.length === 0) return [];
    const row = { key: goalKey(node), node, depth, hasChildren: below.length > 0, expanded: below.length > 0, matches, showsPlan: showsPlan(node, parent) };
    return [row, ...below];
  };
  for (const r of roots) rows.push(...collect(r, null, 0));
  return rows;
}

export { progressPercent } from '../../../shared/derive/rollup';

/** How the progress was worked out, in words (the bar's tooltip). */
export function progressExplained(p: Progress): string {
  const pct = progressPercent(p);
  if (pct === null) return `No progress yet: ${p.note ?? 'nothing measurable'}`;
  const basis = p.basis === 'status' ? 'marked done' : p.basis === 'metric' ? 'from its own metric' : (p.note ?? 'from its sub-goals');
  return `${pct}% — ${basis}`;
}

/** The goals behind their pace line today (keys of goalKey), with the share of the way each should be by now. */
export function behindPace(roots: GoalNode[], plans: readonly PlanSnapshot[], today: string, fiscalYearStartMonth: number): Map<string, number> {
  const periods = new Map(plans.map((p) => [p.meta.id, planPeriod(p.meta, fiscalYearStartMonth)]));
  const out = new Map<string, number>();
  const walk = (n: GoalNode) => {
    const pace = paceOf(n.goal, n.progress, periods.get(n.planId) ?? null, today);
    if (pace?.behind) out.set(goalKey(n), pace.expected);
    n.children.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}
