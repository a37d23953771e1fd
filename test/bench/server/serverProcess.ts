/**
 * A sync server under benchmark, in its own process: `ours` (main/server), `stock` (@y/websocket-server
 * 0.1.1's setupWSConnection, in memory) or `echo` (a raw ws relay to the other sockets of the same
 * path: the floor). Prints {"port"} as a JSON line, then answers the stdin lines `rss` (after a GC: its
 * RSS, and what JavaScript retains, heap used + external buffers, as {"rss"}), `stats` (what the process did since the previous `stats`, as {"stats"}) and `stop`.
 *
 * Every kind is measured the same way: CPU time of all its threads, garbage collections, and the time
 * its event loop spends handling each incoming frame (ws's `message` event, timed around the call, so
 * whatever the server does synchronously per frame — decode, apply, fan-out — is inside it).
 * BENCH_OURS_STORE=memory runs `ours` on an in-memory store (to see what LevelDB costs);
 * BENCH_OURS_POSTGRES=<url> on PostgreSQL, and BENCH_OURS_REDIS=<url> as one node of several.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { setupWSConnection } from '@y/websocket-server/utils';
import { type DocStore } from '../../../main/server/docStore';
import { connectRedisBus } from '../../../main/server/fanout/redisBus';
import { startSyncServer } from '../../../main/server/index';
import { openPgDocStore } from '../../../main/server/pgDocStore';
import { percentile } from '../report';
import { BENCH_SECRET, type ServerKind, type ServerStats } from './processes';

/** Keeps appended updates in memory and nothing else: ours without storage costs. */
function memoryStore(): DocStore {
  const docs = new Map<string, Uint8Array[]>();
  return {
    load: async (name) => (docs.get(name)?.length ? Y.mergeUpdates(docs.get(name)!) : null),
    appendUpdate: async (name, update) => {
      docs.set(name, [...(docs.get(name) ?? []), update]);
    },
    compact: async () => {},
    setLastModified: async () => {},
    noteWaiting: async (_name, _key, at) => at,
    dropWaiting: async () => 0,
    list: async () => [],
    delete: async (name) => {
      docs.delete(name);
    },
    close: async () => {},
  };
}

async function start(kind: ServerKind): Promise<{ port: number; close(): Promise<void> }> {
  if (kind === 'ours') {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
    const { BENCH_OURS_STORE, BENCH_OURS_POSTGRES, BENCH_OURS_REDIS } = process.env;
    const store = BENCH_OURS_STORE === 'memory' ? memoryStore() : BENCH_OURS_POSTGRES ? await openPgDocStore({ url: BENCH_OURS_POSTGRES }) : undefined;
    const bus = BENCH_OURS_REDIS ? await connectRedisBus({ url: BENCH_OURS_REDIS, log: () => {} }) : undefined;
    const server = await startSyncServer({ port: 0, dataDir, secret: BENCH_SECRET, log: () => {}, store, bus });
    return { port: server.port, close: async () => { await server.close(); rmSync(dataDir, { recursive: true, force: true }); } };
  }
  const http = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server: http });
  if (kind === 'stock') {
    wss.on('connection', (ws, req) => setupWSConnection(ws, req, { docName: (req.url ?? '/').slice(1).split('?')[0] }));
  } else {
    const rooms = new Map<string, Set<WebSocket>>();
    wss.on('connection', (ws, req) => {
      const name = (req.url ?? '/').split('?')[0]!;
      let peers = rooms.get(name);
      if (!peers) rooms.set(name, (peers = new Set()));
      peers.add(ws);
      ws.on('message', (data, isBinary) => {
        for (const p of peers) if (p !== ws && p.readyState === p.OPEN) p.send(data, { binary: isBinary });
      });
      ws.on('close', () => peers.delete(ws));
    });
  }
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  return { port: (http.address() as { port: number }).port, close: async () => { wss.close(); http.closeAllConnections(); http.close(); } };
}

let handling: number[] = [];
const emit = WebSocket.prototype.emit;
WebSocket.prototype.emit = function timedEmit(this: WebSocket, event: string | symbol, ...args: unknown[]): boolean {
  if (event !== 'message') return emit.call(this, event, ...args);
  const t = performance.now();
  const listened = emit.call(this, event, ...args);
  handling.push(performance.now() - t);
  return listened;
};
let gcs: number[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push(e.duration);
}).observe({ entryTypes: ['gc'] });
let cpuBefore = 0;

function stats(): ServerStats {
  const { user, system } = process.cpuUsage();
  const cpu = (user + system) / 1000;
  const s: ServerStats = {
    cpuMs: cpu - cpuBefore,
    gcCount: gcs.length,
    gcMs: gcs.reduce((a, b) => a + b, 0),
    gcMaxMs: gcs.length ? Math.max(...gcs) : 0,
    frames: handling.length,
    handlingP50: percentile(handling, 50),
    handlingP99: percentile(handling, 99),
    handlingMax: handling.length ? Math.max(...handling) : 0,
  };
  cpuBefore = cpu;
  gcs = [];
  handling = [];
  return s;
}

const server = await start(process.argv[2] as ServerKind);
const say = (m: object) => process.stdout.write(JSON.stringify(m) + '\n');
say({ port: server.port });
createInterface({ input: process.stdin }).on('line', (cmd) => {
  if (cmd === 'rss') {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    say({ rss: { rss: m.rss, retained: m.heapUsed + m.external } });
  } else if (cmd === 'stats') {
    say({ stats: stats() });
  } else if (cmd === 'stop') {
    void server.close().then(() => process.exit(0));
  }
});
