/**
 * Plan problems, as the Problems panel lists them: what is missing or does not line up, said the way
 * a VP of Sales would say it, each with the block to jump to. Pure: one plan or a whole workspace in,
 * problems out, in plan and document order. The rules are listed in docs/plan-model.md.
 */
import { type PlanSnapshot } from '../model/planDoc';
import { type Person } from '../model/people';
import { daysBetween, planPeriod } from '../model/period';
import { stageInfo } from '../model/stages';
import { CASCADE_TEMPLATE_IDS } from '../templates/templateIds';
import { DEFAULT_WORKSPACE_SETTINGS } from '../model/workspaceDoc';
import { funnelOf } from './funnel';
import { buildGoalTree, type GoalNode } from './goalTree';
import { formatQuantity, isAdditiveUnit, normalizeUnit } from './rollup';
import { forEachElement, structuredBlocks } from './walk';

export type ProblemCode =
  | 'goal-without-owner'
  | 'goal-without-target'
  | 'parent-missing'
  | 'parent-cycle'
  | 'subgoal-unlinked'
  | 'action-without-goal'
  | 'stage-missing-owner'
  | 'targets-do-not-add-up'
  | 'unknown-person'
  | 'funnel-stage-short'
  | 'funnel-goal-missing'
  | 'no-recent-check-in';
export type ProblemSeverity = 'error' | 'warning' | 'info';
export type Problem = {
  code: ProblemCode;
  severity: ProblemSeverity;
  message: string;
  planId: string;
  planTitle: string;
  /** The goal's, action's or stage matrix's id; null for blocks without one. */
  blockId: string | null;
  /** Slate path of the block to jump to, in its plan. */
  path: number[];
};


/** Relative slack below which sub-goal targets count as adding up (rounding in a spreadsheet). */
const ADD_UP_TOLERANCE = 0.005;

const quote = (title: string, fallback: string) => `‘${title.trim() || fallback}’`;
const goalName = (title: string) => quote(title, 'Untitled goal');

export type ProblemOptions = {
  /** Today (YYYY-MM-DD): without it, check-ins are not judged for being too old. */
  today?: string;
  /** A goal not checked in on for more than this many days is a problem (a workspace setting). */
  staleCheckInDays?: number;
  fiscalYearStartMonth?: number;
};

export function findProblems(plans: PlanSnapshot[], people: Person[], options: ProblemOptions = {}): Problem[] {
  const tree = buildGoalTree(plans);
  const known = new Set(people.map((p) => p.id));
  const out: Problem[] = [];

  const goalIdsOf = new Map<string, Set<string>>();
  for (const plan of plans) goalIdsOf.set(plan.meta.id, new Set(structuredBlocks(plan.content).goals.map((g) => g.el.id)));
  const anyPlanHasGoal = (id: string) => [...goalIdsOf.values()].some((ids) => ids.has(id));

  for (const plan of plans) {
    const at = (code: ProblemCode, severity: ProblemSeverity, message: string, blockId: string | null, path: number[]) =>
      out.push({ code, severity, message, planId: plan.meta.id, planTitle: plan.meta.title, blockId, path });
    const checkPerson = (id: string | null, role: string, blockId: string | null, path: number[]) => {
      if (id != null && !known.has(id)) at('unknown-person', 'warning', `${role} is not in the people directory any more: pick someone who is.`, blockId, path);
    };
    const { goals, actions, stages } = structuredBlocks(plan.content);
    const cascade = CASCADE_TEMPLATE_IDS.has(plan.meta.templateId);

    for (const { el: g, path } of goals) {
      const name = goalName(g.title);
      const found = tree.byId.get(g.id);
      // The node of this very block (an id could appear twice; the tree keeps the first).
      const node = found && found.planId === plan.meta.id && found.path.join() === path.join() ? found : undefined;
      if (g.owners.length === 0) at('goal-without-owner', 'warning', `Who owns ${name}? Give the goal an owner.`, g.id, path);
      g.owners.forEach((o) => checkPerson(o, `An owner of ${name}`, g.id, path));
      if (g.target == null) at('goal-without-target', 'warning', `${name} has no target: how will we know we got there?`, g.id, path);
      if (node?.parentMissing) {
        at('parent-missing', 'error', `${name} supports a goal that no longer exists: link it to a current goal.`, g.id, path);
      }
      if (node?.inCycle) {
        at('parent-cycle', 'error', `${name} ends up supporting itself through its parent goals: break the loop.`, g.id, path);
      }
      if (cascade && !g.parentId) {
        at('subgoal-unlinked', 'warning', `${name} is not linked to any company goal: which goal above does it support?`, g.id, path);
      }
      if (node) addUpProblem(node, (sev, msg) => at('targets-do-not-add-up', sev, msg, g.id, path));
      if (node && options.today) {
        const stale = staleCheckIn(node, plan, options.today, options.staleCheckInDays ?? DEFAULT_WORKSPACE_SETTINGS.staleCheckInDays, options.fiscalYearStartMonth);
        if (stale) at('no-recent-check-in', 'warning', stale, g.id, path);
      }
    }

    const planGoals = goals.map(({ el }) => el);
    for (const { el: m, path } of structuredBlocks(plan.content).matrices) {
      if (m.revenueGoalId && !planGoals.some((g) => g.id === m.revenueGoalId)) {
        at('funnel-goal-missing', 'warning', 'The stage matrix’s funnel counts from a revenue goal that no longer exists: pick the goal it counts from.', m.id, path);
        continue;
      }
      funnelOf(m, planGoals).stages.forEach((s, i) => {
        if (s.message) at('funnel-stage-short', 'warning', `${s.message}.`, m.id, [...path, i]);
      });
    }

    for (const { el: a, path } of actions) {
      const name = quote(a.title, 'Untitled action');
      if (a.goalId == null) {
        at('action-without-goal', 'warning', `Why are we doing this? ${name} serves no goal.`, a.id, path);
      } else if (!anyPlanHasGoal(a.goalId)) {
        at('action-without-goal', 'error', `${name} serves a goal that no longer exists: pick the goal it serves.`, a.id, path);
      }
      checkPerson(a.owner, `The owner of ${name}`, a.id, path);
    }

    for (const { el: s, path, matrix } of stages) {
      const stage = stageInfo(s.stage).name;
      const missing = [s.marketingOwner == null && 'marketing', s.salesOwner == null && 'sales'].filter(Boolean);
      if (missing.length > 0) {
        at('stage-missing-owner', 'warning', `Stage ‘${stage}’ has no ${missing.join(' or ')} owner: who answers for it on each side?`, matrix.id, path);
      }
      checkPerson(s.marketingOwner, `The marketing owner of stage ‘${stage}’`, matrix.id, path);
      checkPerson(s.salesOwner, `The sales owner of stage ‘${stage}’`, matrix.id, path);
    }

    forEachElement(plan.content, (el, path) => {
      if (el.type === 'mention') checkPerson(el.personId, `${el.name || 'A person'}, mentioned here,`, null, path);
    });
  }
  return out;
}

