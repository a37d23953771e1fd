/**
 * The Y.Doc layout of a plan: `content` is the Y.XmlText that @slate-yjs/core binds to Slate, `meta`
 * a Y.Map of the plan's identity. The Y.Doc is the plan's only truth; everything else is derived.
 */
import * as Y from 'yjs';
import { slateNodesToInsertDelta, yTextToSlateElement } from '@slate-yjs/core';
import { type PlanContent } from './elements';
import { readConflicts, type NamedConflict } from '../conflicts/conflictRecords';

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
    meta.set('title', plan.title);
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
    title: str('title'),
    templateId: str('templateId'),
    period: str('period'),
    schemaVersion: typeof m.get('schemaVersion') === 'number' ? (m.get('schemaVersion') as number) : 0,
    createdAt: str('createdAt'),
  };
}

/** The plan's Slate content, read from the Yjs document. */
export function readPlanContent(doc: Y.Doc): PlanContent {
  return yTextToSlateElement(planContent(doc)).children;
}

/** A plan as the pure derivations see it; `conflicts`, the replaced values not yet acted on, when read from a document. */
export type PlanSnapshot = { meta: PlanMeta; content: PlanContent; conflicts?: NamedConflict[] };
export const snapshotPlan = (doc: Y.Doc): PlanSnapshot => ({ meta: readPlanMeta(doc), content: readPlanContent(doc), conflicts: readConflicts(doc) });

/**
 * Migrations, one per schema version step, applied in order when a plan is opened. Each runs in one
 * transaction and must be idempotent, because two peers may migrate the same plan concurrently.
 */
export const PLAN_MIGRATIONS: ReadonlyArray<{ to: number; migrate: (doc: Y.Doc) => void }> = [
  { to: 1, migrate: () => {} },
];

/** Brings an opened plan up to the current schema; refuses plans written by a newer Tandem. */
export function migratePlanDoc(doc: Y.Doc, migrations = PLAN_MIGRATIONS): { from: number; to: number } {
  const from = readPlanMeta(doc).schemaVersion;
  const latest = migrations.reduce((v, m) => Math.max(v, m.to), 0);
  if (from > latest) {
    throw new Error(`this plan was written by a newer version of Tandem (schema ${from}, this version reads up to ${latest})`);
  }
  for (const m of migrations) {
    if (m.to > from) {
      doc.transact(() => {
        m.migrate(doc);
        planMetaMap(doc).set('schemaVersion', m.to);
      });
    }
  }
  return { from, to: Math.max(from, latest) };
}
