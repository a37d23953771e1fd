/**
 * What every export of a plan says the same way: people and goals by name (also goals of other plans),
 * goal progress as a percentage, budgets with the plan's currency, and which headings head nothing.
 */
import { type Descendant } from 'slate';
import { type PlanSnapshot } from '../../model/planDoc';
import { type Person } from '../../model/people';
import { GOAL_STATUS_LABELS, type GoalElement } from '../../model/elements';
import { type CheckIn } from '../../model/checkIns';
import { teamName, type Team } from '../../model/teams';
import { buildGoalTree } from '../goalTree';
import { CURRENCY_UNITS, formatNumber, formatQuantity, ownProgress, progressText, type Progress } from '../rollup';
import { structuredBlocks } from '../walk';

export type PlanNames = {
  planId: string;
  person: (id: string | null) => string;
  goal: (id: string | null) => string | null;
  /** A goal of another plan, as "title (plan title)". */
  goalIn: (planId: string, goalId: string) => string | null;
  /** The goal a goal supports, by name, wherever it is; null when it supports none. */
  supports: (goal: GoalElement) => string | null;
  /** The goal's progress, rolled up from its sub-goals across the plans given. */
  progress: (goal: GoalElement) => Progress;
  /** The goal as it stands: current value and status from its check-ins. */
  now: (goal: GoalElement) => GoalElement;
  /** Its latest check-in in words ("31 May 2027, Ana Ortiz: at risk, low confidence — “…”"), or null. */
  lastCheckIn: (goal: GoalElement) => string | null;
  /** A team by name ("West Sales"), from the workspace's teams. */
  team: (id: string) => string;
};

/** The plan being written out: its id, content and check-ins. */
export type PlanSource = { id: string; content: Descendant[]; checkIns?: CheckIn[] };

const goalTitle = (g: GoalElement) => g.title.trim() || 'Untitled goal';
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function planNames(source: PlanSource, people: Person[], plans: PlanSnapshot[] = [], teams?: Team[]): PlanNames {
  const { id: planId, content } = source;
  const byPerson = new Map(people.map((p) => [p.id, p.name]));
  const goalTitles = new Map(structuredBlocks(content).goals.map(({ el }) => [el.id, goalTitle(el)]));
  const goalIn = (otherId: string, goalId: string) => {
    const other = plans.find((p) => p.meta.id === otherId);
    const goal = other && structuredBlocks(other.content).goals.find(({ el }) => el.id === goalId);
    return goal ? `${goalTitle(goal.el)} (${other.meta.title.trim() || 'Untitled plan'})` : null;
  };
  const goal = (id: string | null) => (id == null ? null : (goalTitles.get(id) ?? null));
  // The tree sees this plan as it is being exported, with the other plans for cross-plan roll-up.
  const self: PlanSnapshot = { meta: { id: planId, title: '', templateId: '', period: '', schemaVersion: 0, createdAt: '' }, content, checkIns: source.checkIns };
  let tree: ReturnType<typeof buildGoalTree> | null = null;
  const nodeOf = (g: GoalElement) => {
    tree ??= buildGoalTree([self, ...plans.filter((p) => p.meta.id !== planId)]);
    const node = tree.byId.get(g.id);
    return node && node.planId === planId ? node : null;
  };
  return {
    planId,
    person: (id) => (id == null ? '' : (byPerson.get(id) ?? 'someone not in the directory')),
    goal,
    goalIn,
    supports: (g) => {
      if (!g.parentId) return null;
      const parent = g.parentPlanId && g.parentPlanId !== planId ? goalIn(g.parentPlanId, g.parentId) : goal(g.parentId);
      return parent ?? (g.parentPlanId && g.parentPlanId !== planId ? 'a goal in another plan' : 'a goal that no longer exists');
    },
    progress: (g) => nodeOf(g)?.progress ?? ownProgress(g),
    now: (g) => nodeOf(g)?.goal ?? g,
    lastCheckIn: (g) => {
      const c = nodeOf(g)?.latest;
      if (!c || c.source === 'migration') return null;
      const what = [c.value !== null ? formatQuantity(c.value, g.metricUnit) : null, GOAL_STATUS_LABELS[c.status].toLowerCase(),
        c.confidence ? `${c.confidence} confidence` : null].filter(Boolean).join(', ');
      const who = c.author ? `, ${c.source === 'import' ? `imported by ${c.author}` : c.author}` : '';
      return `${DAY.format(new Date(`${c.date}T00:00:00Z`))}${who}: ${what}${c.note ? ` — “${c.note}”` : ''}`;
    },
    team: (id) => teamName(id, teams),
  };
}

/** "62%", "40% ($800k of the $2M increase, from 2 sub-goals)" (the one progress text), or null when nothing is measurable. */
export function progressLabel(p: Progress): string | null {
  return p.ratio == null ? null : progressText(p);
}

/**
 * The currency a plan counts money in: the money unit its goals use most ($ when the plan names none).
 * Budgets have no unit field of their own, so they are written in this currency.
 */
export function planCurrency(content: Descendant[]): string {
  const counts = new Map<string, number>();
  for (const { el } of structuredBlocks(content).goals) {
    const u = el.metricUnit.trim();
    if (!CURRENCY_UNITS.has(u.toLowerCase())) continue;
    const money = u.toLowerCase() === 'k$' || u.toLowerCase() === 'm$' ? '$' : u;
    counts.set(money, (counts.get(money) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '$';
}

/** A budget as people read it: $90,000, 12,000 EUR. */
export function formatBudget(budget: number, currency: string): string {
  return currency.length === 1 ? formatQuantity(budget, currency) : `${formatNumber(budget)} ${currency.toUpperCase()}`;
}

/**
 * Drops headings whose section holds nothing (only template hints, or nothing before the next heading
 * of the same or a higher level). `levelOf` returns a block's heading level, or null for any other block.
 */
export function withoutEmptySections<T>(blocks: T[], levelOf: (b: T) => number | null): T[] {
  const keep = blocks.map(() => true);
  for (let i = blocks.length - 1; i >= 0; i--) {
    const level = levelOf(blocks[i]!);
    if (level == null) continue;
    let j = i + 1;
    while (j < blocks.length && !keep[j]) j++;
    const next = j < blocks.length ? levelOf(blocks[j]!) : 0;
    if (next != null && (next === 0 || next <= level)) keep[i] = false;
  }
  return blocks.filter((_, i) => keep[i]);
}
