/**
 * The seven track-selling stages as one table both teams fill in: per stage, what marketing does and
 * what sales does, an owner on each side, the exit criteria, the stage's metric and its assets.
 */
import { type RenderElementProps, useReadOnly, useSlateStatic } from 'slate-react';
import { ReactEditor } from 'slate-react';
import { type StageElement, type StageMatrixElement } from '../../../shared/model/elements';
import { stageInfo, STAGE_IDS } from '../../../shared/model/stages';
import { blockKeyOf } from '../fieldConflicts';
import { cardEvents } from './cardKeys';
import { ConflictNotices } from './ConflictNotices';
import { NumberField, PersonField, TextField, useFieldSetter } from './fields';

const COLUMNS = ['Stage', 'Marketing does', 'Sales does', 'Owners', 'Exit criteria', 'Stage metric', 'Supporting assets'];

export function StageMatrix({ attributes, children, element }: RenderElementProps & { element: StageMatrixElement }) {
  return (
    <div {...attributes} className="tandem-block">
      <section className="tandem-card tandem-stage-matrix" aria-label="Track-selling stages" data-block-id={element.id}>
        <div contentEditable={false} className="tandem-card-header">
          <span className="tandem-card-kind">Track-selling stages</span>
          <span className="tandem-muted">What marketing and sales each do at every step of the buyer's journey</span>
        </div>
        <div role="table" aria-label="Track-selling stage matrix" className="tandem-stage-table">
          <div role="row" contentEditable={false} className="tandem-stage-row tandem-stage-head">
            {COLUMNS.map((c) => <div key={c} role="columnheader">{c}</div>)}
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
  let key: string | null = null;
  try {
    key = blockKeyOf(editor, ReactEditor.findPath(editor, element));
  } catch {
    key = null;
  }
  return (
    <div {...attributes} role="row" aria-label={info.name} className="tandem-stage-row">
      <div role="rowheader" contentEditable={false} className="tandem-stage-name" title={info.purpose}>
        <span className="tandem-stage-number">{n}</span> {info.name}
      </div>
      <div role="cell" contentEditable={false} {...events}>
        <TextField label={`${info.name}: marketing does`} hideLabel multiline value={s.marketing} readOnly={readOnly} onChange={(v) => set('marketing', v)} />
      </div>
      <div role="cell" contentEditable={false} {...events}>
        <TextField label={`${info.name}: sales does`} hideLabel multiline value={s.sales} readOnly={readOnly} onChange={(v) => set('sales', v)} />
      </div>
      <div role="cell" contentEditable={false} className="tandem-stage-owners" {...events}>
        <PersonField label={`${info.name}: marketing owner`} shortLabel="Marketing" className="tandem-compact" value={s.marketingOwner} readOnly={readOnly} onChange={(v) => set('marketingOwner', v)} />
        <PersonField label={`${info.name}: sales owner`} shortLabel="Sales" className="tandem-compact" value={s.salesOwner} readOnly={readOnly} onChange={(v) => set('salesOwner', v)} />
      </div>
      <div role="cell" contentEditable={false} {...events}>
        <TextField label={`${info.name}: exit criteria`} hideLabel multiline value={s.exitCriteria} readOnly={readOnly} onChange={(v) => set('exitCriteria', v)} />
      </div>
      <div role="cell" contentEditable={false} className="tandem-stage-metric" {...events}>
        <TextField label={`${info.name}: metric`} hideLabel className="tandem-compact" value={s.metricName} placeholder="e.g. Conversion" readOnly={readOnly} onChange={(v) => set('metricName', v)} />
        <span className="tandem-inline-fields">
          <NumberField label={`${info.name}: metric target`} shortLabel="Target" className="tandem-compact" value={s.metricTarget} readOnly={readOnly} onChange={(v) => set('metricTarget', v)} />
          <TextField label={`${info.name}: metric unit`} shortLabel="Unit" placeholder="%" className="tandem-compact" value={s.metricUnit} readOnly={readOnly} onChange={(v) => set('metricUnit', v)} />
        </span>
      </div>
      <div role="cell" contentEditable={false} {...events}>
        <TextField label={`${info.name}: supporting assets`} hideLabel multiline value={s.assets} readOnly={readOnly} onChange={(v) => set('assets', v)} />
      </div>
      {key && (
        <div contentEditable={false} className="tandem-stage-conflicts">
          <ConflictNotices blockKey={key} restore={(c) => set(c.field, c.mine)} />
        </div>
      )}
      <div className="tandem-void-text">{children}</div>
    </div>
  );
}
