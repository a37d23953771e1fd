/**
 * The Y.Doc layout of a plan: `content` is the Y.XmlText that @slate-yjs/core binds to Slate, `meta`
 * a Y.Map of the plan's identity. The Y.Doc is the plan's only truth; everything else is derived.
 */
import * as Y from 'yjs';
import { slateNodesToInsertDelta, yTextToSlateElement } from '@slate-yjs/core';
import { ELEMENT_TYPES, GOAL_STATUSES, type GoalStatus, type PlanContent } from './elements';
import { flattenDeepNesting } from './nesting';
import { clampTitle } from './planTitle';
import { readConflicts, type NamedConflict } from '../conflicts/conflictRecords';
import { checkInsMap, readCheckIns, type CheckIn } from './checkIns';
import { isIsoDay } from './period';

export const PLAN_SCHEMA_VERSION = 2;

export type PlanMeta = {
  id: string;
  title: string;
  templateId: string;
  /** What the period is called: "FY2027", "Q3 FY2027". */
  period: string;
  /** The period's first and last day (YYYY-MM-DD), when set; see period.ts for a label alone. */
  periodStart?: string | null;
  periodEnd?: string | null;
  schemaVersion: number;
  createdAt: string;
};

export const planContent = (doc: Y.Doc): Y.XmlText => doc.get('content', Y.XmlText) as Y.XmlText;
export const planMetaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');

export type NewPlan = Omit<PlanMeta, 'schemaVersion' | 'createdAt'> & { createdAt?: string; content: PlanContent };

/** Builds a plan document in one transaction. */
export function createPlanDoc(plan: NewPlan, doc: Y.Doc = new Y.Doc()): Y.Doc {
  doc.transact(() => {
    const meta = planMetaMap(doc);
    meta.set('id', plan.id);
    meta.set('title', clampTitle(plan.title));
    meta.set('templateId', plan.templateId);
    meta.set('period', plan.period);
    if (isIsoDay(plan.periodStart) && isIsoDay(plan.periodEnd)) {
      meta.set('periodStart', plan.periodStart);
      meta.set('periodEnd', plan.periodEnd);
    }
    meta.set('schemaVersion', PLAN_SCHEMA_VERSION);
    meta.set('createdAt', plan.createdAt ?? new Date().toISOString());
    planContent(doc).applyDelta(slateNodesToInsertDelta(plan.content));
  });
  return doc;
}

export function readPlanMeta(doc: Y.Doc): PlanMeta {
  const m = planMetaMap(doc);
  const str = (k: string) => (typeof m.get(k) === 'string' ? (m.get(k) as string) : '');
  return {
    id: str('id'),
    title: clampTitle(str('title')),
    templateId: str('templateId'),
    period: str('period'),
    periodStart: isIsoDay(m.get('periodStart')) ? (m.get('periodStart') as string) : null,
    periodEnd: isIsoDay(m.get('periodEnd')) ? (m.get('periodEnd') as string) : null,
    schemaVersion: typeof m.get('schemaVersion') === 'number' ? (m.get('schemaVersion') as number) : 0,
    createdAt: str('createdAt'),
  };
}

/**
 * The plan's Slate content, read from the Yjs document. Content nested too deep to read recursively
 * (thousands of levels, from sync) is read from a copy with its deep blocks flattened (nesting.ts);
 * the document itself is left as it is.
 */
export function readPlanContent(doc: Y.Doc): PlanContent {
  try {
    return yTextToSlateElement(planContent(doc)).children;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    flattenDeepNesting(planContent(copy));
    return yTextToSlateElement(planContent(copy)).children;
  }
}

/** Sets the plan's period: its label and, when both are days in order, its first and last day. */
export function setPlanPeriod(doc: Y.Doc, period: { label: string; start: string | null; end: string | null }): void {
  const dated = isIsoDay(period.start) && isIsoDay(period.end) && period.start <= period.end;
  doc.transact(() => {
    const m = planMetaMap(doc);
    if (m.get('period') !== period.label.trim()) m.set('period', period.label.trim());
    for (const [key, value] of [['periodStart', period.start], ['periodEnd', period.end]] as const) {
      if (!dated) m.delete(key);
      else if (m.get(key) !== value) m.set(key, value);
    }
  });
}

/**
 * A plan as the pure derivations see it; `conflicts`, the replaced values not yet acted on, and
 * `checkIns`, every goal's check-ins, when read from a document.
 */
