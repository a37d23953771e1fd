/**
 * The workspace's own Y.Doc: what spans plans. `people` is the directory (one Y.Map per person, so
 * two people editing different fields of one person merge), `plans` the plan index (one Y.Map per
 * plan: title, template, creation time; a plan's own `meta` stays the truth for its title, the index
 * mirrors it for listing without loading every plan).
 */
import * as Y from 'yjs';
import { PersonSchema, type Person } from './people';

export const WORKSPACE_SCHEMA_VERSION = 1;
/** The workspace document's doc id inside its workspace (plans use their own ids). */
export const WORKSPACE_DOC_ID = 'workspace';

export type WorkspaceMeta = { id: string; name: string; schemaVersion: number };
export type PlanIndexEntry = { id: string; title: string; templateId: string; createdAt: string };

export const workspaceMetaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');
export const peopleMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('people');
export const planIndexMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('plans');

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
  return {
    id: String(m.get('id') ?? ''),
    name: String(m.get('name') ?? ''),
    schemaVersion: Number(m.get('schemaVersion') ?? 0),
  };
}

/** Every valid person of the directory, sorted by name; malformed entries are skipped, never thrown. */
export function readPeople(doc: Y.Doc): Person[] {
  const out: Person[] = [];
  peopleMap(doc).forEach((entry, id) => {
    const parsed = PersonSchema.safeParse({ ...entry.toJSON(), id });
    if (parsed.success) out.push(parsed.data);
  });
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Adds or updates a person, writing only the fields that changed. */
export function upsertPerson(doc: Y.Doc, person: Person): void {
  const valid = PersonSchema.parse(person);
  doc.transact(() => {
    const people = peopleMap(doc);
    let entry = people.get(valid.id);
    if (!entry) {
      entry = new Y.Map<unknown>();
      people.set(valid.id, entry);
    }
    for (const [k, v] of Object.entries(valid)) {
      if (k !== 'id' && entry.get(k) !== v) entry.set(k, v);
    }
  });
}

export function removePerson(doc: Y.Doc, personId: string): void {
  peopleMap(doc).delete(personId);
}

export function readPlanIndex(doc: Y.Doc): PlanIndexEntry[] {
  const out: PlanIndexEntry[] = [];
  planIndexMap(doc).forEach((entry, id) => {
    out.push({
      id,
      title: String(entry.get('title') ?? ''),
      templateId: String(entry.get('templateId') ?? ''),
      createdAt: String(entry.get('createdAt') ?? ''),
    });
  });
  return out.sort((a, b) => a.title.localeCompare(b.title));
}

export function setPlanIndexEntry(doc: Y.Doc, entry: PlanIndexEntry): void {
  doc.transact(() => {
    const plans = planIndexMap(doc);
    let m = plans.get(entry.id);
    if (!m) {
      m = new Y.Map<unknown>();
      plans.set(entry.id, m);
    }
    for (const [k, v] of Object.entries(entry)) if (k !== 'id' && m.get(k) !== v) m.set(k, v);
  });
}

export function removePlanIndexEntry(doc: Y.Doc, planId: string): void {
  planIndexMap(doc).delete(planId);
}
