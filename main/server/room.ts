/**
 * One live document on the server: its Y.Doc, its awareness, and the connections editing it.
 * Stored state is loaded before any sync is answered; every change is broadcast to the other
 * connections and appended to the store (coalesced while a write is in flight), and only counts as
 * stored once the store has resolved.
 *
 * A client's update is passed on as the frame it came in (decoded strictly first, so it is exactly one
 * valid update) once the document has applied it. The document has no `update` listener on that path,
 * so Yjs does not encode each change a second time: that encoding cost about as much as applying.
 *
 * With several server nodes, a `RoomFanout` (main/server/fanout/) links the room to the same room on
 * the other nodes: the room tells it what changed here and what is stored; it hands the room what
 * changed elsewhere (`applyRemote`, relayed to local peers but stored by the node that received it).
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { keepSetFieldHistory } from '../../shared/conflicts/replacedValues';
import { StoreError, type DocStore } from './docStore';
import { type Log } from './log';
import { encodeAwareness, encodeAwarenessEntries, encodeSyncStep1, encodeSyncStep2, encodeUpdate, type ClientMessage } from './messages';
import { CLOSE, type CloseReason } from './closeCodes';
import { ClientIdOwners } from './clientIdOwners';
import { DEFAULT_CONNECTION_LIMITS } from './limits';
import { PresenceOwners, type PresenceLimits } from './presence';
import { mayApply, takeWaiting, type StoredWaiting } from './storedWaiting';
import { WaitingUpdates, type WaitingLimits } from './waitingUpdates';

export const DEFAULT_WAITING_LIMITS: WaitingLimits = { pendingExpiryMs: 10_000, maxPendingBytes: 1024 * 1024 };
/**
 * How long stored data may wait for a dependency, from when a node first found it waiting, before the
 * store drops it: with several nodes the dependency may still be stored by another node (one storing
 * on behalf of a node that died does so within seconds), so an hour loses nothing that can arrive.
 */
export const DEFAULT_STORED_WAITING_MS = 60 * 60_000;
import { WriteChecker, type RoomPolicy } from './writePolicy';
import { type TokenClaims } from '../../shared/sync/rooms';

/** Origin of changes that came from another node. */
export const REMOTE = Symbol('remote node');

/** What the room offers the link to other nodes. */
export interface FanoutHost {
  readonly name: string;
  readonly doc: Y.Doc;
  /** A change another node received: applied and relayed to this node's peers, not stored here. */
  applyRemote(update: Uint8Array): void;
  /** What another node found this one lacks: applied, and only what was new relayed. */
  applyRepair(update: Uint8Array): void;
  applyRemoteAwareness(update: Uint8Array): void;
  /** A change heard from a node that never confirmed storing it: stored here instead. */
  storeOnBehalf(update: Uint8Array): void;
  /** Another node deleted the document. */
  deletedElsewhere(): void;
}

/** The room's link to the same room on other nodes. */
export interface RoomFanout {
  /** Resolves once changes from other nodes are heard: the room loads from the store only then. */
  readonly ready: Promise<void>;
  /** The room has loaded from the store. */
  loaded(): void;
  /** A change made on this node: relayed locally and queued for the store. */
  sent(update: Uint8Array): void;
  /** Marks the changes sent so far; `stored(mark)` once a write covering them has committed. */
  readonly mark: number;
  stored(mark: number): void;
  awareness(update: Uint8Array): void;
  /** Unlinks; returns the changes heard from other nodes that none confirmed storing. */
  close(): Uint8Array[];
}

export interface RoomFanoutFactory {
  attach(host: FanoutHost): RoomFanout;
  /** Tells the other nodes that the document was deleted. */
  deleted(name: string): void;
}

/** What a room needs from a connection. */
export interface RoomPeer {
  readonly canWrite: boolean;
  readonly user: string;
  /** The connection's token: who writes, with which role (what a write policy checks). */
  readonly claims: TokenClaims;
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
  /** Default: DEFAULT_CONNECTION_LIMITS. */
  presence?: PresenceLimits;
  /** Default: DEFAULT_WAITING_LIMITS. */
  waiting?: WaitingLimits;
  /** Default: DEFAULT_STORED_WAITING_MS. */
  storedWaitingMs?: number;
  /** Checks every client update on a scratch copy first (writePolicy.ts); none: all pass. */
  policy?: RoomPolicy;
  /** Called once the room can no longer store changes: the registry drops it. */
  onFailed(room: Room): void;
  /** Called once the document may be inconsistent (Yjs failed part-way through an update): the registry unloads it. */
  onBroken(room: Room): void;
  /** Called when another node deleted the document: the registry drops it. */
  onDeletedElsewhere?(room: Room): void;
  /** Links the room to the same room on other nodes (none: this node is alone). */
  fanout?: RoomFanoutFactory;
};

