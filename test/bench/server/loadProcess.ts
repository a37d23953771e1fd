/**
 * The load generator, in its own process so it never shares a server's event loop: N rooms × M
 * clients on each target server, E edits per second per room. In each room one client makes the edits
 * (a Y.Map value set to its send time) and the other M-1 are lean protocol clients that decode each
 * incoming update just enough to read that time, so the generator itself does not become the
 * bottleneck: the server does the same work per connection either way.
 *
 * Every server gets the same client work per edit and per delivery: against the Yjs servers the editor
 * is the stock y-websocket client; against the raw relay (the floor) it is a Y.Doc whose updates go out
 * as the same y-websocket update frames, and the receivers decode them with the same code.
 *
 * With several targets, all are connected at once and the edits go to one target at a time, taking
 * turns in slices of `sliceMs`, until each has had `durationMs` of edits: on a shared machine a noisy
 * moment then hits every server alike, instead of whichever one happened to be running. Only edits sent
 * in a target's measured slices count, each once; the generator reports how many edits it actually sent
 * and its own event-loop delay, so a starved generator shows instead of passing as server latency.
 * Prints {"phase"} lines when measuring starts and ends, then one JSON line: a LoadResult per target.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebsocketProvider } from 'y-websocket';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { percentile } from '../report';

/** `spread`: the clients of each room connect to these servers in turn (editor to the first), instead of all to `url`. */
export type LoadTarget = { url: string; mode: 'yjs' | 'echo'; token?: string; spread?: string[] };
export type LoadSpec = {
  targets: LoadTarget[];
  rooms: number;
  clientsPerRoom: number;
  editsPerSecondPerRoom: number;
  /** Measured edit time per target. */
  durationMs: number;
  /** Length of one target's turn; default durationMs (one turn each). */
  sliceMs?: number;
  roomPrefix: string;
};
/** Printed as {"phase"} lines when the measured window opens and closes. */
export type LoadPhase = 'measuring' | 'measured';
export type LoadResult = {
  p50: number;
  p99: number;
  /** Deliveries of edits sent in the target's measured slices (each edit to each receiver once). */
  samples: number;
  deliveriesPerSecond: number;
  expected: number;
  /** Edits sent ÷ edits scheduled in those slices: below 1 when the generator's timers fell behind. */
  editRate: number;
  /** The generator's own event-loop delay while measuring (ms): large values mean it, not the server, was late. */
  loopDelayP99: number;
  loopDelayMax: number;
  failedClients: number;
  connectMs: number;
};

// Every provider adds a process 'exit' listener; thousands of clients are the point here.
process.setMaxListeners(0);
// y-websocket's resync timer reads the global WebSocket's constants, which Node 20 does not have.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
const spec = JSON.parse(process.argv[2]!) as LoadSpec;
const WARMUP_MS = 1000;
const SLICE_MS = spec.sliceMs ?? spec.durationMs;

type Peer = { edit(t: number): void; ready: Promise<boolean>; close(): void };
/** What is recorded for one target. */
type Tally = { latencies: number[]; edits: number; failed: number; connectMs: number };

let measuring = false;

function yjsEditor(target: LoadTarget, room: string): Peer {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(target.url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, params: target.token ? { token: target.token } : {},
    // The client drops a connection that received nothing for 30 s, and an editor receives nothing
    // while others edit: a resync now and then keeps it connected through a long run.
    resyncInterval: 10_000,
  });
  return {
    edit: (t) => doc.getMap('b').set('t', t),
    ready: new Promise((r) => {
      provider.once('sync', () => r(true));
      setTimeout(() => r(false), 60_000).unref();
    }),
    close: () => provider.destroy(),
  };
}

/** The editor against the raw relay: the same Y.Doc edit, sent as the same frame the y-websocket client sends. */
function relayEditor(target: LoadTarget, room: string): Peer {
  const doc = new Y.Doc();
  const ws = new WebSocket(`${target.url}/${room}`);
  doc.on('update', (update: Uint8Array) => {
    if (ws.readyState === ws.OPEN) ws.send(syncFrame(2, update));
  });
  ws.on('error', () => {});
  return {
    edit: (t) => doc.getMap('b').set('t', t),
    ready: new Promise((r) => {
      ws.once('open', () => r(true));
      ws.once('error', () => r(false));
    }),
    close: () => ws.close(),
  };
}

const syncFrame = (step: number, payload: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
};
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

/** The send time carried by an editor's update (the number it set), or null. */
function sendTime(update: Uint8Array): number | null {
  for (const s of Y.decodeUpdate(update).structs) {
    const arr = (s as { content?: { arr?: unknown[] } }).content?.arr;
    if (arr && typeof arr[0] === 'number') return arr[0];
  }
  return null;
}

