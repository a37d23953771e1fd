/**
 * Replaced values are kept in the plan document itself until the person whose value was replaced acts
 * on them, so they survive a reload, reach that person's other tabs, and can be listed across the
 * workspace. `writers` names the person and device behind each Yjs client that wrote to the plan, so
 * a record can say who replaced a value and whose value it was, across sessions.
 */
import type * as Y from 'yjs';

export type Writer = { name: string; device: string };
export type Settlement = 'restored' | 'kept';
export type ConflictRecord = {
  /** The replaced write's `<client>:<clock>`. */
  id: string;
  block: string;
  field: string;
  mine: unknown;
  theirs: unknown;
  /** The device that wrote the replaced value (the person to tell). */
  device: string;
  /** The Yjs client whose write replaced it (its name is in `writers`). */
  byClient: number;
  /** When the replacement reached the device, ISO time. */
  at: string;
  settled: Settlement | null;
};

export const conflictMap = (doc: Y.Doc): Y.Map<ConflictRecord> => doc.getMap('replacedValues');
export const writersMap = (doc: Y.Doc): Y.Map<Writer> => doc.getMap('writers');
/** For each merge of a set field (a write), the replaced write it merged in. */
export const setMergesMap = (doc: Y.Doc): Y.Map<string> => doc.getMap('setMerges');

export function writerOf(doc: Y.Doc, client: number): Writer | undefined {
  return writersMap(doc).get(String(client));
}

/** The records not yet acted on, for one device, oldest first. */
export function openConflicts(doc: Y.Doc, device: string): ConflictRecord[] {
  const open: ConflictRecord[] = [];
  conflictMap(doc).forEach((r) => {
    if (r.device === device && r.settled === null) open.push(r);
  });
  return open.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** A record with the name of whoever replaced the value. */
export type NamedConflict = ConflictRecord & { by: string };

/** Every record not yet acted on, whichever device it is for. */
export function readConflicts(doc: Y.Doc): NamedConflict[] {
  const open: NamedConflict[] = [];
  conflictMap(doc).forEach((r) => {
    if (r.settled === null) open.push({ ...r, by: writerOf(doc, r.byClient)?.name ?? 'A colleague' });
  });
  return open.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** Marks a record as acted on; a settled record is never reopened. */
export function settleConflict(doc: Y.Doc, id: string, how: Settlement): void {
  const map = conflictMap(doc);
  const record = map.get(id);
  if (!record || record.settled !== null) return;
  doc.transact(() => map.set(id, { ...record, settled: how }), SETTLE_ORIGIN);
}

export const SETTLE_ORIGIN = Symbol('tandem-settle-conflict');
