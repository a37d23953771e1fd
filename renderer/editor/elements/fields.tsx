/** Labelled inputs for the cards. Each edit sets exactly one property of the block. */
import { useId, useState, type ReactNode } from 'react';
import { type Element } from 'slate';
import { ReactEditor, useSlateStatic } from 'slate-react';
import { type Person } from '../../../shared/model/people';
import { formatQuantity } from '../../../shared/derive/rollup';
import { setTrackedField } from '../fieldConflicts';
import { usePlanEditorContext } from '../planContext';
import { FieldCommentBadge } from './CommentBadge';

/** The setter of one field of this card's element; remembers the change for conflict notices. */
export function useFieldSetter(element: Element): (field: string, value: unknown) => void {
  const editor = useSlateStatic();
  const { conflicts } = usePlanEditorContext();
  return (field, value) => setTrackedField(editor, conflicts, ReactEditor.findPath(editor, element), field, value);
}

/**
 * `label` is the accessible name; `shortLabel`, when given, is what the eye sees (a table cell already
 * says which stage); `field`, the element property it edits, is what a comment on it points at.
 */
type Base = { label: string; shortLabel?: string; hideLabel?: boolean; readOnly?: boolean; className?: string; field?: string };

function Labelled({ id, label, shortLabel, hideLabel, className, field, children }: {
  id: string; label: string; shortLabel?: string; hideLabel?: boolean; className?: string; field?: string; children: ReactNode;
}) {
  return (
    <div className={`tandem-field ${className ?? ''}`} data-comment-field={field}>
      <label htmlFor={id} className={hideLabel || shortLabel ? 'tandem-visually-hidden' : 'tandem-field-label'}>{label}</label>
      {shortLabel && !hideLabel && <span className="tandem-field-label" aria-hidden>{shortLabel}</span>}
      {field && <FieldCommentBadge field={field} />}
      {children}
    </div>
  );
}

export function TextField({ label, shortLabel, hideLabel, field, value, onChange, multiline, placeholder, readOnly, className }: Base & {
  value: string; onChange: (v: string) => void; multiline?: boolean; placeholder?: string;
}) {
  const id = useId();
  return (
    <Labelled id={id} label={label} shortLabel={shortLabel} hideLabel={hideLabel} className={className} field={field}>
      {multiline ? (
        <textarea id={id} value={value} placeholder={placeholder} disabled={readOnly} rows={2}
          onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} type="text" value={value} placeholder={placeholder} disabled={readOnly}
          onChange={(e) => onChange(e.target.value)} />
      )}
    </Labelled>
  );
}

/** A number field shows its value as people write it, with separators and its unit: $1,200,000, 35%, 1,400 leads. */
const formatField = (n: number | null | undefined, unit = '') => (n == null ? '' : formatQuantity(n, unit));

