/**
 * A sync server under benchmark, in its own process: `ours` (main/server), `stock` (@y/websocket-server
 * 0.1.1's setupWSConnection, in memory) or `echo` (a raw ws relay to the other sockets of the same
 * path: the floor). Prints {"port"} as a JSON line, then answers the stdin lines `rss` (its RSS after
 * a GC, as {"rss"}), `cpu` (CPU time used so far, user + system, in ms, as {"cpu"}) and `stop`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { WebSocketServer, type WebSocket } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
import { startSyncServer } from '../../../main/server/index';
import { BENCH_SECRET, type ServerKind } from './processes';

async function start(kind: ServerKind): Promise<{ port: number; close(): Promise<void> }> {
  if (kind === 'ours') {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
    const server = await startSyncServer({ port: 0, dataDir, secret: BENCH_SECRET, log: () => {} });
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

const server = await start(process.argv[2] as ServerKind);
const say = (m: object) => process.stdout.write(JSON.stringify(m) + '\n');
say({ port: server.port });
createInterface({ input: process.stdin }).on('line', (cmd) => {
  if (cmd === 'rss') {
    (globalThis as { gc?: () => void }).gc?.();
    say({ rss: process.memoryUsage().rss });
  } else if (cmd === 'cpu') {
    const { user, system } = process.cpuUsage();
    say({ cpu: (user + system) / 1000 });
  } else if (cmd === 'stop') {
    void server.close().then(() => process.exit(0));
  }
});