export class Room implements FanoutHost {
  /** Keeps the history of set fields (owners), which clients merge from (shared/conflicts/ownerSets.ts). */
  readonly doc = new Y.Doc({ gcFilter: keepSetFieldHistory });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly ready: Promise<void>;
  /** Connections plus JSON API calls currently using the room. */
  holds = 0;
  lastModified: string | null = null;
  private readonly peers = new Set<RoomPeer>();
  private readonly presence: PresenceOwners<RoomPeer>;
  private readonly authors = new ClientIdOwners();
  private readonly waiting: WaitingUpdates<RoomPeer>;
  /** Stored data that waits for a dependency, kept out of the document until it arrives or expires. */
  private storedWaiting: StoredWaiting | null = null;
  private storedWaitingTimer: NodeJS.Timeout | null = null;
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
  private readonly fanout: RoomFanout | null;
  private readonly checker: WriteChecker | null;

  constructor(readonly name: string, private readonly opts: RoomOptions, after: Promise<void> = Promise.resolve()) {
    this.waiting = new WaitingUpdates(this.doc, opts.waiting ?? DEFAULT_WAITING_LIMITS, this.expireWaiting);
    this.presence = new PresenceOwners(opts.presence ?? DEFAULT_CONNECTION_LIMITS, (id) => this.awareness.meta.get(id)?.clock);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.fanout = opts.fanout?.attach(this) ?? null;
    this.checker = opts.policy ? new WriteChecker(opts.policy.rules, this.doc) : null;
    this.ready = after.then(() => this.fanout?.ready).then(() => this.load()).then(() => this.fanout?.loaded());
    this.ready.catch(() => this.fanout?.close());
  }

  get peerCount(): number {
    return this.peers.size;
  }

  private async load(): Promise<void> {
    const state = await this.opts.store.load(this.name);
    if (!state) return;
    Y.applyUpdate(this.doc, state);
    await this.setAsideStoredWaiting();
  }

  /**
   * Takes what the document waits for out of it right after stored state was applied (storedWaiting.ts):
   * kept until its dependency arrives (`applyStoredWaiting`), or dropped from the store once it has
   * waited longer than the window since a node first found it waiting.
   */
  private async setAsideStoredWaiting(): Promise<void> {
    const found = takeWaiting(this.doc);
    if (!found) return;
    const known = this.storedWaiting?.key === found.key;
    this.storedWaiting = found;
    if (known) return;
    const since = await this.opts.store.noteWaiting(this.name, found.key, new Date().toISOString());
    const left = Date.parse(since) + (this.opts.storedWaitingMs ?? DEFAULT_STORED_WAITING_MS) - Date.now();
    this.opts.log({ level: 'warn', event: 'pending-stored', room: this.name, bytes: found.bytes, since, expiresInMs: Math.max(0, left) });
    if (left <= 0) return this.dropStoredWaiting();
    if (this.storedWaitingTimer) clearTimeout(this.storedWaitingTimer);
    this.storedWaitingTimer = setTimeout(() => {
      this.dropStoredWaiting().catch((err: unknown) => this.opts.log({ level: 'warn', event: 'pending-expire-failed', room: this.name, error: err instanceof Error ? err.message : String(err) }));
    }, left);
    this.storedWaitingTimer.unref();
  }

  /** The window has passed: the store drops what still waits, given everything stored by any node. */
  private async dropStoredWaiting(): Promise<void> {
    this.storedWaitingTimer = null;
    const waiting = this.storedWaiting;
    if (!waiting || this.closed) return;
    await this.flush();
    const bytes = await this.opts.store.dropWaiting(this.name);
    if (this.storedWaiting !== waiting) {
      // Its dependency arrived while the store dropped it: store it again.
      this.storeOnBehalf(waiting.update);
      return;
    }
    this.storedWaiting = null;
    if (bytes > 0) this.opts.log({ level: 'warn', event: 'pending-expired', room: this.name, where: 'stored', bytes });
    // Nothing waited in the store any more: its dependency was stored meanwhile (by another node).
    else await this.reload();
  }