/**
 * "No check-in in N days", for goals someone should be checking in on: with a target, not done, not
 * measured by sub-goals, in a period that has started (and ended less than N days ago). Counted from
 * the latest check-in, or from the start of the period (the plan's creation when it has none).
 */
function staleCheckIn(node: GoalNode, plan: PlanSnapshot, today: string, days: number, fiscalYearStartMonth?: number): string | null {
  const g = node.goal;
  if (g.target == null || g.status === 'done' || node.children.length > 0) return null;
  const period = planPeriod(plan.meta, fiscalYearStartMonth);
  const start = period?.start ?? plan.meta.createdAt.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || today < start) return null;
  if (period && daysBetween(period.end, today) > days) return null;
  const since = node.latest?.date ?? start;
  const quiet = daysBetween(since, today);
  if (quiet <= days) return null;
  const name = goalName(g.title);
  return node.latest
    ? `No check-in on ${name} for ${quiet} days: how is it going?`
    : `No one has checked in on ${name} since the period started ${quiet} days ago: how is it going?`;
}

/** Sub-goals measured in the parent's additive unit should add up to the parent's target. */
function addUpProblem(node: GoalNode, report: (severity: ProblemSeverity, message: string) => void): void {
  const g = node.goal;
  if (g.target == null || !isAdditiveUnit(g.metricUnit)) return;
  const unit = normalizeUnit(g.metricUnit);
  const same = node.children.filter((c) => normalizeUnit(c.goal.metricUnit) === unit);
  // Judge only complete sets: a sub-goal without a target is its own problem.
  if (same.length === 0 || same.some((c) => c.goal.target == null)) return;
  const sum = same.reduce((s, c) => s + (c.goal.target as number), 0);
  const gap = sum - g.target;
  if (Math.abs(gap) <= Math.abs(g.target) * ADD_UP_TOLERANCE) return;
  const amount = (n: number) => formatQuantity(n, g.metricUnit);
  const what = `${same.length === 1 ? 'The sub-goal' : `The ${same.length} sub-goals`} of ${goalName(g.title)} ${same.length === 1 ? 'targets' : 'add up to'} ${amount(sum)}`;
  if (gap < 0) report('warning', `${what}, ${amount(-gap)} short of its ${amount(g.target)} target.`);
  else report('info', `${what}, ${amount(gap)} more than its ${amount(g.target)} target.`);
}