function leanReceiver(target: LoadTarget, room: string, tally: Tally): Peer {
  const ws = new WebSocket(`${target.url}/${room}${target.token ? `?token=${target.token}` : ''}`);
  let synced: (ok: boolean) => void = () => {};
  // The relay has no handshake: its receivers are ready once connected.
  if (target.mode === 'echo') ws.on('open', () => synced(true));
  else ws.on('open', () => ws.send(syncFrame(0, EMPTY_STATE_VECTOR)));
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) !== 0) return;
    const step = decoding.readVarUint(d);
    if (step === 0) ws.send(syncFrame(1, EMPTY_UPDATE));
    else if (step === 1) synced(true);
    else if (step === 2) {
      // An edit counts if it was sent while measuring (the editor sends in the measured slices only then).
      const t = sendTime(decoding.readVarUint8Array(d));
      if (t !== null && t >= measuredFrom) tally.latencies.push(performance.now() - t);
    }
  });
  ws.on('error', () => synced(false));
  return {
    edit: () => {},
    ready: new Promise((r) => {
      synced = r;
      setTimeout(() => r(false), 60_000).unref();
    }),
    close: () => ws.close(),
  };
}

/** Connects every room of one target, ten rooms at a time (the probe measures held clients, not a connection storm). */
async function connect(target: LoadTarget, tally: Tally): Promise<Peer[][]> {
  const started = performance.now();
  const rooms: Peer[][] = [];
  for (let r = 0; r < spec.rooms; r++) {
    const room = `${spec.roomPrefix}${r}`;
    const on = (c: number): LoadTarget => (target.spread ? { ...target, url: target.spread[c % target.spread.length]! } : target);
    rooms.push(Array.from({ length: spec.clientsPerRoom }, (_, c) =>
      c > 0 ? leanReceiver(on(c), room, tally) : target.mode === 'echo' ? relayEditor(on(c), room) : yjsEditor(on(c), room)));
    if (r % 10 === 9 || r === spec.rooms - 1) {
      const batch = rooms.slice(Math.floor(r / 10) * 10).flat();
      tally.failed += (await Promise.all(batch.map((p) => p.ready))).filter((ok) => !ok).length;
    }
  }
  tally.connectMs = performance.now() - started;
  return rooms;
}

/** Edits sent before this time (performance.now()) are warm-up and not measured. */
let measuredFrom = Infinity;
const tallies: Tally[] = spec.targets.map(() => ({ latencies: [], edits: 0, failed: 0, connectMs: 0 }));
const targetRooms: Peer[][][] = [];
for (const [i, target] of spec.targets.entries()) targetRooms.push(await connect(target, tallies[i]!));

let active = 0;
const interval = 1000 / spec.editsPerSecondPerRoom;
const timers = Array.from({ length: spec.rooms }, (_, r) =>
  // Spread the rooms' ticks over one interval.
  new Promise<NodeJS.Timeout>((resolve) => setTimeout(() => resolve(setInterval(() => {
    targetRooms[active]![r]![0]!.edit(performance.now());
    if (measuring) tallies[active]!.edits++;
  }, interval)), (r / spec.rooms) * interval)));

/** Gives each target its turns of `SLICE_MS` until each has had `total` ms. */
async function turns(total: number): Promise<void> {
  for (let done = 0; done < total; done += SLICE_MS) {
    for (let i = 0; i < spec.targets.length; i++) {
      active = i;
      await new Promise((r) => setTimeout(r, Math.min(SLICE_MS, total - done)));
    }
  }
}

const say = (m: object) => process.stdout.write(JSON.stringify(m) + '\n');
// Warm-up edits (JIT, first writes on every server) before anything is measured.
await turns(WARMUP_MS);
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();
say({ phase: 'measuring' });
measuring = true;
measuredFrom = performance.now();
await turns(spec.durationMs);
measuring = false;
loopDelay.disable();
say({ phase: 'measured' });
for (const t of await Promise.all(timers)) clearInterval(t);
// Edits sent near the end still arrive: wait for them.
await new Promise((r) => setTimeout(r, 1000));

const results: LoadResult[] = tallies.map((tally) => ({
  p50: percentile(tally.latencies, 50),
  p99: percentile(tally.latencies, 99),
  samples: tally.latencies.length,
  deliveriesPerSecond: tally.latencies.length / (spec.durationMs / 1000),
  expected: tally.edits * (spec.clientsPerRoom - 1),
  editRate: tally.edits / (spec.rooms * spec.editsPerSecondPerRoom * (spec.durationMs / 1000)),
  loopDelayP99: loopDelay.percentile(99) / 1e6,
  loopDelayMax: loopDelay.max / 1e6,
  failedClients: tally.failed,
  connectMs: tally.connectMs,
}));
say({ results });
for (const rooms of targetRooms) for (const peers of rooms) for (const p of peers) p.close();
setTimeout(() => process.exit(0), 200).unref();