  /** Applies stored data that waited once the document holds what it needs, and relays what it added. */
  private applyStoredWaiting(): void {
    const waiting = this.storedWaiting;
    if (!waiting || !mayApply(this.doc, waiting)) return;
    this.storedWaiting = null;
    const added: Uint8Array[] = [];
    const collect = (u: Uint8Array) => added.push(u);
    this.doc.on('update', collect);
    try {
      Y.applyUpdate(this.doc, waiting.update, REMOTE);
    } finally {
      this.doc.off('update', collect);
    }
    this.storedWaiting = takeWaiting(this.doc);
    if (this.storedWaiting) this.storedWaiting.key = waiting.key;
    else if (this.storedWaitingTimer) clearTimeout(this.storedWaitingTimer);
    for (const update of added) {
      const frame = encodeUpdate(update);
      for (const peer of this.peers) peer.send(frame);
    }
  }

  private logExpired(expired: { bytes: number } | null, where: string): void {
    this.opts.log({ level: 'warn', event: 'pending-expired', room: this.name, where, bytes: expired?.bytes ?? 0 });
  }

  /** The held updates waited too long (or too much is held): pass on what Yjs integrated, drop the rest. */
  private expireWaiting = (): void => {
    if (this.closed || this.broken) return;
    const expired = this.waiting.expire();
    this.logExpired(expired, 'received');
    if (expired) this.publish(expired.update, encodeUpdate(expired.update), null);
  };

  /** Adds a connection once the room is ready and starts the sync handshake. */
  join(peer: RoomPeer): void {
    this.peers.add(peer);
    peer.send(encodeSyncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length) peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
  }

