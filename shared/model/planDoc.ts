/**
 * The Y.Doc layout of a plan: `content` is the Y.XmlText that @slate-yjs/core binds to Slate, `meta`
 * a Y.Map of the plan's identity. The Y.Doc is the plan's only truth; everything else is derived.
 */
import * as Y from 'yjs';
import { slateNodesToInsertDelta, yTextToSlateElement } from '@slate-yjs/core';
import { ELEMENT_TYPES, type PlanContent } from './elements';
import { flattenDeepNesting } from './nesting';
import { clampTitle } from './planTitle';

export const PLAN_SCHEMA_VERSION = 1;

export type PlanMeta = {
  id: string;
  title: string;
  templateId: string;
  period: string;
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

/** A plan as the pure derivations see it. */
export type PlanSnapshot = { meta: PlanMeta; content: PlanContent };
export const snapshotPlan = (doc: Y.Doc): PlanSnapshot => ({ meta: readPlanMeta(doc), content: readPlanContent(doc) });

/**
 * Migrations, one per schema version step, applied in order when a plan is opened. Each runs in one
 * transaction and must be idempotent, because two peers may migrate the same plan concurrently.
 */
export const PLAN_MIGRATIONS: ReadonlyArray<{ to: number; migrate: (doc: Y.Doc) => void }> = [
  { to: 1, migrate: () => {} },
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
