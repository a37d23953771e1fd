/**
 * One live document on the server: its Y.Doc, its awareness, and the connections editing it.
 * Stored state is loaded before any sync is answered; every change is broadcast to the other
 * connections and appended to the store (coalesced while a write is in flight), and only counts as
 * stored once the store has resolved.
 *
 * A client's update is passed on as the frame it came in (decoded strictly first, so it is exactly one
 * valid update) once the document has applied it. The document has no `update` listener on that path,
 * so Yjs does not encode each change a second time: that encoding cost about as much as applying.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { StoreError, type DocStore } from './docStore';
import { type Log } from './log';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, type ClientMessage } from './messages';
import { CLOSE, type CloseReason } from './closeCodes';
import { type UpdateGate } from './workspaceSchema';

/** What a room needs from a connection. */
export interface RoomPeer {
  readonly canWrite: boolean;
  readonly user: string;
  send(frame: Uint8Array): void;
  close(reason: CloseReason): void;
}

export type RoomOptions = {
  store: DocStore;
  log: Log;
  /** Compact once this many writes have been appended since the last compaction. */
  compactEvery: number;
  /** Log every completed write with the state vector it covers (for crash tests and audits). */
  traceWrites: boolean;
  /** Refuses client updates that would break the document (the workspace doc's schema); none: all pass. */
  gate?: UpdateGate;
  /** Called once the room can no longer store changes: the registry drops it. */
  onFailed(room: Room): void;
  /** Called once the document may be inconsistent (Yjs failed part-way through an update): the registry unloads it. */
  onBroken(room: Room): void;
};

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly ready: Promise<void>;
  /** Connections plus JSON API calls currently using the room. */
  holds = 0;
  lastModified: string | null = null;
  private readonly peers = new Map<RoomPeer, Set<number>>();
  private pending: Uint8Array[] = [];
  /** Changes queued for the store so far, and how many of them are stored (running counts). */
  private queuedCount = 0;
  private storedCount = 0;
  /** Sync step 1 answers held until every change received before the question is stored, oldest first. */
  private heldAnswers: { upTo: number; peer: RoomPeer; stateVector: Uint8Array }[] = [];
  private writing: Promise<void> | null = null;
  private writesSinceCompaction = 0;
  private closed = false;
  /** Yjs failed part-way through an update: take nothing more, store what was accepted, unload. */
  private broken = false;
  private failed = false;

  constructor(readonly name: string, private readonly opts: RoomOptions, after: Promise<void> = Promise.resolve()) {
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.ready = after.then(() => this.load());
  }

  get peerCount(): number {
    return this.peers.size;
  }

  private async load(): Promise<void> {
    const state = await this.opts.store.load(this.name);
    if (state) Y.applyUpdate(this.doc, state);
  }

  /** Adds a connection once the room is ready and starts the sync handshake. */
  join(peer: RoomPeer): void {
    this.peers.set(peer, new Set());
    peer.send(encodeSyncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length) peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
  }

  leave(peer: RoomPeer): void {
    const clients = this.peers.get(peer);
    if (!clients) return;
    this.peers.delete(peer);
    this.heldAnswers = this.heldAnswers.filter((held) => held.peer !== peer);
    if (clients.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], null);
  }

  /** Applies one decoded client message; throws when its content cannot be applied. */
  receive(peer: RoomPeer, message: ClientMessage): void {
    if (this.broken) return;
    switch (message.kind) {
      case 'sync-step1':
        this.answerWhenStored(peer, message.stateVector);
        return;
      case 'sync-step2':
      case 'update':
        if (!peer.canWrite) {
          if (message.update.byteLength > 2) this.opts.log({ level: 'warn', event: 'update-dropped', room: this.name, user: peer.user, reason: 'read-only role' });
          return;
        }
        this.applyFrom(peer, message.update, message.kind === 'update' ? message.frame : encodeUpdate(message.update));
        return;
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, peer);
        return;
      case 'query-awareness':
        peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
        return;
    }
  }

  /** Changes the document on behalf of the server itself (the JSON API); resolves once stored. */
  async change(f: (doc: Y.Doc) => void): Promise<void> {
    await this.ready;
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => updates.push(update);
    this.doc.on('update', collect);
    try {
      this.doc.transact(() => f(this.doc), 'server');
    } finally {
      this.doc.off('update', collect);
      for (const update of updates) this.publish(update, encodeUpdate(update), null);
    }
    await this.flush();
    if (this.failed || this.broken) throw new StoreError(`could not store the change to "${this.name}"`);
  }

  /** Resolves once every change made so far is stored. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Stores what is pending, compacts, and releases the document. */
  async unload(): Promise<void> {
    await this.flush();
    this.closeAll(CLOSE.goingAway);
    if (!this.closed && this.lastModified) {
      await this.opts.store.compact(this.name);
      await this.opts.store.setLastModified(this.name, this.lastModified);
    }
    this.dispose();
  }

  /** Disconnects everyone and drops the document without storing anything more (it was deleted). */
  async discard(reason: CloseReason): Promise<void> {
    this.closed = true;
    this.pending = [];
    this.closeAll(reason);
    await this.flush();
    this.dispose();
  }

  /**
   * Answers a sync step 1 once everything received before it is stored. Clients take that answer as
   * the confirmation of every update they sent before the question (renderer/collab/serverConfirmations.ts),
   * so it must not come before the group commit. Answers leave in the order the questions came.
   */
  private answerWhenStored(peer: RoomPeer, stateVector: Uint8Array): void {
    if (this.storedCount >= this.queuedCount) peer.send(encodeSyncStep2(this.doc, stateVector));
    else this.heldAnswers.push({ upTo: this.queuedCount, peer, stateVector });
  }

  private sendHeldAnswers(): void {
    while (this.heldAnswers.length && this.heldAnswers[0]!.upTo <= this.storedCount) {
      const { peer, stateVector } = this.heldAnswers.shift()!;
      if (this.peers.has(peer)) peer.send(encodeSyncStep2(this.doc, stateVector));
    }
  }

  private closeAll(reason: CloseReason): void {
    for (const peer of [...this.peers.keys()]) {
      this.leave(peer);
      peer.close(reason);
    }
  }

  private dispose(): void {
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** Applies a client's update, then passes `frame` (the same update) to the other peers and the store. */
  private applyFrom(peer: RoomPeer, update: Uint8Array, frame: Uint8Array): void {
    const refused = this.opts.gate?.(this.doc, update);
    if (refused) {
      // Not applied, passed on or stored; the sender's copy holds what it wrote, so it is closed
      // with a code the stock client does not retry (it would only send the same update again).
      this.opts.log({ level: 'warn', event: 'update-refused', room: this.name, user: peer.user, reason: refused });
      peer.close(CLOSE.schemaViolation);
      return;
    }
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch (err) {
      // An update that decodes cleanly can still make Yjs fail part-way and leave the document
      // inconsistent (text cut short, for one). Nothing of it is passed on or stored: the room stops
      // taking changes, stores what it had accepted, and is unloaded; clients reconnect and re-sync
      // with the stored state. The caller closes the sender.
      this.broken = true;
      this.opts.log({ level: 'warn', event: 'update-failed', room: this.name, user: peer.user, error: err instanceof Error ? err.message : String(err) });
      this.opts.onBroken(this);
      throw err;
    }
    this.publish(update, frame, peer);
  }

  /** Sends a change to every connection but the one it came from, and queues it for the store. */
  private publish(update: Uint8Array, frame: Uint8Array, origin: RoomPeer | null): void {
    if (this.closed || this.broken) return;
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(frame);
    this.pending.push(update);
    this.queuedCount++;
    this.writing ??= this.drain();
  }

  private onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const changed = [...added, ...updated, ...removed];
    const owned = this.peers.get(origin as RoomPeer);
    if (owned) {
      for (const id of added) owned.add(id);
      for (const id of removed) owned.delete(id);
    }
    const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(frame);
  };

  private async drain(): Promise<void> {
    try {
      while (this.pending.length && !this.closed) {
        const batch = this.pending.length === 1 ? this.pending[0]! : Y.mergeUpdates(this.pending);
        const count = this.pending.length;
        this.pending = [];
        const covers = this.opts.traceWrites ? Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(this.doc))) : undefined;
        await this.opts.store.appendUpdate(this.name, batch);
        this.storedCount += count;
        this.sendHeldAnswers();
        this.lastModified = new Date().toISOString();
        if (covers) this.opts.log({ level: 'debug', event: 'stored', room: this.name, updates: count, bytes: batch.byteLength, covers });
        if (++this.writesSinceCompaction >= this.opts.compactEvery) {
          this.writesSinceCompaction = 0;
          await this.opts.store.compact(this.name);
        }
      }
    } catch (err) {
      this.closed = true;
      this.failed = true;
      this.heldAnswers = [];
      this.opts.log({ level: 'error', event: 'store-failed', room: this.name, error: err instanceof Error ? err.message : String(err) });
      this.closeAll(CLOSE.storageFailed);
      this.opts.onFailed(this);
    } finally {
      this.writing = null;
    }
  }
}
