/**
 * Stored data that waits for a dependency the store does not hold: an update stored on behalf of a
 * node that died (its dependency may still be stored by another node), or one stored before the
 * server held such updates back. A room takes it out of its document at load, so it neither rides
 * along every sync (Yjs sends what waits with every state) nor makes the room hold back its clients'
 * updates as if they waited; it applies it once the dependency arrives, and the store drops it once it
 * has waited longer than the window since a node first found it waiting (docs/sync-server.md).
 */
import * as Y from 'yjs';

export type StoredWaiting = {
  /** What waits, as one update. */
  update: Uint8Array;
  /** Its size as Yjs held it (what the log reports). */
  bytes: number;
  /** Per client, the state the document must reach for it to apply. */
  needs: Map<number, number>;
  /** Names what it waits for: the same missing data gives the same key on every node. */
  key: string;
};

/** The state the document has of `client` (its next clock). */
function stateOf(doc: Y.Doc, client: number): number {
  const structs = doc.store.clients.get(client);
  const last = structs?.[structs.length - 1];
  return last ? last.id.clock + last.length : 0;
}

/** What the document holds waiting for missing data, taken out of it; null when nothing waits. */
export function takeWaiting(doc: Y.Doc): StoredWaiting | null {
  const { pendingStructs, pendingDs } = doc.store;
  if (!pendingStructs && !pendingDs) return null;
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  const parts = [pendingStructs?.update, pendingDs].filter((u): u is Uint8Array => u != null);
  const needs = new Map<number, number>();
  const need = (client: number, state: number) => needs.set(client, Math.max(needs.get(client) ?? 0, state));
  for (const [client, clock] of pendingStructs?.missing ?? []) need(client, clock + 1);
  if (pendingDs) for (const [client, items] of Y.decodeUpdateV2(pendingDs).ds.clients) for (const { clock, len } of items) need(client, clock + len);
  return {
    update: Y.convertUpdateFormatV2ToV1(parts.length === 1 ? parts[0]! : Y.mergeUpdatesV2(parts)),
    bytes: parts.reduce((n, u) => n + u.byteLength, 0),
    needs,
    key: [...needs].sort(([a], [b]) => a - b).map(([client, state]) => `${client}:${state}`).join(','),
  };
}

/** Whether the document has come to hold anything `waiting` needs (then applying it integrates something). */
export function mayApply(doc: Y.Doc, waiting: StoredWaiting): boolean {
  for (const [client, state] of waiting.needs) if (stateOf(doc, client) >= state) return true;
  return false;
}