export function NumberField({ label, shortLabel, hideLabel, field, value, unit, onChange, readOnly, className }: Base & {
  value: number | null; unit?: string; onChange: (v: number | null) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? formatField(value, unit);
  const parsed = parseNumber(shown, unit);
  return (
    <Labelled id={id} label={label} shortLabel={shortLabel} hideLabel={hideLabel} className={className} field={field}>
      <input id={id} type="text" inputMode="decimal" value={shown} disabled={readOnly}
        aria-invalid={parsed === undefined}
        title={parsed === undefined ? 'Write a number, like 12 or 1,500,000' : undefined}
        onChange={(e) => {
          const next = parseNumber(e.target.value, unit);
          setDraft(e.target.value);
          if (next !== undefined && next !== (value ?? null)) onChange(next);
        }}
        onBlur={() => {
          if (parseNumber(shown, unit) !== undefined) setDraft(null);
        }} />
    </Labelled>
  );
}

/** null for empty, undefined for not a number; separators and the field's unit are allowed around it. */
export function parseNumber(text: string, unit = ''): number | null | undefined {
  let t = text.trim();
  const u = unit.trim();
  if (u && t.toLowerCase().endsWith(u.toLowerCase())) t = t.slice(0, -u.length);
  else if (u && t.startsWith(u)) t = t.slice(u.length);
  t = t.replace(/,/g, '').trim();
  if (t === '') return text.trim() === '' ? null : undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

export function SelectField<T extends string>({ label, shortLabel, hideLabel, field, value, options, onChange, readOnly, className }: Base & {
  value: T; options: ReadonlyArray<{ value: T; label: string }>; onChange: (v: T) => void;
}) {
  const id = useId();
  return (
    <Labelled id={id} label={label} shortLabel={shortLabel} hideLabel={hideLabel} className={className} field={field}>
      <select id={id} value={value} disabled={readOnly} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Labelled>
  );
}

export function DateField({ label, field, value, onChange, readOnly, className }: Base & { value: string | null; onChange: (v: string | null) => void }) {
  const id = useId();
  return (
    <Labelled id={id} label={label} className={className} field={field}>
      <input id={id} type="date" value={value ?? ''} disabled={readOnly} onChange={(e) => onChange(e.target.value || null)} />
    </Labelled>
  );
}

/** One person, or nobody. A person no longer in the directory stays selected, marked unknown. */
export function PersonField({ label, shortLabel, hideLabel, field, value, onChange, readOnly, className }: Base & { value: string | null; onChange: (v: string | null) => void }) {
  const { people, peopleById } = usePlanEditorContext();
  const id = useId();
  const person = value ? peopleById.get(value) : undefined;
  return (
    <Labelled id={id} label={label} shortLabel={shortLabel} hideLabel={hideLabel} className={className} field={field}>
      <span className="tandem-person-select">
        {person && <span className="tandem-dot" style={{ background: person.color }} aria-hidden />}
        <select id={id} value={value ?? ''} disabled={readOnly} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">Nobody yet</option>
          {value && !person && <option value={value}>Unknown person</option>}
          {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </span>
    </Labelled>
  );
}

export function PersonChip({ person, fallback, onRemove, readOnly }: { person: Person | undefined; fallback: string; onRemove?: () => void; readOnly?: boolean }) {
  const name = person?.name ?? fallback;
  return (
    <span className="tandem-chip" style={{ borderColor: person?.color ?? 'var(--tandem-border, #d0d7de)' }}>
      <span className="tandem-dot" style={{ background: person?.color ?? '#8c959f' }} aria-hidden />
      {name}
      {onRemove && !readOnly && (
        <button type="button" className="tandem-chip-remove" aria-label={`Remove owner ${name}`} onClick={onRemove}>×</button>
      )}
    </span>
  );
}

/** Several owners: chips, and a picker to add one more. */
export function OwnersField({ label, field, value, onChange, readOnly }: Base & { value: string[]; onChange: (v: string[]) => void }) {
  const { people, peopleById } = usePlanEditorContext();
  const id = useId();
  const available = people.filter((p) => !value.includes(p.id));
  return (
    <div className="tandem-field tandem-owners" role="group" aria-label={label} data-comment-field={field}>
      <span className="tandem-field-label">{label}</span>
      {field && <FieldCommentBadge field={field} />}
      <span className="tandem-chips">
        {value.length === 0 && <span className="tandem-muted">No owner yet</span>}
        {value.map((pid) => (
          <PersonChip key={pid} person={peopleById.get(pid)} fallback="Unknown person" readOnly={readOnly}
            onRemove={() => onChange(value.filter((v) => v !== pid))} />
        ))}
        {!readOnly && available.length > 0 && (
          <>
            <label htmlFor={id} className="tandem-visually-hidden">Add owner</label>
            <select id={id} value="" onChange={(e) => e.target.value && onChange([...value, e.target.value])}>
              <option value="">+ Add owner</option>
              {available.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </>
        )}
      </span>
    </div>
  );
}
