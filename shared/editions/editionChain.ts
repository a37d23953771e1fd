/**
 * How an edition stores a plan: only what changed since the previous edition.
 *
 * A Yjs update is cumulative: the structs written since a state vector, plus deletions. An edition
 * keeps its plan's state vector and the delta from its previous edition's state vector —
 * `Y.encodeStateAsUpdate(doc, prevStateVector)`, minus the deletions the previous editions already
 * hold (Yjs writes the whole delete set into every update, which for a plan with a long editing
 * history is most of the bytes of an edition of an unchanged plan). Merging the chain of deltas
 * from the first edition rebuilds each edition exactly: the same structs, the same deletions.
 *
 * The chain is only valid when the plan as it is now holds everything the previous edition held
 * (its state vector and its deletions); when it does not (a colleague's edition from a state this
 * copy of the plan has not received yet), the edition starts a new chain with the whole state.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

/** What the chain needs of an edition. */
export type ChainLink = { id: string; prevId: string | null; stateVector: Uint8Array; update: Uint8Array };

type Ranges = Array<{ clock: number; len: number }>;
/** Yjs' delete set (its class is not exported by name). */
type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

/** The deletions held by a set of updates, merged and sorted per client. */
export function deletionsOf(updates: Uint8Array[]): DeleteSet {
  return Y.mergeDeleteSets(updates.map((u) => Y.decodeUpdate(u).ds));
}

/** `a` minus `b`, per client (both sorted and merged, as Yjs keeps them). */
function subtract(a: DeleteSet, b: DeleteSet): Map<number, Ranges> {
  const out = new Map<number, Ranges>();
  a.clients.forEach((items, client) => {
    const minus = b.clients.get(client) ?? [];
    const kept: Ranges = [];
    let j = 0;
    for (const item of items) {
      let start = item.clock;
      const end = item.clock + item.len;
      while (j < minus.length && minus[j]!.clock + minus[j]!.len <= start) j++;
      let k = j;
      while (start < end && k < minus.length && minus[k]!.clock < end) {
        const m = minus[k]!;
        if (m.clock > start) kept.push({ clock: start, len: m.clock - start });
        start = Math.max(start, m.clock + m.len);
        k++;
      }
      if (start < end) kept.push({ clock: start, len: end - start });
    }
    if (kept.length) out.set(client, kept);
  });
  return out;
}

/** A delete set in Yjs' update format (v1): what `writeDeleteSet` writes. */
function encodeDeletions(ds: Map<number, Ranges>): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, ds.size);
  for (const [client, ranges] of [...ds].sort((x, y) => y[0] - x[0])) {
    encoding.writeVarUint(enc, client);
    encoding.writeVarUint(enc, ranges.length);
    for (const r of ranges) {
      encoding.writeVarUint(enc, r.clock);
      encoding.writeVarUint(enc, r.len);
    }
  }
  return encoding.toUint8Array(enc);
}

const endsWith = (a: Uint8Array, b: Uint8Array) => a.length >= b.length && b.every((x, i) => a[a.length - b.length + i] === x);

/** Whether `sv` holds at least every struct of `prev`. */
function covers(sv: Map<number, number>, prev: Map<number, number>): boolean {
  for (const [client, clock] of prev) if ((sv.get(client) ?? 0) < clock) return false;
  return true;
}

/** Whether `ds` holds every deletion of `prev`. */
const holdsDeletions = (ds: DeleteSet, prev: DeleteSet) => subtract(prev, ds).size === 0;

export type EditionState = { stateVector: Uint8Array; update: Uint8Array; chained: boolean };

/**
 * The state of `doc` as an edition following `prev` (the previous edition and the updates of its
 * whole chain, first to last). Without a usable previous edition the update is the whole state.
 */
export function editionState(doc: Y.Doc, prev: { stateVector: Uint8Array; chain: Uint8Array[] } | null): EditionState {
  const stateVector = Y.encodeStateVector(doc);
  const whole = { stateVector, update: Y.encodeStateAsUpdate(doc), chained: false };
  if (!prev) return whole;
  // A document waiting for missing updates writes them into every update: keep it simple and whole.
  if (doc.store.pendingStructs || doc.store.pendingDs) return whole;
  const ds = Y.createDeleteSetFromStructStore(doc.store);
  const prevDs = deletionsOf(prev.chain);
  if (!covers(Y.decodeStateVector(stateVector), Y.decodeStateVector(prev.stateVector)) || !holdsDeletions(ds, prevDs)) return whole;
  const delta = Y.encodeStateAsUpdate(doc, prev.stateVector);
  // An update is its structs followed by its delete set; the delete set alone is what an update
  // from the document's own state vector holds after its one-byte "no structs".
  const allDeletions = Y.encodeStateAsUpdate(doc, stateVector).subarray(1);
  if (!endsWith(delta, allDeletions)) return whole;
  const structs = delta.subarray(0, delta.length - allDeletions.length);
  const fresh = encodeDeletions(subtract(ds, prevDs));
  const update = new Uint8Array(structs.length + fresh.length);
  update.set(structs);
  update.set(fresh, structs.length);
  return { stateVector, update, chained: true };
}

export class BrokenChainError extends Error {
  constructor(readonly editionId: string, reason: string) {
    super(reason);
    this.name = 'BrokenChainError';
  }
}

/** The chain of editions from the first to `id` (each one's previous before it). */
export function chainTo<T extends ChainLink>(editions: readonly T[], id: string): T[] {
  const byId = new Map(editions.map((e) => [e.id, e]));
  const chain: T[] = [];
  const seen = new Set<string>();
  let at: string | null = id;
  while (at !== null) {
    const edition = byId.get(at);
    if (!edition) throw new BrokenChainError(id, at === id ? `there is no edition ${id}` : `edition ${id} needs edition ${at}, which is missing`);
    if (seen.has(at)) throw new BrokenChainError(id, `edition ${id}'s chain loops at ${at}`);
    seen.add(at);
    chain.push(edition);
    at = edition.prevId;
  }
  return chain.reverse();
}

/** A document holding the plan exactly as it was at the edition `id`. */
export function rebuildEdition(editions: readonly ChainLink[], id: string): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const e of chainTo(editions, id)) Y.applyUpdate(doc, e.update);
  });
  return doc;
}
