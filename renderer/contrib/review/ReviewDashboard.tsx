/**
 * The Plan Review: the monthly meeting's page for one period. Headline figures, then what needs the
 * room's attention (at risk or off track, behind pace, no recent check-in), then every goal by team
 * with its progress against pace, how it moved since the previous review and its last check-in. A goal
 * opens its card in the plan (with its chart); the summary is one click away as Markdown.
 */
import { memo, startTransition, useEffect, useId, useMemo, useState } from 'react';
import { planReview, plansInPeriod, reviewCounts, reviewSummaryMarkdown, type PlanReview, type ReviewGoal } from '../../../shared/derive/review';
import { formatQuantity, progressPercent } from '../../../shared/derive/rollup';
import { GOAL_STATUS_LABELS } from '../../../shared/model/elements';
import { daysBetween, formatDay, isIsoDay, planPeriod } from '../../../shared/model/period';
import { type Person } from '../../../shared/model/people';
import { type EditorProps } from '../../workbench/editorKinds';
import { useComputed, useServices, useValue } from '../../workbench/services/services';
import { downloadFile, planFileName } from '../../workbench/widgets/downloadFile';
import { revealTarget } from '../../workbench/widgets/revealTarget';
import { periodTitle, useReviewSince } from './reviewSince';
import './review.css';

type Open = (g: ReviewGoal) => void;

