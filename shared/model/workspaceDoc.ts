/**
 * The workspace's own Y.Doc: what spans plans. `people` is the directory (one Y.Map per person, so
 * two people editing different fields of one person merge), `plans` the plan index (one Y.Map per
 * plan: title, template, creation time; a plan's own `meta` stays the truth for its title, the index
 * mirrors it for listing without loading every plan).
 *
 * Any editor can write anything into these maps over sync, so every reader here skips an entry it
 * cannot read, reports it to `onSkip` (the caller logs it) and never throws; every writer replaces
 * an entry of the wrong type instead of failing on it.
 */
import * as Y from 'yjs';
import { ROOM_PART, WORKSPACE_DOC_ID } from '../sync/rooms';
import { PersonSchema, type Person } from './people';

export const WORKSPACE_SCHEMA_VERSION = 1;
export { WORKSPACE_DOC_ID };

export type WorkspaceMeta = { id: string; name: string; schemaVersion: number };
export type PlanIndexEntry = { id: string; title: string; templateId: string; createdAt: string };
/** An entry a reader skipped, for the log. */
export type SkippedEntry = { map: 'people' | 'plans'; key: string; reason: string };
export type OnSkip = (skipped: SkippedEntry) => void;

const kindOf = (v: unknown): string =>
  v instanceof Y.AbstractType ? `a ${v.constructor.name}` : v === null ? 'null' : Array.isArray(v) ? 'a list' : v instanceof Uint8Array ? 'bytes' : `a ${typeof v}`;
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export const workspaceMetaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');
/** Entries are meant to be Y.Maps, but over sync they can be anything: read them through the functions below. */
export const peopleMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('people');
export const planIndexMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('plans');

export function initWorkspaceDoc(doc: Y.Doc, meta: { id: string; name: string }): Y.Doc {
  doc.transact(() => {
    const m = workspaceMetaMap(doc);
    if (!m.has('id')) m.set('id', meta.id);
    if (!m.has('name')) m.set('name', meta.name);
    m.set('schemaVersion', WORKSPACE_SCHEMA_VERSION);
  });
  return doc;
}

export function readWorkspaceMeta(doc: Y.Doc): WorkspaceMeta {
  const m = workspaceMetaMap(doc);
  const version = m.get('schemaVersion');
  return {
    id: text(m.get('id')),
    name: text(m.get('name')),
    schemaVersion: typeof version === 'number' && Number.isFinite(version) ? version : 0,
  };
}

/** Every valid person of the directory, sorted by name; malformed entries are skipped and reported, never thrown. */
export function readPeople(doc: Y.Doc, onSkip?: OnSkip): Person[] {
  const out: Person[] = [];
  peopleMap(doc).forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return onSkip?.({ map: 'people', key: id, reason: `the entry is ${kindOf(entry)}, not a map` });
    const parsed = PersonSchema.safeParse({ ...entry.toJSON(), id });
    if (parsed.success) out.push(parsed.data);
    else onSkip?.({ map: 'people', key: id, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  });
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Adds or updates a person, writing only the fields that changed (an entry of the wrong type is replaced). */
export function upsertPerson(doc: Y.Doc, person: Person): void {
  const valid = PersonSchema.parse(person);
  doc.transact(() => {
    const people = peopleMap(doc);
    let entry = people.get(valid.id);
    if (!(entry instanceof Y.Map)) {
      entry = new Y.Map<unknown>();
      people.set(valid.id, entry);
    }
    const map = entry as Y.Map<unknown>;
    for (const [k, v] of Object.entries(valid)) {
      if (k !== 'id' && map.get(k) !== v) map.set(k, v);
    }
  });
}

export function removePerson(doc: Y.Doc, personId: string): void {
  peopleMap(doc).delete(personId);
}

/** The plan index sorted by title; entries that are not a plan's are skipped and reported, never thrown. */
export function readPlanIndex(doc: Y.Doc, onSkip?: OnSkip): PlanIndexEntry[] {
  const out: PlanIndexEntry[] = [];
  planIndexMap(doc).forEach((entry, id) => {
    if (!ROOM_PART.test(id) || id === WORKSPACE_DOC_ID) return onSkip?.({ map: 'plans', key: id, reason: 'the key is not a plan id' });
    if (!(entry instanceof Y.Map)) return onSkip?.({ map: 'plans', key: id, reason: `the entry is ${kindOf(entry)}, not a map` });
    out.push({ id, title: text(entry.get('title')), templateId: text(entry.get('templateId')), createdAt: text(entry.get('createdAt')) });
  });
  return out.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/** Writes a plan's index entry, only the fields that changed (an entry of the wrong type is replaced). */
export function setPlanIndexEntry(doc: Y.Doc, entry: PlanIndexEntry): void {
  doc.transact(() => {
    const plans = planIndexMap(doc);
    let m = plans.get(entry.id);
    if (!(m instanceof Y.Map)) {
      m = new Y.Map<unknown>();
      plans.set(entry.id, m);
    }
    const map = m as Y.Map<unknown>;
    for (const [k, v] of Object.entries(entry)) if (k !== 'id' && map.get(k) !== v) map.set(k, v);
  });
}

export function removePlanIndexEntry(doc: Y.Doc, planId: string): void {
  planIndexMap(doc).delete(planId);
}
