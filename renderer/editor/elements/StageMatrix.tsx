/**
 * The seven track-selling stages as one table both teams fill in: per stage, what marketing does and
 * what sales does, an owner on each side, the exit criteria, the stage's metric, its assets, and the
 * funnel: the stage's conversion rate and what it must produce for the plan's revenue goal. Each stage
 * takes two lines (owners under what each side does), so the table reads at 1280 px wide.
 */
import { useId, useMemo, useSyncExternalStore } from 'react';
import { type RenderElementProps, useReadOnly, useSlateStatic } from 'slate-react';
import { ReactEditor } from 'slate-react';
import { type Funnel } from '../../../shared/derive/funnel';
import { formatNumber, formatQuantity } from '../../../shared/derive/rollup';
import { type StageElement, type StageMatrixElement } from '../../../shared/model/elements';
import { stageInfo, STAGE_IDS } from '../../../shared/model/stages';
import { blockKeyOf } from '../fieldConflicts';
import { usePlanEditorContext } from '../planContext';
import { cardEvents } from './cardKeys';
import { CardCommentBadge, CommentCardContext } from './CommentBadge';
import { ConflictNotices } from './ConflictNotices';
import { NumberField, PersonField, TextField, useFieldSetter } from './fields';

const COLUMNS = ['Stage', 'Marketing does', 'Sales does', 'Owners', 'Exit criteria', 'Stage metric', 'Supporting assets', 'Funnel'];

function useFunnel(matrixId: string): Funnel | undefined {
  const { derived } = usePlanEditorContext();
  return useSyncExternalStore((l) => derived.subscribeFunnel(matrixId, l), () => derived.funnelOf(matrixId));
}

/** The funnel's inputs for the whole matrix: which goal it counts from and the average deal. */
function FunnelInputs({ element }: { element: StageMatrixElement }) {
  const { derived, readOnly } = usePlanEditorContext();
  const editor = useSlateStatic();
  const set = useFieldSetter(element);
  const goals = useSyncExternalStore((l) => derived.subscribeGoals(l), derived.planGoals);
  const funnel = useFunnel(element.id);
  const id = useId();
  const goalId = element.revenueGoalId ?? '';
  const known = goalId === '' || goals.some((g) => g.id === goalId);
  const summary = funnel?.wins != null
    ? `${formatNumber(funnel.wins)} deals to win for ${formatQuantity(funnel.revenue, funnel.unit, { compact: true })}`
    : funnel?.missing.length ? `For the funnel, set ${funnel.missing.join(', ')}.` : '';
  return (
    <div contentEditable={false} className="tandem-funnel-inputs" {...cardEvents(editor, element)}>
      <div className="tandem-field">
        <label htmlFor={id} className="tandem-field-label">Funnel from goal</label>
        <select id={id} value={goalId} disabled={readOnly} onChange={(e) => set('revenueGoalId', e.target.value || null)}>
          <option value="">No revenue goal</option>
          {!known && <option value={goalId}>A goal that is not here any more</option>}
          {goals.map((g) => <option key={g.id} value={g.id}>{g.title || 'Untitled goal'}</option>)}
        </select>
      </div>
      <NumberField label="Average deal" value={element.dealSize ?? null} unit={funnel?.unit ?? ''} readOnly={readOnly} onChange={(v) => set('dealSize', v)} />
      <span className="tandem-muted tandem-funnel-summary" role="status">{summary}</span>
    </div>
  );
}

export function StageMatrix({ attributes, children, element }: RenderElementProps & { element: StageMatrixElement }) {
  return (
    <div {...attributes} className="tandem-block">
      <section className="tandem-card tandem-stage-matrix" aria-label="Track-selling stages" data-block-id={element.id}>
        <div contentEditable={false} className="tandem-card-header">
          <span className="tandem-card-kind">Track-selling stages</span>
          <span className="tandem-muted">What marketing and sales each do at every step of the buyer's journey</span>
        </div>
        <FunnelInputs element={element} />
        <div role="table" aria-label="Track-selling stage matrix" className="tandem-stage-table">
          <div role="row" contentEditable={false} className="tandem-stage-row tandem-stage-head">
            {COLUMNS.map((c, i) => <div key={c} role="columnheader" className={`tandem-stage-cell-${i}`}>{c}</div>)}
          </div>
          {children}
        </div>
      </section>
    </div>
  );
}

