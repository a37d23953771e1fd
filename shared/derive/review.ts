/**
 * What the monthly Plan Review shows, as data: every goal of the plans by team with its progress,
 * pace, last check-in and how it moved since the previous review; the goals at risk, behind pace and
 * not checked in on lately; and the review as Markdown for the meeting's notes. Pure: plans in.
 */
import { type CheckIn } from '../model/checkIns';
import { GOAL_STATUS_LABELS, type GoalStatus } from '../model/elements';
import { type PlanSnapshot } from '../model/planDoc';
import { type Person } from '../model/people';
import { daysBetween, planPeriod } from '../model/period';
import { DEFAULT_TEAMS, resolveTeam, type Team } from '../model/teams';
import { DEFAULT_WORKSPACE_SETTINGS } from '../model/workspaceDoc';
import { buildGoalTree, type GoalNode } from './goalTree';
import { paceOf, trendSince, type Pace, type Trend } from './pace';
import { formatQuantity, progressPercent, type Progress } from './rollup';

export type ReviewGoal = {
  planId: string;
  planTitle: string;
  goalId: string;
  title: string;
  team: Team;
  owners: string[];
  status: GoalStatus;
  current: number | null;
  unit: string;
  progress: Progress;
  pace: Pace | null;
  latest: CheckIn | null;
  /** Days since the latest check-in, null when there has been none. */
  daysSinceCheckIn: number | null;
  /** Progress since the previous review. */
  trend: Trend;
  /** Slate path of the goal in its plan, to jump to. */
  path: number[];
  depth: number;
  /** The title of the goal it supports, for a sub-goal. */
  parentTitle: string | null;
};

export type PlanReview = {
  today: string;
  since: string;
  teams: { team: Team; goals: ReviewGoal[] }[];
  atRisk: ReviewGoal[];
  behindPace: ReviewGoal[];
  /** Goals with a target not checked in on for more than `staleCheckInDays` days. */
  quiet: ReviewGoal[];
};

export type ReviewOptions = {
  today: string;
  /** The previous review's day: the trend is measured from it. */
  since: string;
  teams?: readonly Team[];
  staleCheckInDays?: number;
  fiscalYearStartMonth?: number;
};

export function planReview(plans: PlanSnapshot[], options: ReviewOptions): PlanReview {
  const { today, since } = options;
  const teams = options.teams ?? DEFAULT_TEAMS;
  const staleDays = options.staleCheckInDays ?? DEFAULT_WORKSPACE_SETTINGS.staleCheckInDays;
  const tree = buildGoalTree(plans);
  const periods = new Map(plans.map((p) => [p.meta.id, planPeriod(p.meta, options.fiscalYearStartMonth)]));
  const rows: ReviewGoal[] = [];
  const visit = (node: GoalNode, parent: GoalNode | null) => {
    const g = node.goal;
    rows.push({
      planId: node.planId, planTitle: node.planTitle, goalId: g.id, title: g.title.trim() || 'Untitled goal', team: resolveTeam(g.team, teams),
      owners: g.owners, status: g.status, current: g.current, unit: g.metricUnit, progress: node.progress,
      pace: paceOf(g, node.progress, periods.get(node.planId) ?? null, today), latest: node.latest,
      daysSinceCheckIn: node.latest ? daysBetween(node.latest.date, today) : null,
      trend: trendSince(node, since, today, node.progress), path: node.path, depth: node.depth,
      parentTitle: parent ? parent.goal.title.trim() || 'Untitled goal' : null,
    });
    node.children.forEach((c) => visit(c, node));
  };
  tree.roots.forEach((r) => visit(r, null));

  const byTeam = new Map<string, { team: Team; goals: ReviewGoal[] }>();
  for (const t of teams) byTeam.set(t.id, { team: t, goals: [] });
  for (const r of rows) {
    const entry = byTeam.get(r.team.id) ?? byTeam.set(r.team.id, { team: r.team, goals: [] }).get(r.team.id)!;
    entry.goals.push(r);
  }
  const measuredLeaf = (r: ReviewGoal) => {
    const node = tree.byId.get(r.goalId);
    return !!node && node.planId === r.planId && node.children.length === 0 && node.goal.target != null;
  };
  return {
    today,
    since,
    teams: [...byTeam.values()].filter((t) => t.goals.length > 0),
    atRisk: rows.filter((r) => r.status === 'at-risk' || r.status === 'off-track'),
    behindPace: rows.filter((r) => r.pace?.behind),
    quiet: rows.filter((r) => r.status !== 'done' && measuredLeaf(r) && (r.daysSinceCheckIn === null || r.daysSinceCheckIn > staleDays)),
  };
}

