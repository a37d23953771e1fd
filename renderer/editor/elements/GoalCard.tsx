/**
 * A goal, read at a glance and edited in place. Until it is selected or one of its fields has focus the
 * card is a compact summary: title and status, owners, current value and target, progress against the
 * pace line with a trend line, the latest check-in, and why. Selected or edited, it opens with every
 * field (team, period, due date, the metric, the parent goal) and a chart of its check-ins against the
 * pace line. The fields of the summary are the card's own fields, and the others stay in the page
 * (out of sight, still reachable by Tab and by screen readers), so the keyboard walks the same fields
 * in the same order either way.
 */
import { memo, useMemo, useRef, useState, useSyncExternalStore, type FocusEvent } from 'react';
import { Element as SlateElement } from 'slate';
import { ReactEditor, type RenderElementProps, useReadOnly, useSelected, useSlateStatic } from 'slate-react';
import { formatNumber, formatQuantity } from '../../../shared/derive/rollup';
import { CONFIDENCE_LABELS } from '../../../shared/model/checkIns';
import { GOAL_STATUS_LABELS, type GoalElement } from '../../../shared/model/elements';
import { daysBetween } from '../../../shared/model/period';
import { teamKind, teamOptions } from '../../../shared/model/teams';
import { type GoalFigures } from '../derivedStore';
import { insertSubGoalOf, revealBlock } from '../editorCommands';
import { usePlanEditorContext } from '../planContext';
import { cardEvents } from './cardKeys';
import { CheckInForm, CurrentField, StatusField } from './CheckInFields';
import { CardCommentBadge, CommentCardContext } from './CommentBadge';
import { ConflictNotices } from './ConflictNotices';
import { DateField, NumberField, OwnersField, SelectField, TextField, useFieldSetter } from './fields';
import { GoalPicker } from './GoalPicker';
import { PaceChart, shortDate, TrendLine } from './GoalCharts';

function useFigures(goalId: string): GoalFigures | undefined {
  const { derived } = usePlanEditorContext();
  return useSyncExternalStore((l) => derived.subscribeGoal(goalId, l), () => derived.figuresOf(goalId));
}

/** Progress against pace: the bar, a mark where the pace line is today, and the words for both. */
function ProgressAgainstPace({ figures }: { figures: GoalFigures | undefined }) {
  const ratio = figures?.progress.ratio ?? null;
  const pct = ratio === null ? null : Math.round(ratio * 100);
  const pace = figures?.pace ?? null;
  const expected = pace ? Math.round(pace.expected * 100) : null;
  const words = [pct === null ? 'No progress yet' : `${pct}%`];
  if (expected !== null && figures?.now.status !== 'done') words.push(pace!.behind ? `behind pace (${expected}% by now)` : `${expected}% expected by now`);
  return (
    <div className={`tandem-progress${pace?.behind ? ' tandem-behind' : ''}`} title={figures?.progress.note}>
      <div role="progressbar" aria-label="Progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined}
        aria-valuetext={`${pct === null ? 'not measurable yet' : `${pct}%`}${expected !== null ? `, ${expected}% expected by now${pace!.behind ? ', behind pace' : ''}` : ''}`}
        className="tandem-progress-track">
        <div className="tandem-progress-fill" style={{ width: `${pct ?? 0}%` }} />
        {expected !== null && <div className="tandem-pace-mark" style={{ left: `${expected}%` }} title={`Pace: ${expected}% by today`} />}
      </div>
      <span className="tandem-progress-label">{words.join(' · ')}</span>
      {figures && <TrendLine points={figures.trend} line={figures.line} behind={!!pace?.behind} />}
      {figures?.progress.basis === 'children' && <span className="tandem-progress-note">{figures.progress.note}</span>}
    </div>
  );
}

/** The latest check-in in one line: when, who, the value, status, confidence and note. */
function LatestCheckIn({ figures, unit }: { figures: GoalFigures | undefined; unit: string }) {
  const { today } = usePlanEditorContext();
  const latest = figures?.latest;
  if (!latest) return <span className="tandem-muted">No check-ins yet</span>;
  const ago = daysBetween(latest.date, today());
  const when = ago <= 0 ? 'today' : ago === 1 ? 'yesterday' : ago < 45 ? `${ago} days ago` : `on ${shortDate(latest.date)}`;
  const what = [latest.value !== null ? formatQuantity(latest.value, unit) : null, GOAL_STATUS_LABELS[latest.status],
    latest.confidence ? CONFIDENCE_LABELS[latest.confidence].toLowerCase() : null].filter(Boolean).join(' · ');
  const who = latest.source === 'migration' ? 'before check-ins' : latest.source === 'import' ? `imported by ${latest.author || 'someone'}` : latest.author || 'someone';
  return (
    <span className="tandem-latest" title={`${figures!.checkIns} check-in${figures!.checkIns === 1 ? '' : 's'}`}>
      <span className="tandem-latest-when">Checked in {when}</span> ({who}): {what}
      {latest.note && latest.source !== 'migration' && <span className="tandem-latest-note"> — “{latest.note}”</span>}
    </span>
  );
}

