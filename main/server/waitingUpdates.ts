/**
 * Updates that Yjs could not integrate whole because they build on changes the server does not have
 * yet. They are held back — neither passed on nor stored — until a later update supplies what they
 * need (a client reconnecting after a server crash can send a fresh edit just before the sync step 2
 * it builds on), and expire after `expireMs` or once they hold more than `maxBytes`: then what Yjs
 * did integrate is passed on and stored, and the rest is dropped, so nothing that can never show rides
 * along every sync.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export type WaitingLimits = { pendingExpiryMs: number; maxPendingBytes: number };

export class WaitingUpdates<P> {
  private held: { update: Uint8Array; frame: Uint8Array; origin: P }[] = [];
  private bytes = 0;
  /** Per client, the clock from which the held updates may have integrated something. */
  private since = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly doc: Y.Doc, private readonly limits: WaitingLimits, private readonly onExpired: () => void) {}

  get size(): number {
    return this.held.length;
  }

  /** Whether the document holds changes that wait for others. */
  waiting(): boolean {
    return this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
  }

  /** `sv` (the document's state vector) without what the held updates integrated: what can count as passed on. */
  withoutHeld(sv: Map<number, number>): Map<number, number> {
    if (!this.held.length) return sv;
    const out = new Map(sv);
    for (const [client, clock] of this.since) out.set(client, Math.min(clock, sv.get(client) ?? 0));
    return out;
  }

  /** Holds an update just applied that left the document waiting; false once over `maxBytes` (expire now). */
  hold(update: Uint8Array, frame: Uint8Array, origin: P): boolean {
    const sv = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    for (const [client, clock] of Y.parseUpdateMeta(update).from) {
      this.since.set(client, Math.min(this.since.get(client) ?? Infinity, clock, sv.get(client) ?? 0));
    }
    this.held.push({ update, frame, origin });
    this.bytes += update.byteLength;
    this.timer ??= setTimeout(() => this.onExpired(), this.limits.pendingExpiryMs);
    this.timer.unref();
    return this.bytes <= this.limits.maxPendingBytes;
  }

  /** The document no longer waits: every held update, in order, to pass on and store. */
  release(): { update: Uint8Array; frame: Uint8Array; origin: P }[] {
    const held = this.held;
    this.reset();
    return held;
  }

  /** Drops what still waits; returns what the held updates did integrate, as one update (null if nothing). */
  expire(): { update: Uint8Array; bytes: number } | null {
    const bytes = (this.doc.store.pendingStructs?.update.byteLength ?? 0) + (this.doc.store.pendingDs?.byteLength ?? 0);
    this.doc.store.pendingStructs = null;
    this.doc.store.pendingDs = null;
    const since = this.since;
    const hadHeld = this.held.length > 0;
    this.reset();
    if (!hadHeld) return null;
    const sv = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    const from = new Map<number, number>();
    for (const [client, clock] of sv) from.set(client, Math.min(clock, since.get(client) ?? clock));
    const update = Y.encodeStateAsUpdate(this.doc, encodeStateVector(from));
    return { update, bytes };
  }

  dispose(): void {
    this.reset();
  }

  private reset(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.held = [];
    this.bytes = 0;
    this.since = new Map();
  }
}

/** A state vector in Yjs' encoding (Yjs exports no encoder for a bare map). */
function encodeStateVector(sv: Map<number, number>): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, sv.size);
  for (const [client, clock] of sv) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
  }
  return encoding.toUint8Array(e);
}
