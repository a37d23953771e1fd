/**
 * Who may write what into a plan's editions document — what the sync server checks before it
 * accepts an update into the editions room (the update is applied to a scratch copy first, and this
 * compares the copy with the document as it was):
 *
 * - only editors write here at all (save an edition, ask for sign-off, approve);
 * - records are only ever added: none is changed or removed, and no id is used twice;
 * - every new record is well-formed, and names its writer as the token does: an edition's author,
 *   a request's requester and an approval's approver must be the token's name;
 * - approvals and requests are of an edition that exists; an edition follows one that exists;
 * - nothing is written outside the three arrays.
 */
import * as Y from 'yjs';
import { type Role } from '../sync/rooms';
import { EDITIONS_ARRAYS, editionsArray, type EditionsArray } from './editionsDoc';

export type EditionsWriter = { name: string; role: Role };

const idOf = (entry: unknown): string | null => {
  const id = entry && typeof entry === 'object' && !(entry instanceof Y.AbstractType) ? (entry as { id?: unknown }).id : null;
  return typeof id === 'string' ? id : null;
};

/** Whether a root type other than the three arrays holds anything. */
function hasContent(type: { _map: Map<string, Y.Item>; _start: Y.Item | null }): boolean {
  for (const item of type._map.values()) if (!item.deleted) return true;
  for (let item = type._start; item !== null; item = item.right) if (!item.deleted) return true;
  return false;
}

/** What is wrong with the change from `before` to `after` made by `writer`; empty when it may be accepted. */
export function editionsWriteProblems(before: Y.Doc, after: Y.Doc, writer: EditionsWriter): string[] {
  if (writer.role !== 'editor') return [`a ${writer.role} cannot save editions or sign off; only editors can`];
  const problems: string[] = [];
  // Records are never changed or removed: an update may delete nothing (a record replaced by a copy
  // under the same id is a deletion too).
  if (!Y.equalDeleteSets(Y.createDeleteSetFromStructStore(before.store), Y.createDeleteSetFromStructStore(after.store))) {
    problems.push('records of an editions document cannot be changed or removed');
  }
  for (const [key, type] of after.share) {
    if (!(key in EDITIONS_ARRAYS) && hasContent(type)) problems.push(`“${key}” is not part of an editions document`);
  }
  const editionIds = new Set(editionsArray(after, 'editions').toArray().map(idOf).filter((id): id is string => id !== null));
  for (const key of Object.keys(EDITIONS_ARRAYS) as EditionsArray[]) {
    const was = new Map<string, number>();
    for (const e of editionsArray(before, key).toArray()) {
      const id = idOf(e);
      if (id !== null) was.set(id, (was.get(id) ?? 0) + 1);
    }
    const now = new Map<string, number>();
    const added: unknown[] = [];
    for (const e of editionsArray(after, key).toArray()) {
      const id = idOf(e);
      if (id === null) {
        added.push(e);
        continue;
      }
      const n = (now.get(id) ?? 0) + 1;
      now.set(id, n);
      if (n > (was.get(id) ?? 0)) {
        if (was.has(id) || n > 1) problems.push(`${key}: “${id}” already exists`);
        else added.push(e);
      }
    }
    for (const entry of added) problems.push(...newRecordProblems(key, entry, writer, editionIds));
  }
  return problems;
}

function newRecordProblems(key: EditionsArray, entry: unknown, writer: EditionsWriter, editionIds: Set<string>): string[] {
  const parsed = EDITIONS_ARRAYS[key].safeParse(entry);
  if (!parsed.success) return [`${key}: a malformed record (${parsed.error.issues.slice(0, 2).map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ')})`];
  const r = parsed.data as Record<string, unknown>;
  const who = key === 'editions' ? r.author : key === 'approvals' ? r.by : r.requestedBy;
  const problems: string[] = [];
  if (who !== writer.name) problems.push(`${key}: “${r.id}” is written in the name of ${String(who)}, but the invite is ${writer.name}’s`);
  if (key === 'editions' && r.prevId !== null && !editionIds.has(r.prevId as string)) problems.push(`editions: “${r.id}” follows an edition that does not exist`);
  if (key !== 'editions' && !editionIds.has(r.editionId as string)) problems.push(`${key}: “${r.id}” is of an edition that does not exist`);
  return problems;
}
