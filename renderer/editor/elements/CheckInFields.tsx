/**
 * The card's check-in parts. A goal's Current value and Status are its latest check-in's, so changing
 * them on the card records a check-in (when the field is left, or on Enter: one check-in, not one per
 * keystroke or arrow key); "Check in…" opens the full form: value, status, confidence and a note.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { CONFIDENCES, CONFIDENCE_LABELS, type Confidence } from '../../../shared/model/checkIns';
import { GOAL_STATUSES, GOAL_STATUS_LABELS, type GoalStatus } from '../../../shared/model/elements';
import { formatQuantity } from '../../../shared/derive/rollup';
import { usePlanEditorContext } from '../planContext';
import { parseNumber } from './fields';

const STATUS_OPTIONS = GOAL_STATUSES.map((s) => ({ value: s, label: GOAL_STATUS_LABELS[s] }));
const formatValue = (n: number | null, unit: string) => (n == null ? '' : formatQuantity(n, unit));

type Now = { goalId: string; current: number | null; status: GoalStatus; latestId: string | null };

/** A value the person chose, shown until the check-in it made comes back as the goal's latest. */
function usePending<T>(latestId: string | null) {
  const [pending, setPending] = useState<{ value: T; over: string | null } | null>(null);
  useEffect(() => {
    if (pending && pending.over !== latestId) setPending(null);
  }, [latestId, pending]);
  return [pending, setPending] as const;
}

/** The goal's current value; a new one is a check-in (value only, status kept). */
export function CurrentField({ now, unit, readOnly }: { now: Now; unit: string; readOnly: boolean }) {
  const { checkIn, today } = usePlanEditorContext();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [pending, setPending] = usePending<number | null>(now.latestId);
  const shown = draft ?? formatValue(pending ? pending.value : now.current, unit);
  const parsed = parseNumber(shown, unit);
  const commit = () => {
    if (draft === null) return;
    const value = parseNumber(draft, unit);
    if (value === undefined) return;
    setDraft(null);
    if (value === null || value === now.current) return;
    setPending({ value, over: now.latestId });
    checkIn({ goalId: now.goalId, value, status: now.status, confidence: null, note: '', date: today() });
  };
  return (
    <div className="tandem-field tandem-current">
      <label htmlFor={id} className="tandem-field-label">Current</label>
      <input id={id} type="text" inputMode="decimal" value={shown} disabled={readOnly} aria-invalid={parsed === undefined}
        aria-describedby={`${id}-hint`} title={parsed === undefined ? 'Write a number, like 12 or 1,500,000' : 'A new value here is a check-in'}
        onChange={(e) => setDraft(e.target.value)} onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }} />
      <span id={`${id}-hint`} className="tandem-visually-hidden">A new value is recorded as a check-in when you leave the field.</span>
    </div>
  );
}

/** The goal's status; a new one is a check-in (status only, value kept), made once you leave the field. */
export function StatusField({ now, readOnly }: { now: Now; readOnly: boolean }) {
  const { checkIn, today } = usePlanEditorContext();
  const id = useId();
  const [pending, setPending] = usePending<GoalStatus>(now.latestId);
  const [draft, setDraft] = useState<GoalStatus | null>(null);
  const byKeyboard = useRef(false);
  const shown = draft ?? pending?.value ?? now.status;
  const commit = (value: GoalStatus | null = draft) => {
    setDraft(null);
    if (value === null || value === now.status) return;
    setPending({ value, over: now.latestId });
    checkIn({ goalId: now.goalId, value: null, status: value, confidence: null, note: '', date: today() });
  };
  return (
    <div className={`tandem-field tandem-status tandem-status-${shown}`}>
      <label htmlFor={id} className="tandem-visually-hidden">Status</label>
      <select id={id} value={shown} disabled={readOnly}
        onKeyDown={(e) => { byKeyboard.current = e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End' || e.key.length === 1; }}
        onChange={(e) => {
          const value = e.target.value as GoalStatus;
          // Arrow keys step through the list: wait until the field is left. A choice from the list is final.
          if (byKeyboard.current) setDraft(value);
          else commit(value);
          byKeyboard.current = false;
        }}
        onBlur={() => commit()}>
        {STATUS_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

/** "Check in…": the full check-in, with the goal's current value and status to start from. */
export function CheckInForm({ now, unit, onDone }: { now: Now; unit: string; onDone: () => void }) {
  const { checkIn, today } = usePlanEditorContext();
  const id = useId();
  const [value, setValue] = useState(formatValue(now.current, unit));
  const [status, setStatus] = useState<GoalStatus>(now.status);
  const [confidence, setConfidence] = useState<Confidence | ''>('');
  const [note, setNote] = useState('');
  const [date, setDate] = useState(today());
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const parsed = parseNumber(value, unit);
  const save = () => {
    if (parsed === undefined) return setError('The value must be a number, like 12 or 1,500,000.');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > today()) return setError('Pick the day the value is as of: today or earlier.');
    try {
      checkIn({ goalId: now.goalId, value: parsed, status, confidence: confidence || null, note, date });
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onDone();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || (e.target as HTMLElement).tagName !== 'TEXTAREA')) {
      e.preventDefault();
      save();
    }
  };
  return (
    <div className="tandem-checkin-form" role="group" aria-label="Check in" onKeyDown={onKeyDown}>
      <div className="tandem-checkin-row">
        <div className="tandem-field">
          <label htmlFor={`${id}-value`} className="tandem-field-label">Value{unit.trim() ? ` (${unit.trim()})` : ''}</label>
          <input ref={first} id={`${id}-value`} type="text" inputMode="decimal" value={value} aria-invalid={parsed === undefined} onChange={(e) => setValue(e.target.value)} />
        </div>
        <div className="tandem-field">
          <label htmlFor={`${id}-status`} className="tandem-field-label">Status</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as GoalStatus)}>
            {STATUS_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </div>
        <div className="tandem-field">
          <label htmlFor={`${id}-confidence`} className="tandem-field-label">Confidence</label>
          <select id={`${id}-confidence`} value={confidence} onChange={(e) => setConfidence(e.target.value as Confidence | '')}>
            <option value="">Not said</option>
            {CONFIDENCES.map((c) => <option key={c} value={c}>{CONFIDENCE_LABELS[c].replace(' confidence', '')}</option>)}
          </select>
        </div>
        <div className="tandem-field">
          <label htmlFor={`${id}-date`} className="tandem-field-label">As of</label>
          <input id={`${id}-date`} type="date" value={date} max={today()} onChange={(e) => setDate(e.target.value)} />
        </div>
      </div>
      <div className="tandem-field">
        <label htmlFor={`${id}-note`} className="tandem-field-label">Note</label>
        <textarea id={`${id}-note`} rows={2} value={note} placeholder="What moved, what is in the way (e.g. two deals slipped to Q3)" onChange={(e) => setNote(e.target.value)} />
      </div>
      {error && <p className="tandem-warning" role="alert">{error}</p>}
      <div className="tandem-card-actions">
        <button type="button" className="tandem-primary" onClick={save}>Save check-in</button>
        <button type="button" onClick={onDone}>Cancel</button>
      </div>
    </div>
  );
}
