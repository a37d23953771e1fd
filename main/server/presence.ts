/**
 * Who may set which presence (awareness) entry in a room. A connection owns the client ids it
 * announced first (at most `maxClientIdsPerConnection`, a stock client announces one); entries for ids
 * another connection owns are dropped (the stock client passes on the states it received from others,
 * so those entries are expected and not an error). When the owner is another connection of the same
 * person and the entry is newer than the state the room has (a reconnect while the server has not yet
 * noticed the old socket closing: the client renews its state every 15 s), the id moves to the new
 * connection; a passed-on copy carries the clock the room already has, and stays dropped.
 * A state larger than `maxAwarenessStateBytes` is a ProtocolError.
 */
import { ProtocolError, type AwarenessEntry } from './messages';

export type PresenceLimits = { maxAwarenessStateBytes: number; maxClientIdsPerConnection: number };

export class PresenceOwners<P extends { readonly user: string }> {
  private readonly owner = new Map<number, P>();
  private readonly owned = new Map<P, Set<number>>();

  constructor(private readonly limits: PresenceLimits, private readonly clockOf: (clientId: number) => number | undefined) {}

  /** The entries `peer` may set, claiming the ids it announces for the first time. */
  accept(peer: P, entries: readonly AwarenessEntry[]): AwarenessEntry[] {
    const accepted: AwarenessEntry[] = [];
    for (const entry of entries) {
      if (Buffer.byteLength(entry.state) > this.limits.maxAwarenessStateBytes) throw new ProtocolError(`an awareness state is larger than ${this.limits.maxAwarenessStateBytes} bytes`);
      const current = this.owner.get(entry.clientId);
      if (current === peer) accepted.push(entry);
      else if (entry.state !== 'null' && (!current || this.isNewerFromSamePerson(peer, current, entry)) && this.claim(peer, entry.clientId, current)) accepted.push(entry);
    }
    return accepted;
  }

  /** The ids `peer` owns, given up (it left). */
  release(peer: P): number[] {
    const ids = [...(this.owned.get(peer) ?? [])];
    this.owned.delete(peer);
    for (const id of ids) this.owner.delete(id);
    return ids;
  }

  /** Forgets an id whose state was removed (its owner sent null, or it timed out). */
  removed(clientId: number): void {
    const peer = this.owner.get(clientId);
    if (!peer) return;
    this.owner.delete(clientId);
    this.owned.get(peer)?.delete(clientId);
  }

  private isNewerFromSamePerson(peer: P, current: P, entry: AwarenessEntry): boolean {
    return current.user === peer.user && entry.clock > (this.clockOf(entry.clientId) ?? -1);
  }

  private claim(peer: P, clientId: number, previous: P | undefined): boolean {
    let ids = this.owned.get(peer);
    if (!ids) this.owned.set(peer, (ids = new Set()));
    if (ids.size >= this.limits.maxClientIdsPerConnection) return false;
    if (previous) this.owned.get(previous)?.delete(clientId);
    ids.add(clientId);
    this.owner.set(clientId, peer);
    return true;
  }
}