const pct = (p: Progress) => {
  const n = progressPercent(p);
  return n === null ? '—' : `${n}%`;
};
const escape = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/\r?\n+/g, ' ');

function trendText(t: Trend): string {
  if (t.change === null) return '—';
  const points = Math.round(t.change * 100);
  return points === 0 ? '±0 pts' : `${points > 0 ? '+' : '−'}${Math.abs(points)} pts`;
}

function paceText(p: Pace | null): string {
  if (!p) return '—';
  const expected = `${Math.round(p.expected * 100)}%`;
  if (p.actual === null) return `${expected} expected by now`;
  return p.behind ? `behind (${expected} by now)` : `on pace (${expected} by now)`;
}

function lastCheckIn(r: ReviewGoal): string {
  if (!r.latest) return 'none yet';
  const value = r.latest.value !== null ? `${formatQuantity(r.latest.value, r.unit)}, ` : '';
  return `${value}${r.latest.date}${r.latest.author ? ` by ${r.latest.author}` : ''}`;
}

/** The review as Markdown for the monthly meeting: headline lists first, then every goal by team. */
export function reviewSummaryMarkdown(review: PlanReview, people: Person[] = [], title = 'Plan review'): string {
  const names = new Map(people.map((p) => [p.id, p.name]));
  const owners = (r: ReviewGoal) => r.owners.map((o) => names.get(o) ?? 'someone not in the directory').join(', ') || 'no owner';
  const line = (r: ReviewGoal, why: string) => `- **${escape(r.title)}** (${escape(r.team.name)}, ${escape(owners(r))}): ${why}`;
  const out = [`# ${escape(title)} — ${review.today}`, '', `Progress since the last review on ${review.since}.`, ''];
  const section = (heading: string, list: ReviewGoal[], why: (r: ReviewGoal) => string) => {
    out.push(`## ${heading} (${list.length})`, '');
    out.push(...(list.length ? list.map((r) => line(r, why(r))) : ['- None.']), '');
  };
  section('At risk or off track', review.atRisk, (r) => {
    const note = r.latest?.note ? ` — “${escape(r.latest.note)}”` : '';
    return `${GOAL_STATUS_LABELS[r.status]}, ${pct(r.progress)}${note}`;
  });
  section('Behind pace', review.behindPace, (r) => `${pct(r.progress)}, ${Math.round((r.pace?.expected ?? 0) * 100)}% expected by now`);
  section('No recent check-in', review.quiet, (r) => (r.daysSinceCheckIn === null ? 'never checked in' : `last check-in ${r.daysSinceCheckIn} days ago`));
  out.push('## Every goal by team', '');
  for (const { team, goals } of review.teams) {
    out.push(`### ${escape(team.name)}`, '', '| Goal | Status | Progress | Pace | Since last review | Last check-in |', '|---|---|---|---|---|---|');
    for (const r of goals) {
      out.push(`| ${r.depth > 0 ? '↳ ' : ''}${escape(r.title)} | ${GOAL_STATUS_LABELS[r.status]} | ${pct(r.progress)} | ${paceText(r.pace)} | ${trendText(r.trend)} | ${escape(lastCheckIn(r))} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The review's id for every plan of the workspace, whatever their period. */
export const ALL_PERIODS = '*';

/** The periods the workspace's plans are written for, the latest start first (labels without dates last, by name). */
export function reviewPeriods(plans: readonly PlanSnapshot[], fiscalYearStartMonth?: number): string[] {
  const starts = new Map<string, string>();
  for (const p of plans) {
    const label = p.meta.period.trim();
    if (label && !starts.has(label)) starts.set(label, planPeriod(p.meta, fiscalYearStartMonth)?.start ?? '');
  }
  return [...starts].sort(([a, sa], [b, sb]) => (sa === sb ? a.localeCompare(b) : sa < sb ? 1 : -1)).map(([label]) => label);
}

/** The plans a review of `period` covers: those written for it (every plan for ALL_PERIODS). */
export const plansInPeriod = (plans: PlanSnapshot[], period: string): PlanSnapshot[] =>
  period === ALL_PERIODS ? plans : plans.filter((p) => p.meta.period.trim() === period);

export type ReviewCounts = { goals: number; onPace: number; behindPace: number; atRisk: number; quiet: number };

/** The dashboard's headline figures. */
export function reviewCounts(review: PlanReview): ReviewCounts {
  let goals = 0;
  let onPace = 0;
  for (const t of review.teams) {
    goals += t.goals.length;
    for (const g of t.goals) if (g.pace && !g.pace.behind && g.pace.actual !== null) onPace++;
  }
  return { goals, onPace, behindPace: review.behindPace.length, atRisk: review.atRisk.length, quiet: review.quiet.length };
}
