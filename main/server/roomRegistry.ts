/**
 * The rooms currently in memory. A room is loaded on first use, held by its connections and API
 * calls, and unloaded (after storing everything) once nobody has held it for `idleMs`. A room being
 * unloaded finishes its writes before the same document can be loaded again.
 */
import { type DocStore } from './docStore';
import { type Log } from './log';
import { Room, type RoomFanoutFactory } from './room';
import { type PresenceLimits } from './presence';
import { CLOSE, type CloseReason } from './closeCodes';
import { roomPolicy, type SidePolicies } from './sidePolicies';
import type * as Y from 'yjs';

export type RoomRegistryOptions = {
  store: DocStore;
  log: Log;
  idleMs: number;
  compactEvery: number;
  traceWrites: boolean;
  /** Links each room to the same room on other nodes (several nodes, docs/scaling.md). */
  fanout?: RoomFanoutFactory;
  presence?: PresenceLimits;
  /** Replaces the write policy of kinds of documents beside a plan (default: sidePolicies.ts). */
  policies?: SidePolicies;
};

export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<Room, NodeJS.Timeout>();

  constructor(private readonly opts: RoomRegistryOptions) {}

  get size(): number {
    return this.rooms.size;
  }

  get(name: string): Room | undefined {
    return this.rooms.get(name);
  }

  /** The room of `name`, loading it if needed; the caller must `release` it. */
  acquire(name: string): Room {
    let room = this.rooms.get(name);
    if (!room) {
      room = new Room(name, {
        ...this.opts,
        policy: roomPolicy(name, this.opts.policies),
        onFailed: (r) => this.forget(r),
        onBroken: (r) => void this.unload(r),
        onDeletedElsewhere: (r) => {
          this.forget(r);
          void r.discard(CLOSE.deleted);
        },
      }, this.unloading.get(name));
      this.rooms.set(name, room);
      const loading = room;
      loading.ready.catch((err: unknown) => {
        this.opts.log({ level: 'error', event: 'room-load-failed', room: name, error: String(err) });
        this.forget(loading);
      });
    }
    room.holds++;
    const timer = this.idleTimers.get(room);
    if (timer) {
      clearTimeout(timer);
      this.idleTimers.delete(room);
    }
    return room;
  }

  release(room: Room): void {
    room.holds--;
    if (room.holds > 0 || this.rooms.get(room.name) !== room) return;
    const timer = setTimeout(() => void this.unload(room), this.opts.idleMs);
    timer.unref();
    this.idleTimers.set(room, timer);
  }

  /** Runs `f` on the document (loaded if needed) and resolves once the change is stored. */
  async change(name: string, f: (doc: Y.Doc) => void): Promise<void> {
    const room = this.acquire(name);
    try {
      await room.change(f);
    } finally {
      this.release(room);
    }
  }

  /** Reads the document (loaded if needed). */
  async read<T>(name: string, f: (doc: Y.Doc) => T): Promise<T> {
    const room = this.acquire(name);
    try {
      await room.catchUp();
      return f(room.doc);
    } finally {
      this.release(room);
    }
  }

  /** Disconnects everyone from the document and removes it from memory and from the store. */
  async delete(name: string): Promise<void> {
    const room = this.rooms.get(name);
    if (room) {
      this.forget(room);
      await room.discard(CLOSE.deleted);
    }
    await this.unloading.get(name);
    this.opts.fanout?.deleted(name);
    await this.opts.store.delete(name);
  }

  /** Stores everything and unloads every room (graceful shutdown, or an engine the rooms need is down). */
  async closeAll(reason?: CloseReason): Promise<void> {
    await Promise.all([...this.rooms.values()].map((room) => this.unload(room, reason)));
    await Promise.all(this.unloading.values());
  }

  private forget(room: Room): void {
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    const timer = this.idleTimers.get(room);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(room);
  }

  private unload(room: Room, reason?: CloseReason): Promise<void> {
    if (this.rooms.get(room.name) !== room) return this.unloading.get(room.name) ?? Promise.resolve();
    this.forget(room);
    const done = room.ready
      .catch(() => {})
      .then(() => room.unload(reason))
      .catch((err: unknown) => this.opts.log({ level: 'error', event: 'unload-failed', room: room.name, error: String(err) }))
      .finally(() => {
        if (this.unloading.get(room.name) === done) this.unloading.delete(room.name);
        this.opts.log({ level: 'debug', event: 'room-unloaded', room: room.name });
      });
    this.unloading.set(room.name, done);
    return done;
  }
}
