/**
 * The load generator, in its own process so it never shares the server's event loop: N rooms × M
 * clients, E edits per second per room for D milliseconds. In each room one client is the stock
 * y-websocket client and makes the edits (each carries its send time); the other M-1 are lean
 * protocol clients (sync handshake, then they decode each update just enough to read the send time),
 * so the generator itself does not become the bottleneck: the server does the same work per
 * connection either way. Prints one JSON line: latency percentiles, deliveries, failures.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebsocketProvider } from 'y-websocket';
import { performance } from 'node:perf_hooks';

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
export type LoadResult = { p50: number; p99: number; samples: number; deliveriesPerSecond: number; expected: number; failedClients: number; connectMs: number };

// Every provider adds a process 'exit' listener; thousands of clients are the point here.
process.setMaxListeners(0);
const spec = JSON.parse(process.argv[2]!) as LoadSpec;
const WARMUP_MS = 1000;
const latencies: number[] = [];
let measuring = false;

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

function leanReceiver(room: string): Peer {
  const ws = new WebSocket(`${spec.url}/${room}${spec.token ? `?token=${spec.token}` : ''}`);
  let synced: (ok: boolean) => void = () => {};
  ws.on('open', () => ws.send(syncFrame(0, EMPTY_STATE_VECTOR)));
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) !== 0) return;
    const step = decoding.readVarUint(d);
    if (step === 0) ws.send(syncFrame(1, EMPTY_UPDATE));
    else if (step === 1) synced(true);
    else if (step === 2 && measuring) {
      const t = sendTime(decoding.readVarUint8Array(d));
      if (t !== null) latencies.push(performance.now() - t);
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

function echoPeer(room: string): Peer {
  const ws = new WebSocket(`${spec.url}/${room}`);
  ws.on('message', (data: Buffer) => {
    if (measuring) latencies.push(performance.now() - data.readDoubleLE(0));
  });
  ws.on('error', () => {});
  return {
    edit: (t) => {
      const b = Buffer.alloc(8);
      b.writeDoubleLE(t);
      if (ws.readyState === ws.OPEN) ws.send(b);
    },
    ready: new Promise((r) => {
      ws.once('open', () => r(true));
      ws.once('error', () => r(false));
    }),
    close: () => ws.close(),
  };
}

function pct(xs: number[], p: number): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

const rooms: Peer[][] = [];
const connectStart = performance.now();
let failed = 0;
for (let r = 0; r < spec.rooms; r++) {
  const peers: Peer[] = [];
  const room = `${spec.roomPrefix}${r}`;
  for (let c = 0; c < spec.clientsPerRoom; c++) peers.push(spec.mode === 'echo' ? echoPeer(room) : c === 0 ? yjsEditor(room) : leanReceiver(room));
  rooms.push(peers);
  // Connect in batches so the probe measures held clients, not a connection storm.
  if (r % 10 === 9) failed += (await Promise.all(rooms.slice(-10).flat().map((p) => p.ready))).filter((ok) => !ok).length;
}
failed += (await Promise.all(rooms.slice(rooms.length - (spec.rooms % 10)).flat().map((p) => p.ready))).filter((ok) => !ok).length;
const connectMs = performance.now() - connectStart;

let edits = 0;
const timers = rooms.map((peers, i) => {
  const start = () => setInterval(() => {
    peers[0]!.edit(performance.now());
    edits++;
  }, 1000 / spec.editsPerSecondPerRoom);
  // Spread the rooms' ticks over one interval.
  return new Promise<NodeJS.Timeout>((r) => setTimeout(() => r(start()), (i / rooms.length) * (1000 / spec.editsPerSecondPerRoom)));
});
// One second of edits warms both ends up (JIT, first writes) before anything is measured.
await new Promise((r) => setTimeout(r, WARMUP_MS));
measuring = true;
edits = 0;
const started = performance.now();
await new Promise((r) => setTimeout(r, spec.durationMs));
for (const t of await Promise.all(timers)) clearInterval(t);
const seconds = (performance.now() - started) / 1000;
await new Promise((r) => setTimeout(r, 1000));
measuring = false;
const result: LoadResult = {
  p50: pct(latencies, 50),
  p99: pct(latencies, 99),
  samples: latencies.length,
  deliveriesPerSecond: latencies.length / seconds,
  expected: edits * (spec.clientsPerRoom - 1),
  failedClients: failed,
  connectMs,
};
process.stdout.write(JSON.stringify(result) + '\n');
for (const peers of rooms) for (const p of peers) p.close();
setTimeout(() => process.exit(0), 200).unref();
