/**
 * The workspace's own Y.Doc: what spans plans. `people` is the directory (one Y.Map per person, so
 * two people editing different fields of one person merge), `plans` the plan index (one Y.Map per
 * plan: title, template, creation time; a plan's own `meta` stays the truth for its title, the index
 * mirrors it for listing without loading every plan), `teams` the organisation's teams (one Y.Map per
 * team: name, kind), and in `meta` the workspace's settings (readWorkspaceSettings).
 *
 * Any editor can write anything into these maps over sync, so every reader here skips an entry it
 * cannot read, reports it to `onSkip` (the caller logs it) and never throws; every writer replaces
 * an entry of the wrong type instead of failing on it.
 */
import * as Y from 'yjs';
import { type z } from 'zod';
import { ROOM_PART, WORKSPACE_DOC_ID } from '../sync/rooms';
import { PersonSchema, type Person } from './people';
import { DEFAULT_TEAMS, TeamSchema, type Team } from './teams';

/** 2: the workspace defines its teams (the five default teams at first). */
export const WORKSPACE_SCHEMA_VERSION = 2;
export { WORKSPACE_DOC_ID };

export type WorkspaceMeta = { id: string; name: string; schemaVersion: number };
export type PlanIndexEntry = { id: string; title: string; templateId: string; createdAt: string };
/** An entry a reader skipped, for the log. */
export type SkippedEntry = { map: 'people' | 'plans' | 'teams'; key: string; reason: string };
export type OnSkip = (skipped: SkippedEntry) => void;

const kindOf = (v: unknown): string =>
  v instanceof Y.AbstractType ? `a ${v.constructor.name}` : v === null ? 'null' : Array.isArray(v) ? 'a list' : v instanceof Uint8Array ? 'bytes' : `a ${typeof v}`;
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export const workspaceMetaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');
/** Entries are meant to be Y.Maps, but over sync they can be anything: read them through the functions below. */
export const peopleMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('people');
export const planIndexMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('plans');
export const teamsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('teams');

/**
 * Creates the workspace document, or brings an older one up to date: a workspace without teams gets
 * the five default teams, whose ids are the team values goals and people had before (so every one of
 * them still names a team). Idempotent: two peers doing it at once write the same teams.
 */
