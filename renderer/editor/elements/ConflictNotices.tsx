/** The notices on a card whose field someone else overwrote while this user's change was unconfirmed. */
import { useSyncExternalStore } from 'react';
import { formatNumber } from '../../../shared/derive/rollup';
import { FIELD_LABELS } from '../../../shared/model/fieldLabels';
import { type Person } from '../../../shared/model/people';
import { type FieldConflict } from '../fieldConflicts';
import { usePlanEditorContext } from '../planContext';

export { FIELD_LABELS };

const PERSON_FIELDS = new Set(['owners', 'owner', 'marketingOwner', 'salesOwner']);

/** A field value as a person reads it: names for people, "nothing" for empty. */
export function describeValue(field: string, value: unknown, peopleById: Map<string, Person>): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return 'nothing';
  if (PERSON_FIELDS.has(field)) {
    const ids = Array.isArray(value) ? value : [value];
    return ids.map((id) => peopleById.get(String(id))?.name ?? 'someone no longer listed').join(', ');
  }
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'done' : 'not done';
  return String(value);
}

export function ConflictNotices({ blockKey, restore }: { blockKey: string; restore: (c: FieldConflict) => void }) {
  const { conflicts, peopleById } = usePlanEditorContext();
  const describe = (field: string, value: unknown) => describeValue(field, value, peopleById);
  const list = useSyncExternalStore((l) => conflicts.subscribe(l), () => conflicts.of(blockKey));
  if (list.length === 0) return null;
  return (
    <div className="tandem-conflicts">
      {list.map((c) => {
        const label = FIELD_LABELS[c.field] ?? c.field;
        return (
          <div key={c.key} role="alert" className="tandem-conflict">
            <span>
              {c.by} set {label} to <strong>{describe(c.field, c.theirs)}</strong> at the same time as you;
              {' '}your <strong>{describe(c.field, c.mine)}</strong> was replaced.
            </span>
            <button type="button" onClick={() => restore(c)}>Restore mine</button>
            <button type="button" onClick={() => conflicts.keepTheirs(c)}>Keep theirs</button>
          </div>
        );
      })}
    </div>
  );
}