export function StageRow({ attributes, children, element }: RenderElementProps & { element: StageElement }) {
  const editor = useSlateStatic();
  const readOnly = useReadOnly();
  const set = useFieldSetter(element);
  const events = cardEvents(editor, element);
  const s = element;
  const info = STAGE_IDS.includes(s.stage) ? stageInfo(s.stage) : { name: s.stage, purpose: '' };
  const n = STAGE_IDS.indexOf(s.stage) + 1;
  const matrixId = (() => {
    try {
      const path = ReactEditor.findPath(editor, element);
      const matrix = editor.children[path[0]!] as StageMatrixElement | undefined;
      return matrix?.type === 'stage-matrix' ? matrix.id : '';
    } catch {
      return '';
    }
  })();
  const funnel = useFunnel(matrixId);
  const commentCard = useMemo(() => ({
    key: `stage:${matrixId}/${s.stage}`, anchor: { kind: 'stage' as const, matrixId, stage: s.stage }, title: `stage “${info.name}”`,
  }), [matrixId, s.stage, info.name]);
  const f = funnel?.stages.find((x) => x.stage === s.stage);
  let key: string | null = null;
  try {
    key = blockKeyOf(editor, ReactEditor.findPath(editor, element));
  } catch {
    key = null;
  }
  return (
    <div {...attributes} role="row" aria-label={info.name} className="tandem-stage-row" data-comment-card={commentCard.key}>
      <CommentCardContext.Provider value={commentCard}>
      <div role="rowheader" contentEditable={false} className="tandem-stage-name tandem-stage-cell-0" title={info.purpose}>
        <span className="tandem-stage-number">{n}</span> {info.name}
        {matrixId && <CardCommentBadge card={commentCard} />}
      </div>
      <div role="cell" contentEditable={false} className="tandem-stage-cell-1" {...events}>
        <TextField field="marketing" label={`${info.name}: marketing does`} hideLabel multiline value={s.marketing} readOnly={readOnly} onChange={(v) => set('marketing', v)} />
      </div>
      <div role="cell" contentEditable={false} className="tandem-stage-cell-2" {...events}>
        <TextField field="sales" label={`${info.name}: sales does`} hideLabel multiline value={s.sales} readOnly={readOnly} onChange={(v) => set('sales', v)} />
      </div>
      <div role="cell" contentEditable={false} className="tandem-stage-owners tandem-stage-cell-3" {...events}>
        <PersonField field="marketingOwner" label={`${info.name}: marketing owner`} shortLabel="Marketing" className="tandem-compact" value={s.marketingOwner} readOnly={readOnly} onChange={(v) => set('marketingOwner', v)} />
        <PersonField field="salesOwner" label={`${info.name}: sales owner`} shortLabel="Sales" className="tandem-compact" value={s.salesOwner} readOnly={readOnly} onChange={(v) => set('salesOwner', v)} />
      </div>
      <div role="cell" contentEditable={false} className="tandem-stage-cell-4" {...events}>
        <TextField field="exitCriteria" label={`${info.name}: exit criteria`} hideLabel multiline value={s.exitCriteria} readOnly={readOnly} onChange={(v) => set('exitCriteria', v)} />
      </div>
      <div role="cell" contentEditable={false} className="tandem-stage-metric tandem-stage-cell-5" {...events}>
        <TextField field="metricName" label={`${info.name}: metric`} hideLabel className="tandem-compact" value={s.metricName} placeholder="e.g. Conversion" readOnly={readOnly} onChange={(v) => set('metricName', v)} />
        <span className="tandem-inline-fields">
          <NumberField field="metricTarget" label={`${info.name}: metric target`} shortLabel="Target" className="tandem-compact" value={s.metricTarget} unit={s.metricUnit} readOnly={readOnly} onChange={(v) => set('metricTarget', v)} />
          <TextField field="metricUnit" label={`${info.name}: metric unit`} shortLabel="Unit" placeholder="%" className="tandem-compact" value={s.metricUnit} readOnly={readOnly} onChange={(v) => set('metricUnit', v)} />
        </span>
      </div>
      <div role="cell" contentEditable={false} className="tandem-stage-cell-6" {...events}>
        <TextField field="assets" label={`${info.name}: supporting assets`} hideLabel multiline value={s.assets} readOnly={readOnly} onChange={(v) => set('assets', v)} />
      </div>
      <div role="cell" contentEditable={false} className={`tandem-stage-funnel tandem-stage-cell-7${f?.short ? ' tandem-funnel-short' : ''}`} {...events}>
        {s.stage !== 'cement-the-sale' && (
          <NumberField field="conversionRate" label={`${info.name}: converts to the next stage (%)`} shortLabel="Converts" className="tandem-compact" value={s.conversionRate ?? null} unit="%"
            readOnly={readOnly} onChange={(v) => set('conversionRate', v)} />
        )}
        <span className="tandem-funnel-needed" title={f?.message ?? (f?.winRate != null ? `${Math.round(f.winRate * 100)}% of these deals are won` : undefined)}>
          {f?.needed != null ? <>Needs <strong>{formatNumber(f.needed)}</strong>{s.stage === 'cement-the-sale' ? ' won deals' : ''}{f.short ? ` · ${formatNumber(f.planned!)} planned, ${formatNumber(f.needed - f.planned!)} short` : ''}</> : <span className="tandem-muted">Needs —</span>}
        </span>
      </div>
      {key && (
        <div contentEditable={false} className="tandem-stage-conflicts">
          <ConflictNotices blockKey={key} restore={(c) => set(c.field, c.mine)} />
        </div>
      )}
      </CommentCardContext.Provider>
      <div className="tandem-void-text">{children}</div>
    </div>
  );
}
