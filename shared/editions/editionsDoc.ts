/**
 * A plan's editions document: a Y.Doc of its own beside the plan (room `<workspaceId>/<planId>/editions`),
 * so who may save editions and sign off is decided apart from who may edit the plan.
 *
 * Layout (docs/plan-model.md, "The editions document"): three append-only Y.Arrays of plain records,
 * never changed once written (the server refuses an update that changes or removes one):
 * - `editions`: named editions, each the plan's state vector and its delta from the previous edition
 *   (editionChain.ts);
 * - `signoffRequests`: an edition and the people asked to approve it;
 * - `approvals`: a person's approval of an edition.
 *
 * Anyone with an editor's invite can write into the document over sync, so readers skip records they
 * cannot read (reporting them to `onSkip`) and never throw.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { newId } from '../model/ids';
import { readPlanContent, readPlanMeta, type PlanSnapshot } from '../model/planDoc';
import { chainTo, editionState, rebuildEdition } from './editionChain';

export const EDITIONS_KIND = 'editions';

const bytes = z.instanceof(Uint8Array);
const time = z.string().min(1);
const name = z.string().trim().min(1).max(200);

export const EditionSchema = z.object({
  id: z.string().min(1).max(64),
  name,
  /** The name of the person who saved it (the invite's name, enforced by the server). */
  author: name,
  createdAt: time,
  prevId: z.string().min(1).max(64).nullable(),
  stateVector: bytes,
  update: bytes,
}).strict();
export type Edition = z.infer<typeof EditionSchema>;
/** An edition without its bytes, for lists. */
export type EditionInfo = Omit<Edition, 'stateVector' | 'update'>;

export const SignoffRequestSchema = z.object({
  id: z.string().min(1).max(64),
  editionId: z.string().min(1).max(64),
  /** Person ids from the workspace's directory. */
  people: z.array(z.string().min(1).max(64)).min(1).max(50),
  requestedBy: name,
  createdAt: time,
}).strict();
export type SignoffRequest = z.infer<typeof SignoffRequestSchema>;

export const ApprovalSchema = z.object({
  id: z.string().min(1).max(64),
  editionId: z.string().min(1).max(64),
  /** The approver's name: the name on their invite (enforced by the server). */
  by: name,
  createdAt: time,
}).strict();
export type Approval = z.infer<typeof ApprovalSchema>;

export const EDITIONS_ARRAYS = { editions: EditionSchema, signoffRequests: SignoffRequestSchema, approvals: ApprovalSchema } as const;
export type EditionsArray = keyof typeof EDITIONS_ARRAYS;

export const editionsArray = (doc: Y.Doc, key: EditionsArray): Y.Array<unknown> => doc.getArray(key);

export type SkippedRecord = { array: EditionsArray; index: number; reason: string };

function readArray<K extends EditionsArray>(doc: Y.Doc, key: K, onSkip?: (s: SkippedRecord) => void): z.infer<(typeof EDITIONS_ARRAYS)[K]>[] {
  const out: z.infer<(typeof EDITIONS_ARRAYS)[K]>[] = [];
  editionsArray(doc, key).toArray().forEach((entry, index) => {
    const parsed = EDITIONS_ARRAYS[key].safeParse(entry);
    if (parsed.success) out.push(parsed.data as z.infer<(typeof EDITIONS_ARRAYS)[K]>);
    else onSkip?.({ array: key, index, reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ') });
  });
  return out;
}

export const readEditions = (doc: Y.Doc, onSkip?: (s: SkippedRecord) => void): Edition[] => readArray(doc, 'editions', onSkip);
export const readSignoffRequests = (doc: Y.Doc, onSkip?: (s: SkippedRecord) => void): SignoffRequest[] => readArray(doc, 'signoffRequests', onSkip);
export const readApprovals = (doc: Y.Doc, onSkip?: (s: SkippedRecord) => void): Approval[] => readArray(doc, 'approvals', onSkip);

export const editionInfo = ({ stateVector: _s, update: _u, ...info }: Edition): EditionInfo => info;

/**
 * Saves the plan as it is now as a named edition, in one transaction of the editions document. It
 * follows the last edition saved (the newest of the list) when this copy of the plan holds all of it,
 * and otherwise starts a new chain with the whole state.
 */
export function saveEdition(plan: Y.Doc, editions: Y.Doc, opts: { name: string; author: string; now?: Date; id?: string }): Edition {
  const all = readEditions(editions);
  const last = all[all.length - 1];
  let prev: { stateVector: Uint8Array; chain: Uint8Array[] } | null = null;
  if (last) {
    try {
      prev = { stateVector: last.stateVector, chain: chainTo(all, last.id).map((e) => e.update) };
    } catch {
      prev = null; // a broken chain is not followed
    }
  }
  const state = editionState(plan, prev);
  const edition = EditionSchema.parse({
    id: opts.id ?? newId('edition'),
    name: opts.name.trim(),
    author: opts.author.trim(),
    createdAt: (opts.now ?? new Date()).toISOString(),
    prevId: state.chained ? last!.id : null,
    stateVector: state.stateVector,
    update: state.update,
  });
  editionsArray(editions, 'editions').push([edition]);
  return edition;
}

/** The plan as it was at edition `id`, as the derivations read plans (throws BrokenChainError when it cannot be rebuilt). */
export function editionSnapshot(editions: readonly Edition[], id: string): PlanSnapshot {
  const doc = rebuildEdition(editions, id);
  try {
    return { meta: readPlanMeta(doc), content: readPlanContent(doc) };
  } finally {
    doc.destroy();
  }
}

export function requestSignoff(editions: Y.Doc, opts: { editionId: string; people: string[]; requestedBy: string; now?: Date }): SignoffRequest {
  const request = SignoffRequestSchema.parse({
    id: newId('signoff'), editionId: opts.editionId, people: [...new Set(opts.people)], requestedBy: opts.requestedBy.trim(),
    createdAt: (opts.now ?? new Date()).toISOString(),
  });
  editionsArray(editions, 'signoffRequests').push([request]);
  return request;
}

export function approveEdition(editions: Y.Doc, opts: { editionId: string; by: string; now?: Date }): Approval {
  const approval = ApprovalSchema.parse({ id: newId('approval'), editionId: opts.editionId, by: opts.by.trim(), createdAt: (opts.now ?? new Date()).toISOString() });
  editionsArray(editions, 'approvals').push([approval]);
  return approval;
}
