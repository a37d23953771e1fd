/**
 * Links one room to the same room on the other nodes over a RoomBus (docs/scaling.md).
 *
 * - A change a client made here is published at once (`update`, numbered per node and room) and
 *   stored here only; once the write has committed the node says so: in its next `update`, or in a
 *   `stored` of its own when none follows within `ackMs`.
 * - A change heard from another node is applied and relayed to this node's clients, and held until
 *   its node says it is stored. A node that dies before storing it never says so: after `holdMs`
 *   (or when the room unloads) this node stores the held change itself. Yjs updates are idempotent,
 *   so the rare second copy costs bytes, never content.
 * - The bus may lose messages. A gap in a node's numbers, or a `stored` beyond what was heard, makes
 *   this node publish its state; so does a room that just loaded, and every room that changed, once
 *   every `repairMs` (and every `5 × repairMs` regardless), which covers a lost last message. A node
 *   that sees a state lacking anything it holds answers with a `repair` addressed to that node only
 *   (a repair to everyone would carry deletions to nodes without the content they refer to).
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { type Log } from '../log';
import { type FanoutHost, type RoomFanout, type RoomFanoutFactory } from '../room';
import { decodeBusMessage, encodeBusMessage, type BusMessage } from './busMessages';
import { type RoomBus } from './roomBus';

export type RoomLinkOptions = {
  log: Log;
  /** How often a changed room publishes its state (ms); default 1000. */
  repairMs?: number;
  /** How long a change heard from another node waits for its `stored` before this node stores it (ms); default 5000. */
  holdMs?: number;
  /** How long a committed write waits for an `update` to carry its `stored` before one is sent alone (ms); default 100. */
  ackMs?: number;
};

type Held = { from: string; seq: number; update: Uint8Array; at: number };

/** A digest of the document's deletions: two nodes with the same state vector can still differ there. */
function deleteSetDigest(doc: Y.Doc): string {
  return createHash('sha1').update(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc))).digest('base64url');
}

/** True when `a` has a clock beyond `b`'s for any client. */
function hasBeyond(a: Map<number, number>, b: Map<number, number>): boolean {
  for (const [client, clock] of a) if (clock > (b.get(client) ?? 0)) return true;
  return false;
}

export function roomLinks(bus: RoomBus, { log, repairMs = 1000, holdMs = 5000, ackMs = 100 }: RoomLinkOptions): RoomFanoutFactory {
  const me = bus.nodeId;
  const attach = (host: FanoutHost): RoomFanout => {
    let seq = 0;
    let storedSeq = 0;
    let ackTimer: NodeJS.Timeout | null = null;
    let closed = false;
    let changed = true;
    let lastStateAt = 0;
    const heard = new Map<string, number>();
    let held: Held[] = [];
    let unsubscribe: (() => void) | null = null;

    const send = (m: BusMessage) => {
      if (!closed) bus.publish(host.name, encodeBusMessage(m));
    };
    const sendState = (reply: boolean) => {
      lastStateAt = Date.now();
      changed = false;
      send({ kind: 'state', from: me, seq, stateVector: Y.encodeStateVector(host.doc), digest: deleteSetDigest(host.doc), reply });
    };
    /** Records the newest number heard from `from`; true when numbers were skipped (a message was lost). */
    const heardUpTo = (from: string, n: number, isUpdate: boolean): boolean => {
      const last = heard.get(from);
      heard.set(from, Math.max(last ?? 0, n));
      if (last === undefined) return false;
      return isUpdate ? n > last + 1 : n > last;
    };

    const confirmed = (from: string, seq: number) => {
      if (held.length) held = held.filter((h) => h.from !== from || h.seq > seq);
    };

    const receive = (m: BusMessage) => {
      if (closed || m.from === me) return;
      switch (m.kind) {
        case 'update':
          if (heardUpTo(m.from, m.seq, true)) sendState(false);
          confirmed(m.from, m.stored);
          host.applyRemote(m.update);
          held.push({ from: m.from, seq: m.seq, update: m.update, at: Date.now() });
          changed = true;
          return;
        case 'stored':
          confirmed(m.from, m.seq);
          if (heardUpTo(m.from, m.seq, false)) sendState(false);
          return;
        case 'awareness':
          host.applyRemoteAwareness(m.update);
          return;
        case 'state': {
          const missed = (heard.get(m.from) ?? 0) < m.seq;
          heard.set(m.from, Math.max(heard.get(m.from) ?? 0, m.seq));
          const theirs = Y.decodeStateVector(m.stateVector);
          const mine = Y.decodeStateVector(Y.encodeStateVector(host.doc));
          const differ = m.digest !== deleteSetDigest(host.doc);
          if (differ || hasBeyond(mine, theirs)) send({ kind: 'repair', from: me, to: m.from, update: Y.encodeStateAsUpdate(host.doc, m.stateVector) });
          if (!m.reply && (differ || missed || hasBeyond(theirs, mine))) sendState(true);
          return;
        }
        case 'repair':
          if (m.to !== me) return;
          host.applyRepair(m.update);
          changed = true;
          return;
        case 'deleted':
          host.deletedElsewhere();
          return;
      }
    };

    const tick = setInterval(() => {
      const now = Date.now();
      const overdue = held.filter((h) => now - h.at >= holdMs);
      if (overdue.length) {
        held = held.filter((h) => now - h.at < holdMs);
        log({ level: 'warn', event: 'stored-on-behalf', room: host.name, updates: overdue.length, nodes: [...new Set(overdue.map((h) => h.from))] });
        for (const h of overdue) host.storeOnBehalf(h.update);
      }
      if (changed || now - lastStateAt >= 5 * repairMs) sendState(false);
    }, repairMs);
    tick.unref();

    const ready = bus
      .subscribe(host.name, (bytes) => {
        let m: BusMessage;
        try {
          m = decodeBusMessage(bytes);
        } catch (err) {
          log({ level: 'warn', event: 'bus-message-dropped', room: host.name, error: err instanceof Error ? err.message : String(err) });
          return;
        }
        receive(m);
      })
      .then((off) => {
        if (closed) off();
        else unsubscribe = off;
      });

    return {
      ready,
      loaded: () => sendState(false),
      sent(update) {
        seq++;
        changed = true;
        send({ kind: 'update', from: me, seq, stored: storedSeq, update });
        if (ackTimer) {
          clearTimeout(ackTimer);
          ackTimer = null;
        }
      },
      get mark() {
        return seq;
      },
      stored(mark) {
        if (mark <= storedSeq) return;
        storedSeq = mark;
        ackTimer ??= setTimeout(() => {
          ackTimer = null;
          send({ kind: 'stored', from: me, seq: storedSeq });
        }, ackMs);
      },
      awareness(update) {
        send({ kind: 'awareness', from: me, update });
      },
      close() {
        if (closed) return [];
        if (ackTimer) {
          clearTimeout(ackTimer);
          ackTimer = null;
          send({ kind: 'stored', from: me, seq: storedSeq });
        }
        closed = true;
        clearInterval(tick);
        unsubscribe?.();
        const unconfirmed = held.map((h) => h.update);
        held = [];
        return unconfirmed;
      },
    };
  };
  return {
    attach,
    deleted: (name) => bus.publish(name, encodeBusMessage({ kind: 'deleted', from: me })),
  };
}