export type PlanSnapshot = { meta: PlanMeta; content: PlanContent; conflicts?: NamedConflict[]; checkIns?: CheckIn[] };
/** `checkIns`: the plan's check-ins when the caller keeps them current already (watchCheckIns), instead of reading every one. */
export const snapshotPlan = (doc: Y.Doc, checkIns?: CheckIn[]): PlanSnapshot => ({
  meta: readPlanMeta(doc), content: readPlanContent(doc), conflicts: readConflicts(doc), checkIns: checkIns ?? readCheckIns(doc),
});

/** The id of the check-in a goal's value before check-ins becomes: the same on every peer that migrates. */
export const migratedCheckInId = (goalId: string): string => `checkin_from_${goalId}`;

/**
 * Schema 2: a goal's current value (and its status) becomes its first check-in, dated the day of the
 * migration and marked as carried over. The goal's own fields stay as they were (older versions of
 * Tandem still read them); readers take check-ins first (derive/checkInState.ts). Idempotent and safe
 * when two peers migrate at once: the check-in's id comes from the goal's id, and a goal that already
 * has check-ins gets none.
 */
export function migrateCurrentValuesToCheckIns(doc: Y.Doc, now: () => Date = () => new Date()): void {
  const map = checkInsMap(doc);
  const checkedIn = new Set(readCheckIns(doc).map((c) => c.goalId));
  const at = now().toISOString();
  const visit = (nodes: PlanContent) => {
    for (const node of nodes) {
      if (!('type' in node)) continue;
      if (node.type === 'goal' && typeof node.id === 'string' && !checkedIn.has(node.id)) {
        const value = typeof node.current === 'number' && Number.isFinite(node.current) ? node.current : null;
        const status: GoalStatus = GOAL_STATUSES.includes(node.status) ? node.status : 'on-track';
        if (value !== null || status !== 'on-track') {
          checkedIn.add(node.id);
          map.set(migratedCheckInId(node.id), {
            goalId: node.id, value, status, confidence: null, note: 'Carried over from the goal’s Current field', date: at.slice(0, 10), at,
            author: '', source: 'migration',
          });
        }
      }
      if (Array.isArray(node.children)) visit(node.children as PlanContent);
    }
  };
  visit(readPlanContent(doc));
}

/**
 * Migrations, one per schema version step, applied in order when a plan is opened. Each runs in one
 * transaction and must be idempotent, because two peers may migrate the same plan concurrently.
 */
export const PLAN_MIGRATIONS: ReadonlyArray<{ to: number; migrate: (doc: Y.Doc) => void }> = [
  { to: 1, migrate: () => {} },
  { to: 2, migrate: (doc) => migrateCurrentValuesToCheckIns(doc) },
];

const latestPlanSchema = (migrations = PLAN_MIGRATIONS): number => migrations.reduce((v, m) => Math.max(v, m.to), 0);

/** Whether the content holds an element type this version does not know (walked without recursion: nesting may be deep). */
function hasUnknownElements(content: PlanContent): boolean {
  const stack: unknown[] = [...content];
  while (stack.length) {
    const node = stack.pop() as { type?: unknown; children?: unknown };
    if (!node || typeof node !== 'object' || !('children' in node)) continue;
    if (typeof node.type !== 'string' || !ELEMENT_TYPES.has(node.type)) return true;
    if (Array.isArray(node.children)) stack.push(...(node.children as unknown[]));
  }
  return false;
}

/**
 * A plan really written by a newer Tandem: it claims a newer schema AND holds blocks this version
 * does not know. The schema number alone proves nothing (anyone can set it over sync), and a plan
 * this version reads whole is edited as usual. (The content is read only when the number is newer.)
 */
export function writtenByNewerTandem(doc: Y.Doc, migrations = PLAN_MIGRATIONS): boolean {
  return readPlanMeta(doc).schemaVersion > latestPlanSchema(migrations) && hasUnknownElements(readPlanContent(doc));
}

/**
 * Brings an opened plan up to the current schema. A plan that claims a newer schema is left as it is:
 * never migrated "down" and never refused, so saving it keeps working (see writtenByNewerTandem for
 * when the editor shows it read-only).
 */
export function migratePlanDoc(doc: Y.Doc, migrations = PLAN_MIGRATIONS): { from: number; to: number } {
  const from = readPlanMeta(doc).schemaVersion;
  const latest = latestPlanSchema(migrations);
  if (from > latest) return { from, to: from };
  for (const m of migrations) {
    if (m.to > from) {
      doc.transact(() => {
        m.migrate(doc);
        planMetaMap(doc).set('schemaVersion', m.to);
      });
    }
  }
  return { from, to: latest };
}
