/**
 * What a well-formed workspace document holds, as a list of problems (empty when it is well-formed):
 * `meta` a map of text id and name, a numeric schema version and valid settings; `people` a map of
 * Y.Maps that are valid people (PersonSchema); `plans` a map of Y.Maps whose title, templateId and
 * createdAt are text; `teams` a map of Y.Maps that are valid teams (TeamSchema).
 * The three root types are maps: list content written into one (by a client that took it for an
 * array) is a problem too. The sync server refuses updates that add a problem (main/server/workspaceSchema.ts).
 */
import * as Y from 'yjs';
import { PersonSchema } from './people';
import { TeamSchema } from './teams';
import { isValidWorkspaceSetting, peopleMap, planIndexMap, teamsMap, WORKSPACE_SETTING_KEYS, workspaceMetaMap } from './workspaceDoc';

const PLAN_FIELDS = ['title', 'templateId', 'createdAt'] as const;

const kind = (value: unknown): string =>
  value instanceof Y.AbstractType ? value.constructor.name : value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;

/** List content inside a map type: Yjs keeps it in the type's item list, where map reads never look. */
const hasListContent = (type: object): boolean => (type as unknown as { _start: unknown })._start !== null;

export function workspaceDocProblems(doc: Y.Doc): string[] {
  const problems: string[] = [];
  let meta: Y.Map<unknown>;
  let people: Y.Map<unknown>;
  let plans: Y.Map<unknown>;
  let teams: Y.Map<unknown>;
  try {
    meta = workspaceMetaMap(doc);
    people = peopleMap(doc);
    plans = planIndexMap(doc);
    teams = teamsMap(doc);
  } catch (err) {
    return [`a root type is not a map: ${err instanceof Error ? err.message : String(err)}`];
  }
  for (const [name, type] of [['meta', meta], ['people', people], ['plans', plans], ['teams', teams]] as const) {
    if (hasListContent(type)) problems.push(`${name} holds list content`);
  }
  for (const [key, want] of [['id', 'string'], ['name', 'string'], ['schemaVersion', 'number']] as const) {
    const value = meta.get(key);
    if (value !== undefined && typeof value !== want) problems.push(`meta.${key} is ${kind(value)}, not a ${want}`);
  }
  for (const key of WORKSPACE_SETTING_KEYS) {
    const value = meta.get(key);
    if (value !== undefined && !isValidWorkspaceSetting(key, value)) problems.push(`meta.${key} is not a valid setting`);
  }
  teams.forEach((entry: unknown, id) => {
    if (!(entry instanceof Y.Map)) return void problems.push(`teams.${id} is ${kind(entry)}, not a map`);
    const parsed = TeamSchema.safeParse({ ...entry.toJSON(), id });
    if (!parsed.success) problems.push(`teams.${id}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  });
  people.forEach((entry: unknown, id) => {
    if (!(entry instanceof Y.Map)) return void problems.push(`people.${id} is ${kind(entry)}, not a map`);
    const parsed = PersonSchema.safeParse({ ...entry.toJSON(), id });
    if (!parsed.success) problems.push(`people.${id}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  });
  plans.forEach((entry: unknown, id) => {
    if (!(entry instanceof Y.Map)) return void problems.push(`plans.${id} is ${kind(entry)}, not a map`);
    for (const field of PLAN_FIELDS) {
      const value: unknown = entry.get(field);
      if (value !== undefined && typeof value !== 'string') problems.push(`plans.${id}.${field} is ${kind(value)}, not text`);
    }
  });
  return problems;
}