  leave(peer: RoomPeer): void {
    if (!this.peers.delete(peer)) return;
    this.heldAnswers = this.heldAnswers.filter((held) => held.peer !== peer);
    const clients = this.presence.release(peer);
    if (clients.length) awarenessProtocol.removeAwarenessStates(this.awareness, clients, null);
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
        if (this.authors.foreign(peer.user, message.authors) !== null) {
          this.opts.log({ level: 'warn', event: 'update-refused', room: this.name, user: peer.user, reason: 'a client id of another person' });
          peer.close(CLOSE.clientIdTaken);
          return;
        }
        this.applyFrom(peer, message.update, message.kind === 'update' ? message.frame : encodeUpdate(message.update));
        this.authors.claim(peer.user, message.authors);
        return;
      case 'awareness': {
        const accepted = this.presence.accept(peer, message.entries);
        if (!accepted.length) return;
        if (peer.canWrite) this.authors.claim(peer.user, accepted.map((e) => e.clientId));
        awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(accepted), peer);
        return;
      }
      case 'query-awareness':
        peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
        return;
    }
  }

  /** Changes the document on behalf of the server itself (the JSON API); resolves once stored. */
  async change(f: (doc: Y.Doc) => void): Promise<void> {
    await this.catchUp();
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => updates.push(update);
    this.doc.on('update', collect);
    try {
      this.doc.transact(() => f(this.doc), 'server');
    } finally {
      this.doc.off('update', collect);
      for (const update of updates) this.publish(update, encodeUpdate(update), null);
    }
    this.applyStoredWaiting();
    await this.flush();
    if (this.failed || this.broken) throw new StoreError(`could not store the change to "${this.name}"`);
  }

  /** Resolves once every change made so far is stored. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Stores what is pending, compacts, and releases the document. */
  async unload(reason: CloseReason = CLOSE.goingAway): Promise<void> {
    await this.flush();
    this.closeAll(reason);
    const unconfirmed = this.fanout?.close() ?? [];
    if (unconfirmed.length && !this.closed) {
      for (const update of unconfirmed) this.storeOnBehalf(update);
      await this.flush();
    }
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
    this.fanout?.close();
    this.closeAll(reason);
    await this.flush();
    this.dispose();
  }

  /**
   * With several nodes, brings the document up to what the shared store holds (a change another node
   * has stored may still be on its way over the bus), so the JSON API reads and changes on every node
   * what any node has answered for. Alone, the document is always the newest.
   */
  async catchUp(): Promise<void> {
    await this.ready;
    if (this.fanout) await this.reload();
  }

  /** Applies what the store holds that the document lacks. */
  private async reload(): Promise<void> {
    const state = await this.opts.store.load(this.name);
    if (!state) return;
    this.applyRepair(state);
    await this.setAsideStoredWaiting();
  }

  applyRepair(update: Uint8Array): void {
    if (this.closed || this.broken) return;
    let changed: Uint8Array | null = null;
    const onUpdate = (u: Uint8Array) => (changed = u);
    this.doc.on('update', onUpdate);
    try {
      Y.applyUpdate(this.doc, update, REMOTE);
    } catch (err) {
      this.opts.log({ level: 'warn', event: 'remote-update-failed', room: this.name, error: err instanceof Error ? err.message : String(err) });
    } finally {
      this.doc.off('update', onUpdate);
    }
    if (changed) {
      const frame = encodeUpdate(changed);
      for (const peer of this.peers) peer.send(frame);
    }
    this.applyStoredWaiting();
  }

  applyRemote(update: Uint8Array): void {
    if (this.closed || this.broken) return;
    this.checker?.follow(update, REMOTE);
    try {
      Y.applyUpdate(this.doc, update, REMOTE);
    } catch (err) {
      this.opts.log({ level: 'warn', event: 'remote-update-failed', room: this.name, error: err instanceof Error ? err.message : String(err) });
      return;
    }
    const frame = encodeUpdate(update);
    for (const peer of this.peers) peer.send(frame);
    this.applyStoredWaiting();
  }

  applyRemoteAwareness(update: Uint8Array): void {
    if (this.closed) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
  }

  storeOnBehalf(update: Uint8Array): void {
    if (this.closed || this.broken) return;
    this.pending.push(update);
    this.queuedCount++;
    this.writing ??= this.drain();
  }

  deletedElsewhere(): void {
    this.opts.onDeletedElsewhere?.(this);
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
    for (const peer of [...this.peers]) {
      this.leave(peer);
      peer.close(reason);
    }
  }

  private dispose(): void {
    this.checker?.dispose();
    this.fanout?.close();
    this.waiting.dispose();
    if (this.storedWaitingTimer) clearTimeout(this.storedWaitingTimer);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** Applies a client's update, then passes `frame` (the same update) to the other peers and the store. */
  private applyFrom(peer: RoomPeer, update: Uint8Array, frame: Uint8Array): void {
    const policy = this.opts.policy;
    const refused = this.checker?.check(peer.claims, update, peer) ?? null;
    if (policy && refused) {
      // Not applied, passed on or stored; the sender's copy holds what it wrote, so it is closed
      // with a code the stock client does not retry (it would only send the same update again).
      this.opts.log({ level: 'warn', event: 'update-refused', room: this.name, user: peer.user, role: peer.claims.role, reason: refused });
      peer.close(policy.refusal);
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
    if (this.waiting.waiting()) {
      if (!this.waiting.hold(update, frame, peer)) this.expireWaiting();
      return;
    }
    for (const held of this.waiting.release()) this.publish(held.update, held.frame, held.origin);
    this.publish(update, frame, peer);
    this.applyStoredWaiting();
  }

  /** Sends a change to every connection but the one it came from, and queues it for the store. */
  private publish(update: Uint8Array, frame: Uint8Array, origin: RoomPeer | null): void {
    if (this.closed || this.broken) return;
    this.fanout?.sent(update);
    for (const peer of this.peers) if (peer !== origin) peer.send(frame);
    this.pending.push(update);
    this.queuedCount++;
    this.writing ??= this.drain();
  }

  private onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const changed = [...added, ...updated, ...removed];
    for (const id of removed) this.presence.removed(id);
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const frame = encodeAwareness(update);
    for (const peer of this.peers) if (peer !== origin) peer.send(frame);
    if (origin !== REMOTE) this.fanout?.awareness(update);
  };

  private async drain(): Promise<void> {
    try {
      while (this.pending.length && !this.closed) {
        // Appended one by one (the store commits them together), never merged: see replay.ts.
        const batch = this.pending;
        const count = batch.length;
        this.pending = [];
        const mark = this.fanout?.mark ?? 0;
        // What this write covers: the batch's own state, not the document's, which may hold changes
        // another node received and stores.
        const covers = this.opts.traceWrites ? Object.fromEntries(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(Y.mergeUpdates(batch)))) : undefined;
        await Promise.all(batch.map((update) => this.opts.store.appendUpdate(this.name, update)));
        this.fanout?.stored(mark);
        this.storedCount += count;
        this.sendHeldAnswers();
        this.lastModified = new Date().toISOString();
        if (covers) this.opts.log({ level: 'debug', event: 'stored', room: this.name, updates: count, bytes: batch.reduce((n, u) => n + u.byteLength, 0), covers });
        if (++this.writesSinceCompaction >= this.opts.compactEvery) {
          this.writesSinceCompaction = 0;
          await this.opts.store.compact(this.name);
        }
      }
    } catch (err) {
      this.closed = true;
      this.failed = true;
      this.fanout?.close();
      this.heldAnswers = [];
      this.opts.log({ level: 'error', event: 'store-failed', room: this.name, error: err instanceof Error ? err.message : String(err) });
      this.closeAll(CLOSE.storageFailed);
      this.opts.onFailed(this);
    } finally {
      this.writing = null;
    }
  }
}
