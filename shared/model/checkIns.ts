/**
 * Check-ins: a goal owner's dated report of where a goal stands (value, status, confidence, note).
 *
 * They live in the plan's Y.Doc in one top-level map, `checkins`, keyed by the check-in's own unique
 * id, each value a plain record naming its goal. A check-in is written once and never changed, so two
 * people checking in offline write two different keys and both are kept: nothing conflicts. (A Y.Array
 * per goal created under a map key would not do: two writers creating it concurrently would each put a
 * new array under the same key, and one of the arrays, with its check-ins, would lose.)
 *
 * Anyone with write access can put anything into the map over sync, so the reader skips what it
 * cannot read (reporting it to `onSkip`) and never throws.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { GOAL_STATUSES } from './elements';
import { newId } from './ids';

export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const CONFIDENCE_LABELS: Record<Confidence, string> = { low: 'Low confidence', medium: 'Medium confidence', high: 'High confidence' };

/** Where a check-in came from: the card's form, an actuals import, or the goal's value before check-ins existed. */
export const CHECK_IN_SOURCES = ['card', 'import', 'migration'] as const;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'not a real date');

/** A check-in as stored under its id (the id is the map key). */
export const CheckInRecordSchema = z.object({
  goalId: z.string().min(1),
  /** The goal's metric value as of `date`; null for a check-in of the status alone (a goal without a metric). */
  value: z.number().finite().nullable(),
  status: z.enum(GOAL_STATUSES),
  confidence: z.enum(CONFIDENCES).nullable(),
  note: z.string().max(2000),
  /** The day the value is as of (an import's row date, or the day of the check-in). */
  date: isoDay,
  /** When it was recorded (ISO time); orders check-ins of the same day. */
  at: z.string().min(1),
  /** The name of who checked in (the name on their invite), or the source for imports. */
  author: z.string(),
  source: z.enum(CHECK_IN_SOURCES),
});
export type CheckInRecord = z.infer<typeof CheckInRecordSchema>;
export type CheckIn = CheckInRecord & { id: string };
export type NewCheckIn = Omit<CheckInRecord, 'at' | 'source'> & { at?: string; source?: CheckInRecord['source'] };

export type SkippedCheckIn = { key: string; reason: string };

export const checkInsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('checkins');

/** Every readable check-in of the plan (in no particular order; see checkInsByGoal). */
export function readCheckIns(doc: Y.Doc, onSkip?: (s: SkippedCheckIn) => void): CheckIn[] {
  const out: CheckIn[] = [];
  checkInsMap(doc).forEach((value, key) => {
    const parsed = CheckInRecordSchema.safeParse(value instanceof Y.AbstractType ? null : value);
    if (parsed.success) out.push({ ...parsed.data, id: key });
    else onSkip?.({ key, reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ') });
  });
  return out;
}

/** A check-in validated and ready to store; throws a ZodError naming the field when it is not valid. */
export function checkInRecord(input: NewCheckIn, now: () => Date = () => new Date()): CheckInRecord {
  return CheckInRecordSchema.parse({ source: 'card', ...input, at: input.at ?? now().toISOString(), note: input.note.trim() });
}

/** Records check-ins in one transaction (all or none: every one is validated first); returns them with their ids. */
export function addCheckIns(doc: Y.Doc, inputs: NewCheckIn[], opts: { now?: () => Date; id?: () => string } = {}): CheckIn[] {
  const records = inputs.map((i) => checkInRecord(i, opts.now));
  const made = records.map((r) => ({ ...r, id: opts.id?.() ?? newId('checkin') }));
  doc.transact(() => {
    const map = checkInsMap(doc);
    for (const { id, ...record } of made) map.set(id, record);
  });
  return made;
}

export const addCheckIn = (doc: Y.Doc, input: NewCheckIn, opts: { now?: () => Date } = {}): CheckIn => addCheckIns(doc, [input], opts)[0]!;

/**
 * The plan's check-ins, kept current as the map changes: only the entries that changed are read
 * again, so a reader that asks often (the editor, after every quiet moment) pays for what changed.
 */
export function watchCheckIns(doc: Y.Doc, onChange?: () => void): { current(): CheckIn[]; stop(): void } {
  const map = checkInsMap(doc);
  const byKey = new Map<string, CheckIn>();
  let list: CheckIn[] | null = null;
  const read = (key: string) => {
    const parsed = CheckInRecordSchema.safeParse(map.get(key) instanceof Y.AbstractType ? null : map.get(key));
    if (parsed.success) byKey.set(key, { ...parsed.data, id: key });
    else byKey.delete(key);
  };
  map.forEach((_v, key) => read(key));
  const observer = (event: Y.YMapEvent<unknown>) => {
    event.keysChanged.forEach(read);
    list = null;
    onChange?.();
  };
  map.observe(observer);
  let stopped = false;
  return {
    // Once stopped, it reads the map whole every time (still right, only slower).
    current: () => (stopped ? readCheckIns(doc) : (list ??= [...byKey.values()])),
    stop: () => {
      stopped = true;
      map.unobserve(observer);
    },
  };
}
