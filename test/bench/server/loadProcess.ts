/**
 * The load generator, in its own process so it never shares the server's event loop: N rooms × M
 * clients, E edits per second per room for D milliseconds. In each room one client makes the edits
 * (a Y.Map value set to its send time) and the other M-1 are lean protocol clients that decode each
 * incoming update just enough to read that time, so the generator itself does not become the
 * bottleneck: the server does the same work per connection either way.
 *
 * Every server gets the same client work per edit and per delivery: against the Yjs servers the editor
 * is the stock y-websocket client; against the raw relay (the floor) it is a Y.Doc whose updates go out
 * as the same y-websocket update frames, and the receivers decode them with the same code. Only edits
 * sent inside the measured window count, each once; the generator reports how many edits it actually
 * sent and its own event-loop delay, so a starved generator shows instead of passing as server latency.
 * Prints one JSON line: latency percentiles, deliveries, failures.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebsocketProvider } from 'y-websocket';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { percentile } from '../report';

export type LoadSpec = {
  url: string;
  mode: 'yjs' | 'echo';
  rooms: number;
  clientsPerRoom: number;
  editsPerSecondPerRoom: number;
  durationMs: number;
  roomPrefix: string;
  token?: string;
};
/** Printed as {"phase"} lines when the measured window opens and closes. */
export type LoadPhase = 'measuring' | 'measured';
export type LoadResult = {
  p50: number;
  p99: number;
  /** Deliveries of edits sent inside the measured window (each edit to each receiver once). */
  samples: number;
  deliveriesPerSecond: number;
  expected: number;
  /** Edits sent in the window ÷ edits scheduled: below 1 when the generator's timers fell behind. */
  editRate: number;
  /** The generator's own event-loop delay while measuring (ms): large values mean it, not the server, was late. */
  loopDelayP99: number;
  loopDelayMax: number;
  failedClients: number;
  connectMs: number;
};

// Every provider adds a process 'exit' listener; thousands of clients are the point here.
process.setMaxListeners(0);
const spec = JSON.parse(process.argv[2]!) as LoadSpec;
const WARMUP_MS = 1000;
const latencies: number[] = [];
/** Edits sent from `windowStart` until `windowEnd` are measured (performance.now() times). */
let windowStart = Infinity;
let windowEnd = Infinity;

type Peer = { edit(t: number): void; ready: Promise<boolean>; close(): void };

function yjsEditor(room: string): Peer {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(spec.url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, params: spec.token ? { token: spec.token } : {},
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

/** Records the delivery of an update frame: its send time, if the edit was sent in the window. */
function receivedUpdate(update: Uint8Array): void {
  const t = sendTime(update);
  if (t !== null && t >= windowStart && t < windowEnd) latencies.push(performance.now() - t);
}

function leanReceiver(room: string): Peer {
  const ws = new WebSocket(`${spec.url}/${room}${spec.token ? `?token=${spec.token}` : ''}`);
  let synced: (ok: boolean) => void = () => {};
  // The relay has no handshake: its receivers are ready once connected.
  if (spec.mode === 'echo') ws.on('open', () => synced(true));
  else ws.on('open', () => ws.send(syncFrame(0, EMPTY_STATE_VECTOR)));
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) !== 0) return;
    const step = decoding.readVarUint(d);
    if (step === 0) ws.send(syncFrame(1, EMPTY_UPDATE));
    else if (step === 1) synced(true);
    else if (step === 2) receivedUpdate(decoding.readVarUint8Array(d));
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

/** The editor against the raw relay: the same Y.Doc edit, sent as the same frame the y-websocket client sends. */
function relayEditor(room: string): Peer {
  const doc = new Y.Doc();
  const ws = new WebSocket(`${spec.url}/${room}`);
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

const rooms: Peer[][] = [];
const connectStart = performance.now();
let failed = 0;
for (let r = 0; r < spec.rooms; r++) {
  const peers: Peer[] = [];
  const room = `${spec.roomPrefix}${r}`;
  for (let c = 0; c < spec.clientsPerRoom; c++) peers.push(c > 0 ? leanReceiver(room) : spec.mode === 'echo' ? relayEditor(room) : yjsEditor(room));
  rooms.push(peers);
  // Connect in batches so the probe measures held clients, not a connection storm.
  if (r % 10 === 9) failed += (await Promise.all(rooms.slice(-10).flat().map((p) => p.ready))).filter((ok) => !ok).length;
}
failed += (await Promise.all(rooms.slice(rooms.length - (spec.rooms % 10)).flat().map((p) => p.ready))).filter((ok) => !ok).length;
const connectMs = performance.now() - connectStart;

let edits = 0;
const timers = rooms.map((peers, i) => {
  const start = () => setInterval(() => {
    const t = performance.now();
    peers[0]!.edit(t);
    if (t >= windowStart && t < windowEnd) edits++;
  }, 1000 / spec.editsPerSecondPerRoom);
  // Spread the rooms' ticks over one interval.
  return new Promise<NodeJS.Timeout>((r) => setTimeout(() => r(start()), (i / rooms.length) * (1000 / spec.editsPerSecondPerRoom)));
});
// One second of edits warms both ends up (JIT, first writes) before anything is measured.
await new Promise((r) => setTimeout(r, WARMUP_MS));
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();
const say = (m: object) => process.stdout.write(JSON.stringify(m) + '\n');
say({ phase: 'measuring' });
windowStart = performance.now();
windowEnd = windowStart + spec.durationMs;
await new Promise((r) => setTimeout(r, spec.durationMs));
loopDelay.disable();
say({ phase: 'measured' });
for (const t of await Promise.all(timers)) clearInterval(t);
// Edits sent near the end of the window still arrive: wait for them.
await new Promise((r) => setTimeout(r, 1000));
const expected = edits * (spec.clientsPerRoom - 1);
const result: LoadResult = {
  p50: percentile(latencies, 50),
  p99: percentile(latencies, 99),
  samples: latencies.length,
  deliveriesPerSecond: latencies.length / (spec.durationMs / 1000),
  expected,
  editRate: edits / (spec.rooms * spec.editsPerSecondPerRoom * (spec.durationMs / 1000)),
  loopDelayP99: loopDelay.percentile(99) / 1e6,
  loopDelayMax: loopDelay.max / 1e6,
  failedClients: failed,
  connectMs,
};
say(result);
for (const peers of rooms) for (const p of peers) p.close();
setTimeout(() => process.exit(0), 200).unref();
