/**
 * A document's stored updates applied to a new Y.Doc one update per transaction, as the room applied
 * them: what both stores load and compact through. Never apply stored updates merged into one
 * (Y.mergeUpdates) or in one transaction: a tree nested thousands deep that a client emptied from its
 * deepest level up in many transactions (shared/model/nesting.ts) would then be deleted from the top
 * in one go, and Yjs deletes a type's content recursively: the stack overflows part-way and the
 * transaction fails ("Unexpected case" from its garbage collection), so the document cannot be loaded.
 * The document keeps what the room's keeps (the history of set fields).
 */
import * as Y from 'yjs';
import { keepSetFieldHistory } from '../../shared/conflicts/replacedValues';

export function replayUpdates(updates: Iterable<Uint8Array>): Y.Doc {
  const doc = new Y.Doc({ gcFilter: keepSetFieldHistory });
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

/** The whole state of what `doc` holds, what still waits for a dependency included; null when it holds nothing. */
export function stateOf(doc: Y.Doc): Uint8Array | null {
  return doc.store.clients.size === 0 && doc.store.pendingStructs === null && doc.store.pendingDs === null ? null : Y.encodeStateAsUpdate(doc);
}
