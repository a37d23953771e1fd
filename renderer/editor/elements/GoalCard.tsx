/** A goal, edited in place: what, who, how it is measured, why, and where it sits in the cascade. */
import { memo, useSyncExternalStore } from 'react';
import { Element as SlateElement } from 'slate';
import { ReactEditor, type RenderElementProps, useReadOnly, useSlateStatic } from 'slate-react';
import { formatNumber } from '../../../shared/derive/rollup';
import { GOAL_STATUSES, GOAL_STATUS_LABELS, type GoalElement } from '../../../shared/model/elements';
import { TEAMS, TEAM_LABELS } from '../../../shared/model/people';
import { insertSubGoalOf, revealBlock } from '../editorCommands';
import { usePlanEditorContext } from '../planContext';
import { cardEvents } from './cardKeys';
import { ConflictNotices } from './ConflictNotices';
import { DateField, NumberField, OwnersField, SelectField, TextField, useFieldSetter } from './fields';
import { GoalPicker } from './GoalPicker';

const TEAM_OPTIONS = TEAMS.map((t) => ({ value: t, label: TEAM_LABELS[t] }));
const STATUS_OPTIONS = GOAL_STATUSES.map((s) => ({ value: s, label: GOAL_STATUS_LABELS[s] }));

function Progress({ goalId }: { goalId: string }) {
  const { derived } = usePlanEditorContext();
  const figures = useSyncExternalStore((l) => derived.subscribeGoal(goalId, l), () => derived.figuresOf(goalId));
  const ratio = figures?.progress.ratio ?? null;
  const pct = ratio === null ? null : Math.round(ratio * 100);
  return (
    <div className="tandem-progress" title={figures?.progress.note}>
      <div role="progressbar" aria-label="Progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined}
        aria-valuetext={pct === null ? 'not measurable yet' : `${pct}%`} className="tandem-progress-track">
        <div className="tandem-progress-fill" style={{ width: `${pct ?? 0}%` }} />
      </div>
      <span className="tandem-progress-label">{pct === null ? 'No progress yet' : `${pct}%`}</span>
    </div>
  );
}

function useDepth(goalId: string): number {
  const { derived } = usePlanEditorContext();
  return useSyncExternalStore((l) => derived.subscribeGoal(goalId, l), () => derived.figuresOf(goalId)?.depth ?? 0);
}

export const GoalCard = memo(function GoalCard({ attributes, children, element }: RenderElementProps & { element: GoalElement }) {
  const editor = useSlateStatic();
  const readOnly = useReadOnly();
  const set = useFieldSetter(element);
  const depth = useDepth(element.id);
  const goal = element;

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

  return (
    <div {...attributes} className="tandem-block tandem-goal-block" style={{ paddingLeft: `${Math.min(depth, 6) * 28}px` }}>
      <section contentEditable={false} className={`tandem-card tandem-goal tandem-team-${goal.team}`} aria-label={`Goal: ${title}`}
        data-block-id={goal.id} {...cardEvents(editor, element)}>
        <header className="tandem-card-header">
          <span className="tandem-card-kind">{depth > 0 ? 'Sub-goal' : 'Goal'}</span>
          <TextField label="Goal title" hideLabel className="tandem-card-title" value={goal.title} placeholder="What do we want to achieve?"
            readOnly={readOnly} onChange={(v) => set('title', v)} />
          <SelectField label="Status" hideLabel className={`tandem-status tandem-status-${goal.status}`} value={goal.status}
            options={STATUS_OPTIONS} readOnly={readOnly} onChange={(v) => set('status', v)} />
        </header>
        <Progress goalId={goal.id} />
        <div className="tandem-card-grid">
          <SelectField label="Team" value={goal.team} options={TEAM_OPTIONS} readOnly={readOnly} onChange={(v) => set('team', v)} />
          <OwnersField label="Owners" value={goal.owners} readOnly={readOnly} onChange={(v) => set('owners', v)} />
          <TextField label="Period" value={goal.period} placeholder="e.g. FY2027" readOnly={readOnly} onChange={(v) => set('period', v)} />
          <DateField label="Due" value={goal.due} readOnly={readOnly} onChange={(v) => set('due', v)} />
        </div>
        <div className="tandem-card-grid tandem-metric" role="group" aria-label={`Metric${metricSummary ? `: ${metricSummary}` : ''}`}>
          <TextField label="Metric" value={goal.metricName} placeholder="e.g. New ARR" readOnly={readOnly} onChange={(v) => set('metricName', v)} />
          <TextField label="Unit" value={goal.metricUnit} placeholder="e.g. $, %, deals" readOnly={readOnly} onChange={(v) => set('metricUnit', v)} />
          <NumberField label="Baseline" value={goal.baseline} readOnly={readOnly} onChange={(v) => set('baseline', v)} />
          <NumberField label="Target" value={goal.target} readOnly={readOnly} onChange={(v) => set('target', v)} />
          <NumberField label="Current" value={goal.current} readOnly={readOnly} onChange={(v) => set('current', v)} />
        </div>
        <TextField label="Why (rationale)" multiline value={goal.rationale} placeholder="Why are we doing this?" readOnly={readOnly}
          onChange={(v) => set('rationale', v)} />
        <div className="tandem-card-footer">
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
      {children}
    </div>
  );
});