export function initWorkspaceDoc(doc: Y.Doc, meta: { id: string; name: string }): Y.Doc {
  doc.transact(() => {
    const m = workspaceMetaMap(doc);
    if (!m.has('id')) m.set('id', meta.id);
    if (!m.has('name')) m.set('name', meta.name);
    if (readWorkspaceMeta(doc).schemaVersion < 2 && teamsMap(doc).size === 0) for (const team of DEFAULT_TEAMS) upsertTeam(doc, team);
    if (readWorkspaceMeta(doc).schemaVersion < WORKSPACE_SCHEMA_VERSION) m.set('schemaVersion', WORKSPACE_SCHEMA_VERSION);
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

/** The valid entries (Y.Maps) of one of the document's maps, by schema; the others are reported to `onSkip`. */
function readEntries<T>(map: Y.Map<unknown>, name: SkippedEntry['map'], schema: z.ZodType<T>, onSkip?: OnSkip): T[] {
  const out: T[] = [];
  map.forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return onSkip?.({ map: name, key: id, reason: `the entry is ${kindOf(entry)}, not a map` });
    const parsed = schema.safeParse({ ...entry.toJSON(), id });
    if (parsed.success) out.push(parsed.data);
    else onSkip?.({ map: name, key: id, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  });
  return out;
}

/** Writes an entry's fields (all but its id, the key), only those that changed; an entry of the wrong type is replaced. */
function writeEntry(doc: Y.Doc, map: Y.Map<unknown>, entry: { id: string }): void {
  doc.transact(() => {
    let m = map.get(entry.id);
    if (!(m instanceof Y.Map)) {
      m = new Y.Map<unknown>();
      map.set(entry.id, m);
    }
    const target = m as Y.Map<unknown>;
    for (const [k, v] of Object.entries(entry)) if (k !== 'id' && target.get(k) !== v) target.set(k, v);
  });
}

/** Every valid person of the directory, sorted by name; malformed entries are skipped and reported, never thrown. */
export function readPeople(doc: Y.Doc, onSkip?: OnSkip): Person[] {
  return readEntries(peopleMap(doc), 'people', PersonSchema, onSkip).sort((a, b) => a.name.localeCompare(b.name));
}

/** Adds or updates a person, writing only the fields that changed (an entry of the wrong type is replaced). */
export function upsertPerson(doc: Y.Doc, person: Person): void {
  writeEntry(doc, peopleMap(doc), PersonSchema.parse(person));
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
  writeEntry(doc, planIndexMap(doc), entry);
}

export function removePlanIndexEntry(doc: Y.Doc, planId: string): void {
  planIndexMap(doc).delete(planId);
}

/**
 * The workspace's teams in the order they were added (by name when that cannot tell); the five default
 * teams when it defines none (a workspace not migrated yet). Malformed entries are skipped and reported.
 */
export function readTeams(doc: Y.Doc, onSkip?: OnSkip): Team[] {
  if (teamsMap(doc).size === 0) return [...DEFAULT_TEAMS];
  const out = readEntries(teamsMap(doc), 'teams', TeamSchema, onSkip);
  const order = (t: Team) => DEFAULT_TEAMS.findIndex((d) => d.id === t.id);
  return out.sort((a, b) => {
    const [oa, ob] = [order(a), order(b)];
    if (oa >= 0 || ob >= 0) return (oa < 0 ? 99 : oa) - (ob < 0 ? 99 : ob);
    return a.name.localeCompare(b.name);
  });
}

/** Adds or updates a team, writing only the fields that changed (an entry of the wrong type is replaced). */
export function upsertTeam(doc: Y.Doc, team: Team): void {
  writeEntry(doc, teamsMap(doc), TeamSchema.parse(team));
}

/** Removes a team. Goals and people that name it keep the id, which reads as the team's id (resolveTeam). */
export function removeTeam(doc: Y.Doc, teamId: string): void {
  teamsMap(doc).delete(teamId);
}

/** Settings every member of the workspace shares, kept in the workspace document's meta. */
export type WorkspaceSettings = {
  /** A goal with no check-in for this many days is a problem. */
  staleCheckInDays: number;
  /** The month (1 = January) the fiscal year starts in: how "FY2027" or "Q3" read as dates. */
  fiscalYearStartMonth: number;
};
export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettings = { staleCheckInDays: 30, fiscalYearStartMonth: 1 };
const SETTING_RANGES: Record<keyof WorkspaceSettings, [number, number]> = { staleCheckInDays: [1, 366], fiscalYearStartMonth: [1, 12] };

const validSetting = (key: keyof WorkspaceSettings, v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= SETTING_RANGES[key][0] && v <= SETTING_RANGES[key][1];

/** The workspace's settings; a missing or unreadable value reads as its default. */
export function readWorkspaceSettings(doc: Y.Doc): WorkspaceSettings {
  const m = workspaceMetaMap(doc);
  const out = { ...DEFAULT_WORKSPACE_SETTINGS };
  for (const key of Object.keys(SETTING_RANGES) as (keyof WorkspaceSettings)[]) {
    const v = m.get(key);
    if (validSetting(key, v)) out[key] = v;
  }
  return out;
}

/** Sets workspace settings; throws (changing nothing) when a value is out of range. */
export function setWorkspaceSettings(doc: Y.Doc, patch: Partial<WorkspaceSettings>): void {
  for (const [key, v] of Object.entries(patch) as [keyof WorkspaceSettings, number][]) {
    if (!(key in SETTING_RANGES)) throw new Error(`unknown workspace setting “${key}”`);
    if (!validSetting(key, v)) throw new Error(`${key} must be a whole number from ${SETTING_RANGES[key][0]} to ${SETTING_RANGES[key][1]}`);
  }
  doc.transact(() => {
    const m = workspaceMetaMap(doc);
    for (const [key, v] of Object.entries(patch)) if (m.get(key) !== v) m.set(key, v);
  });
}

/** Where a setting lives and what it may be, for the schema check. */
export const WORKSPACE_SETTING_KEYS = Object.keys(SETTING_RANGES) as (keyof WorkspaceSettings)[];
export const isValidWorkspaceSetting = validSetting;