function ProgressCell({ g }: { g: ReviewGoal }) {
  const pct = progressPercent(g.progress);
  const expected = g.pace ? Math.round(g.pace.expected * 100) : null;
  const words = pct === null ? 'not measurable yet' : `${pct}%`;
  const paceWords = expected === null || g.status === 'done' ? '' : g.pace!.behind ? `behind pace: ${expected}% by now` : `${expected}% expected by now`;
  return (
    <div className={`rv-progress${g.pace?.behind ? ' rv-behind' : ''}`}>
      <span className="rv-bar" role="progressbar" aria-label={`Progress of ${g.title}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined}
        aria-valuetext={[words, paceWords].filter(Boolean).join(', ')}>
        <span className="rv-fill" style={{ width: `${pct ?? 0}%` }} />
        {expected !== null && <span className="rv-pace-mark" style={{ left: `${expected}%` }} />}
      </span>
      <span className="rv-progress-words">{pct === null ? '—' : `${pct}%`}{paceWords && <span className="rv-muted"> · {paceWords}</span>}</span>
    </div>
  );
}

function TrendCell({ g }: { g: ReviewGoal }) {
  const change = g.trend.change;
  if (change === null) return <span className="rv-muted" title="Not measurable on one of the two days">—</span>;
  const points = Math.round(change * 100);
  const cls = points > 0 ? 'rv-up' : points < 0 ? 'rv-down' : 'rv-flat';
  const text = points === 0 ? '±0 pts' : `${points > 0 ? '▲ +' : '▼ −'}${Math.abs(points)} pts`;
  return <span className={cls} title={`${Math.round((g.trend.from ?? 0) * 100)}% at the last review, ${Math.round((g.trend.to ?? 0) * 100)}% now`}>{text}</span>;
}

function ago(days: number): string {
  return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

function LastCheckIn({ g }: { g: ReviewGoal }) {
  if (!g.latest) return <span className="rv-muted">{g.progress.basis === 'children' ? 'None: measured by its sub-goals' : 'No check-in yet'}</span>;
  const value = g.latest.value !== null ? formatQuantity(g.latest.value, g.unit, { compact: true }) : null;
  const who = g.latest.source === 'import' ? 'imported' : g.latest.author;
  return (
    <span title={g.latest.note || undefined}>
      {ago(g.daysSinceCheckIn ?? 0)}{value && <> · <strong>{value}</strong></>}{who && <span className="rv-muted"> · {who}</span>}
      {g.latest.note && g.latest.source === 'card' && <span className="rv-note"> — “{g.latest.note}”</span>}
    </span>
  );
}

/**
 * Rows on the first frame; the rest follow in one transition after it, which React renders in
 * slices between frames, so a workspace of thousands of goals shows at once and stays responsive.
 */
export const FIRST_ROWS = 120;

/** How many of `total` rows to render: FIRST_ROWS at once, every row after the first paint. */
function useProgressiveCount(total: number): number {
  const [shown, setShown] = useState(FIRST_ROWS);
  useEffect(() => {
    if (shown >= total) return;
    const timer = setTimeout(() => startTransition(() => setShown(total)), 0);
    return () => clearTimeout(timer);
  }, [shown, total]);
  return Math.min(shown, total);
}

const ownersOf = (g: ReviewGoal, names: ReadonlyMap<string, string>) => g.owners.map((o) => names.get(o) ?? 'someone not in the directory').join(', ');

const GoalRow = memo(function GoalRow({ g, names, onOpen, showPlan }: { g: ReviewGoal; names: ReadonlyMap<string, string>; onOpen: Open; showPlan: boolean }) {
  const about = [g.parentTitle && `supports ${g.parentTitle}`, showPlan && g.planTitle].filter(Boolean).join(' · ');
  return (
    <div role="row" className={`rv-row rv-goal-row${g.depth > 0 ? ' rv-sub' : ''}`}>
      <div role="rowheader">
        <button type="button" className="rv-goal-link" onClick={() => onOpen(g)} title={`Open its card in ${g.planTitle}`}>{g.title}</button>
        {about && <span className="rv-about">{about}</span>}
      </div>
      <div role="cell">{ownersOf(g, names) || <span className="rv-muted">no owner</span>}</div>
      <div role="cell"><span className={`rv-status rv-status-${g.status}`}>{GOAL_STATUS_LABELS[g.status]}</span></div>
      <div role="cell"><ProgressCell g={g} /></div>
      <div role="cell"><TrendCell g={g} /></div>
      <div role="cell"><LastCheckIn g={g} /></div>
    </div>
  );
});

function AttentionList({ title, tone, goals, why, onOpen, empty }: {
  title: string; tone: string; goals: ReviewGoal[]; why: (g: ReviewGoal) => string; onOpen: Open; empty: string;
}) {
  const id = useId();
  return (
    <section className={`rv-attention rv-${tone}`} aria-labelledby={id}>
      <h3 id={id}>{title} <span className="rv-count">{goals.length}</span></h3>
      {goals.length === 0 ? <p className="rv-muted">{empty}</p> : (
        <ul>
          {goals.slice(0, 12).map((g) => (
            <li key={`${g.planId}:${g.goalId}`}>
              <button type="button" className="rv-goal-link" onClick={() => onOpen(g)}>{g.title}</button>
              <span className="rv-why">{g.team.name} · {why(g)}</span>
            </li>
          ))}
          {goals.length > 12 && <li className="rv-muted">and {goals.length - 12} more in the table below</li>}
        </ul>
      )}
    </section>
  );
}

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

function Headline({ review }: { review: PlanReview }) {
  const c = reviewCounts(review);
  const tiles: [string, number, string][] = [
    ['Goals', c.goals, ''],
    ['On pace', c.onPace, 'rv-good'],
    ['Behind pace', c.behindPace, c.behindPace ? 'rv-bad' : ''],
    ['At risk or off track', c.atRisk, c.atRisk ? 'rv-warn' : ''],
    ['No recent check-in', c.quiet, c.quiet ? 'rv-warn' : ''],
  ];
  return (
    <ul className="rv-tiles" aria-label="At a glance">
      {tiles.map(([label, n, cls]) => (
        <li key={label} className={`rv-tile ${cls}`} aria-label={`${label}: ${n}`}><span className="rv-tile-n">{n.toLocaleString('en-US')}</span><span className="rv-tile-label">{label}</span></li>
      ))}
    </ul>
  );
}

/** The dashboard itself, from the review's data (the benchmark renders it alone). */
export function ReviewBody({ review, people, staleDays, onOpen, title, coverage, since, showPlans, onError }: {
  review: PlanReview; people: Person[]; staleDays: number; onOpen: Open; title: string; coverage: string; showPlans: boolean;
  since: { value: string; set: (day: string) => void };
  onError: (message: string) => void;
}) {
  const names = useMemo(() => new Map(people.map((p) => [p.id, p.name])), [people]);
  const total = review.teams.reduce((n, t) => n + t.goals.length, 0);
  const shown = useProgressiveCount(total);
  const before = review.teams.reduce<number[]>((acc, t, i) => [...acc, (acc[i] ?? 0) + t.goals.length], [0]);
  const [copied, setCopied] = useState(false);
  const summary = () => reviewSummaryMarkdown(review, people, title);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(summary());
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch (err) {
      onError(`Could not copy the summary: ${err instanceof Error ? err.message : String(err)}. Download it instead.`);
    }
  };
  const download = () => downloadFile(planFileName(`${title} ${review.today}`), summary());
  return (
    <div className="rv-page">
      <header className="rv-header">
        <div>
          <h1>{title}</h1>
          <p className="rv-muted">{coverage} · as of {formatDay(review.today)}</p>
        </div>
        <div className="rv-actions">
          <label className="rv-since">Since the last review on
            <input type="date" value={since.value} max={review.today} onChange={(e) => isIsoDay(e.target.value) && since.set(e.target.value)} />
          </label>
          <button type="button" className="tv-button" onClick={() => void copy()}>{copied ? 'Copied' : 'Copy summary'}</button>
          <button type="button" className="tv-button tv-secondary" onClick={download}>Download .md</button>
        </div>
      </header>
      <Headline review={review} />
      <div className="rv-attention-row">
        <AttentionList title="At risk or off track" tone="warn" goals={review.atRisk} onOpen={onOpen} empty="Every goal is on track or done."
          why={(g) => `${GOAL_STATUS_LABELS[g.status]}, ${pct(g.progress.ratio)}${g.latest?.note ? ` — “${g.latest.note}”` : ''}`} />
        <AttentionList title="Behind pace" tone="bad" goals={review.behindPace} onOpen={onOpen} empty="No goal is behind its pace line."
          why={(g) => `${pct(g.progress.ratio)} of the way, ${pct(g.pace?.expected ?? null)} expected by now`} />
        <AttentionList title={`No check-in in ${staleDays} days`} tone="quiet" goals={review.quiet} onOpen={onOpen} empty="Every measured goal has a recent check-in."
          why={(g) => (g.daysSinceCheckIn === null ? 'never checked in' : `last check-in ${ago(g.daysSinceCheckIn)}`)} />
      </div>
      <h2 className="rv-section-title">Every goal by team</h2>
      {review.teams.length === 0 && <p className="rv-muted">No goals in these plans yet.</p>}
      {review.teams.map(({ team, goals }, t) => {
        const shownHere = Math.max(0, Math.min(goals.length, shown - before[t]!));
        return (
          <section key={team.id} className="rv-team" aria-label={`${team.name} goals`}>
            <h3 className={`rv-team-name rv-kind-${team.kind}`}>{team.name} <span className="rv-count">{goals.length}</span></h3>
            <div role="table" className="rv-table" aria-label={`${team.name} goals`} aria-rowcount={goals.length + 1}>
              <div role="row" className="rv-row rv-head">
                <span role="columnheader">Goal</span><span role="columnheader">Owners</span><span role="columnheader">Status</span>
                <span role="columnheader">Progress against pace</span><span role="columnheader">Since {formatDay(review.since, { year: false })}</span>
                <span role="columnheader">Last check-in</span>
              </div>
              {goals.slice(0, shownHere).map((g) => <GoalRow key={`${g.planId}:${g.goalId}:${g.path.join('.')}`} g={g} names={names} onOpen={onOpen} showPlan={showPlans} />)}
              {shownHere < goals.length && <p className="rv-muted rv-more" role="status">Listing {goals.length - shownHere} more goals…</p>}
            </div>
          </section>
        );
      })}
    </div>
  );
}

/** The editor tab: the review of the plans written for the tab's period, live as people check in. */
export function ReviewDashboard({ input }: EditorProps) {
  const { model, editors, workspace, notifications } = useServices();
  const period = input.id;
  const people = useValue(model.people);
  const settings = useValue(model.workspaceSettings);
  const today = useValue(model.today);
  const [since, setSince] = useReviewSince(workspace.id, period, today);
  const data = useComputed([model.snapshots, model.teams, model.workspaceSettings, model.today], (snapshots, teams, ws, day) => {
    const plans = plansInPeriod(snapshots, period);
    return {
      review: planReview(plans, { today: day, since: since < day ? since : day, teams, ...ws }),
      plans: plans.map((p) => p.meta.title.trim() || 'Untitled plan'),
      dates: plans.map((p) => planPeriod(p.meta, ws.fiscalYearStartMonth)).find(Boolean) ?? null,
    };
  }, [period, since]);
  const loading = useValue(model.loading);
  const open = useMemo<Open>(() => (g) => editors.openPlan(g.planId, revealTarget({ blockId: g.goalId, path: g.path })), [editors]);
  const title = periodTitle(period);
  if (data.plans.length === 0) {
    return (
      <div className="rv-page" aria-busy={loading}>
        <h1>{title}</h1>
        <p className="rv-muted">{loading ? 'Reading the plans…' : `No plan is written for ${period} any more. Open the review of another period from the command palette (Open Plan Review).`}</p>
      </div>
    );
  }
  const span = period !== '*' && data.dates ? `${formatDay(data.dates.start)} – ${formatDay(data.dates.end)}` : '';
  const coverage = [`${data.plans.length === 1 ? data.plans[0] : `${data.plans.length} plans: ${data.plans.join(', ')}`}`, span,
    data.dates && period !== '*' ? `day ${Math.max(0, Math.min(daysBetween(data.dates.start, today) + 1, daysBetween(data.dates.start, data.dates.end) + 1))} of ${daysBetween(data.dates.start, data.dates.end) + 1}` : '']
    .filter(Boolean).join(' · ');
  return (
    <ReviewBody review={data.review} people={people} staleDays={settings.staleCheckInDays} onOpen={open} title={title} coverage={coverage}
      since={{ value: data.review.since, set: setSince }} showPlans={data.plans.length > 1} onError={(m) => notifications.notify(m, 'error')} />
  );
}