function useDepth(goalId: string): number {
  const { derived } = usePlanEditorContext();
  return useSyncExternalStore((l) => derived.subscribeGoal(goalId, l), () => derived.figuresOf(goalId)?.depth ?? 0);
}

export const GoalCard = memo(function GoalCard({ attributes, children, element }: RenderElementProps & { element: GoalElement }) {
  const editor = useSlateStatic();
  const readOnly = useReadOnly();
  const selected = useSelected();
  const { teams, today } = usePlanEditorContext();
  const set = useFieldSetter(element);
  const depth = useDepth(element.id);
  const figures = useFigures(element.id);
  const [focused, setFocused] = useState(false);
  // A click opens the card by selecting it, once the click is done: opening it as the mouse goes down
  // would move what is under the mouse before the button comes up, and the click would be lost.
  const pointing = useRef(false);
  const [checkingIn, setCheckingIn] = useState(false);
  const goal = element;
  const open = selected || focused || checkingIn;

  const siblingsBefore = () => {
    const index = ReactEditor.findPath(editor, element)[0]!;
    return editor.children.slice(0, index).filter((n): n is GoalElement => SlateElement.isElement(n) && n.type === 'goal');
  };
  const indent = () => {
    const prev = siblingsBefore().reverse().find((g) => (g.parentId ?? null) === (goal.parentId ?? null) && (g.parentPlanId ?? null) === (goal.parentPlanId ?? null));
    if (prev) set('parentId', prev.id);
    if (prev && goal.parentPlanId != null) set('parentPlanId', null);
  };
  const outdent = () => {
    if (!goal.parentId) return;
    const parent = editor.children.find((n): n is GoalElement => SlateElement.isElement(n) && n.type === 'goal' && n.id === goal.parentId);
    set('parentId', parent?.parentId ?? null);
    set('parentPlanId', parent?.parentPlanId ?? null);
  };
  const title = goal.title.trim() || 'Untitled goal';
  const metricSummary = goal.target != null ? `${goal.metricName || 'target'} ${formatNumber(goal.target)} ${goal.metricUnit}`.trim() : '';
  const now = {
    goalId: goal.id, current: figures ? figures.now.current : (goal.current ?? null), status: figures ? figures.now.status : goal.status,
    latestId: figures?.latest?.id ?? null,
  };
  const onFocus = () => {
    if (!pointing.current) setFocused(true);
  };
  const onBlur = (e: FocusEvent) => {
    if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) setFocused(false);
  };
  const detail = 'tandem-goal-detail';
  const events = cardEvents(editor, element);
  const team = teamOptions(teams, goal.team).map((t) => ({ value: t.id, label: t.name }));
  const chartPoints = figures ? chartValues(figures) : [];
  const commentCard = useMemo(() => ({ key: `goal:${goal.id}`, anchor: { kind: 'goal' as const, goalId: goal.id }, title: `goal “${title}”` }), [goal.id, title]);

  return (
    <div {...attributes} className="tandem-block tandem-goal-block" style={{ paddingLeft: `${Math.min(depth, 6) * 28}px` }}>
      <CommentCardContext.Provider value={commentCard}>
      <section contentEditable={false} className={`tandem-card tandem-goal tandem-team-${teamKind(goal.team, teams)}${open ? ' tandem-open' : ''}`}
        aria-label={`Goal: ${title}`} data-block-id={goal.id} data-comment-card={commentCard.key} {...events} onFocus={onFocus} onBlur={onBlur}
        onPointerDown={() => {
          pointing.current = true;
          window.addEventListener('pointerup', () => setTimeout(() => { pointing.current = false; }), { once: true, capture: true });
        }}
        onClick={(e) => {
          events.onClick(e);
          if ((e.currentTarget as HTMLElement).contains(document.activeElement)) setFocused(true);
        }}>
        <header className="tandem-card-header">
          <span className="tandem-card-kind">{depth > 0 ? 'Sub-goal' : 'Goal'}</span>
          <TextField label="Goal title" hideLabel className="tandem-card-title" value={goal.title} placeholder="What do we want to achieve?"
            readOnly={readOnly} onChange={(v) => set('title', v)} />
          <StatusField now={now} readOnly={readOnly} />
          <CardCommentBadge card={commentCard} />
        </header>
        <div className="tandem-goal-facts">
        <div className="tandem-card-grid tandem-goal-people">
          <SelectField label="Team" field="team" className={detail} value={goal.team} options={team} readOnly={readOnly} onChange={(v) => set('team', v)} />
          <OwnersField label="Owners" field="owners" value={goal.owners} readOnly={readOnly} onChange={(v) => set('owners', v)} />
          <TextField label="Period" field="period" className={detail} value={goal.period} placeholder="e.g. FY2027" readOnly={readOnly} onChange={(v) => set('period', v)} />
          <DateField label="Due" field="due" className={detail} value={goal.due} readOnly={readOnly} onChange={(v) => set('due', v)} />
        </div>
        <div className="tandem-card-grid tandem-metric" role="group" aria-label={`Metric${metricSummary ? `: ${metricSummary}` : ''}`}>
          <TextField label="Metric" field="metricName" className={detail} value={goal.metricName} placeholder="e.g. New ARR" readOnly={readOnly} onChange={(v) => set('metricName', v)} />
          <TextField label="Unit" field="metricUnit" className={detail} value={goal.metricUnit} placeholder="e.g. $, %, deals" readOnly={readOnly} onChange={(v) => set('metricUnit', v)} />
          <NumberField label="Baseline" field="baseline" className={detail} value={goal.baseline} unit={goal.metricUnit} readOnly={readOnly} onChange={(v) => set('baseline', v)} />
          <CurrentField now={now} unit={goal.metricUnit} readOnly={readOnly} />
          <NumberField label="Target" field="target" value={goal.target} unit={goal.metricUnit} readOnly={readOnly} onChange={(v) => set('target', v)} />
        </div>
        </div>
        <ProgressAgainstPace figures={figures} />
        <div className="tandem-checkin-line">
          <LatestCheckIn figures={figures} unit={goal.metricUnit} />
          {!readOnly && !checkingIn && <button type="button" className="tandem-checkin-button" onClick={() => setCheckingIn(true)}>Check in…</button>}
        </div>
        {checkingIn && <CheckInForm now={now} unit={goal.metricUnit} onDone={() => setCheckingIn(false)} />}
        {figures && (figures.line || chartPoints.length > 0) && (
          <PaceChart points={chartPoints} line={figures.line} unit={goal.metricUnit} today={today()} title={title} draw={open} className={detail}
            contributions={{ parts: figures.contributions, days: figures.contributionDays }} rolledUp={figures.values.length === 0 && chartPoints.length > 0} />
        )}
        <TextField label="Why (rationale)" field="rationale" className="tandem-goal-why" multiline value={goal.rationale} placeholder="Why are we doing this?" readOnly={readOnly}
          onChange={(v) => set('rationale', v)} />
        <div className={`tandem-card-footer ${detail}`}>
          <GoalPicker label="Supports (parent goal)" emptyLabel="No parent: a top goal" excludeGoalId={goal.id} readOnly={readOnly}
            value={{ goalId: goal.parentId ?? null, planId: goal.parentPlanId ?? null }}
            onChange={(v) => {
              set('parentId', v.goalId);
              set('parentPlanId', v.planId);
            }} />
          {!readOnly && (
            <div className="tandem-card-actions">
              <button type="button" onClick={() => {
                const id = insertSubGoalOf(editor, goal.id);
                // After Slate has handled the click (which selects this card), show the new sub-goal.
                if (id) requestAnimationFrame(() => revealBlock(editor, id));
              }}>Add sub-goal</button>
              <button type="button" onClick={indent} title="Make this a sub-goal of the goal before it">Indent</button>
              <button type="button" onClick={outdent} disabled={!goal.parentId} title="Move this goal one level up">Outdent</button>
            </div>
          )}
        </div>
        <ConflictNotices blockKey={goal.id} restore={(c) => set(c.field, c.mine)} />
      </section>
      </CommentCardContext.Provider>
      {children}
    </div>
  );
});

/** The chart's points in the goal's unit: its own check-ins, or its sub-goals' progress mapped onto its span. */
function chartValues(figures: GoalFigures) {
  if (figures.values.length > 0) return figures.values;
  const line = figures.line;
  if (!line) return [];
  return figures.trend.map((p) => ({ date: p.date, value: line.from + (line.to - line.from) * p.ratio }));
}
