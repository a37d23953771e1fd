/**
 * The Tandem sync server: the y-websocket protocol for every room `<workspaceId>/<docId>`, durable
 * storage behind DocStore (LevelDB by default), signed workspace tokens, the JSON API of the browser
 * host, the built browser UI and /healthz — on one HTTP port, bound to 127.0.0.1 unless told otherwise.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { type PlanTemplate } from '../../shared/templates/templateSchema';
import { initWorkspaceDoc, WORKSPACE_DOC_ID } from '../../shared/model/workspaceDoc';
import { launchLink } from '../../shared/sync/launchKey';
import { roomName } from '../../shared/sync/rooms';
import { CLOSE } from './closeCodes';
import { serveConnection, type ConnectionLimits } from './connection';
import { type DocStore } from './docStore';
import { handleApi, sendJson, type WebSession } from './httpApi';
import { openLevelDocStore } from './levelDocStore';
import { truncatedLogTails } from './levelLogTail';
import { watchStore } from './storeHealth';
import { jsonLineLog, type Log } from './log';
import { RoomRegistry } from './roomRegistry';
import { SECURITY_HEADERS, serveStatic } from './staticFiles';
import { newLaunchKey, WebGuard } from './webGuard';
import { type WorkspacePlans } from './workspacePlans';

export { createToken, verifyToken, TokenError } from './tokens';
export type { LogEntry } from './log';

export type SyncServerOptions = {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Where the LevelDB store lives (ignored when `store` is given). */
  dataDir: string;
  /** Signs and verifies the workspace tokens (at least 16 characters). */
  secret: string;
  /** Serves the built browser UI from this folder. */
  staticDir?: string;
  /**
   * Web mode: the browser that opened `launchUrl` may GET /api/session for an editor token of this
   * workspace; requests for another Host, and upgrades from another Origin, are refused (webGuard.ts).
   * `launchKey`: default a fresh one per start; null asks for none (tests that open the UI directly).
   */
  web?: { workspaceId: string; workspaceName?: string; userName?: string; launchKey?: string | null };
  log?: Log;
  /** Another DocStore (see docs/scaling.md); default LevelDB in `dataDir`. */
  store?: DocStore;
  /** Templates offered by the JSON API; default templates/*.json. */
  templates?: () => Promise<PlanTemplate[]>;
  limits?: Partial<ServerLimits>;
};

export type ServerLimits = ConnectionLimits & {
  /** Frames larger than this close the connection with 1009. */
  maxFrameBytes: number;
  /** A room nobody uses is stored, compacted and unloaded after this long. */
  idleRoomMs: number;
  /** Compact a document after this many stored writes. */
  compactEvery: number;
  /** Log each completed write with the state it covers (debug). */
  traceWrites: boolean;
};

export const DEFAULT_LIMITS: ServerLimits = {
  maxFrameBytes: 16 * 1024 * 1024,
  messagesPerSecond: 300,
  messageBurst: 1000,
  idleRoomMs: 30_000,
  compactEvery: 500,
  traceWrites: false,
};

export type SyncServer = {
  /** http://host:port */
  url: string;
  /** ws://host:port */
  wsUrl: string;
  port: number;
  /** Web mode: the address to open in the browser, with the per-launch key (`<url>/#launch=<key>`). */
  launchUrl: string | null;
  /** Stops accepting, disconnects clients (1001), stores everything and closes the store. */
  close(): Promise<void>;
};

export async function startSyncServer(opts: SyncServerOptions): Promise<SyncServer> {
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log ?? jsonLineLog();
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const levelDir = join(opts.dataDir, 'docs');
  const droppedLogBytes = opts.store ? [] : truncatedLogTails(levelDir);
  for (const tail of droppedLogBytes) log({ level: 'warn', event: 'store-log-truncated', ...tail, detail: 'the end of a write-ahead log was cut short (a crash mid-write); replayed up to its last whole record' });
  const watched = watchStore(opts.store ?? openLevelDocStore(levelDir));
  const store = watched.store;
  await store.opened?.();
  const registry = new RoomRegistry({ store, log, idleMs: limits.idleRoomMs, compactEvery: limits.compactEvery, traceWrites: limits.traceWrites });
  // The plan operations (templates, Slate ↔ Yjs) load on the first API call: the sync path never
  // needs them, and a server restarting after a crash is back sooner without them.
  let plansLoaded: Promise<WorkspacePlans> | null = null;
  const plans = () => (plansLoaded ??= (async () => {
    const { WorkspacePlans } = await import('./workspacePlans');
    const templates = opts.templates ?? (async () => (await import('../templates/loadTemplates')).loadTemplates());
    return new WorkspacePlans(registry, store, templates, log);
  })());
  const launchKey = opts.web?.launchKey === undefined ? newLaunchKey() : opts.web.launchKey;
  const web: WebSession | null = opts.web
    ? { workspaceId: opts.web.workspaceId, workspaceName: opts.web.workspaceName ?? 'My workspace', userName: opts.web.userName ?? 'Me', guard: new WebGuard(launchKey) }
    : null;
  if (web) {
    const { workspaceId, workspaceName } = web;
    await registry.change(roomName(workspaceId, WORKSPACE_DOC_ID), (doc) => initWorkspaceDoc(doc, { id: workspaceId, name: workspaceName }));
  }

  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes });
  const ctx = {
    registry, secret: opts.secret, log, limits,
    onOpen: (ws: WebSocket) => sockets.add(ws),
    onClose: (ws: WebSocket) => sockets.delete(ws),
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    for (const [header, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(header, value);
    const refused = web?.guard.refuseRequest(req, false);
    if (refused) return sendJson(res, 403, { error: { code: 'forbidden', message: refused } });
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/healthz') {
      const health = watched.health();
      return sendJson(res, health.ok ? 200 : 503, { ok: health.ok, rooms: registry.size, connections: sockets.size, store: { ...health, droppedLogBytes } });
    }
    if (path === '/api' || path.startsWith('/api/')) return handleApi(req, res, path, { secret: opts.secret, plans, web });
    if (opts.staticDir) return serveStatic(req, res, opts.staticDir, path);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
  };
  const http = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log({ level: 'error', event: 'http-failed', path: req.url, error: String(err) });
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'failed', message: 'internal error' } });
      else res.destroy();
    });
  });
  http.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const refused = web?.guard.refuseRequest(req, true);
    if (refused) {
      log({ level: 'warn', event: 'upgrade-refused', path: req.url, detail: refused });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveConnection(ws, req, ctx));
  });

  await new Promise<void>((resolveListen, reject) => {
    http.once('error', reject);
    http.listen(opts.port ?? 0, host, () => {
      http.off('error', reject);
      resolveListen();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  web?.guard.listening(shown, port);
  log({ level: 'info', event: 'listening', url: `http://${shown}:${port}`, dataDir: opts.dataDir, web: web?.workspaceId ?? null });

  let closing: Promise<void> | null = null;
  return {
    url: `http://${shown}:${port}`,
    launchUrl: web && launchKey !== null ? launchLink(`http://${shown}:${port}`, launchKey) : web ? `http://${shown}:${port}/` : null,
    wsUrl: `ws://${shown}:${port}`,
    port,
    close: () => (closing ??= (async () => {
      http.close();
      for (const ws of sockets) ws.close(CLOSE.goingAway.code, CLOSE.goingAway.reason);
      await registry.closeAll();
      await store.close();
      for (const ws of sockets) ws.terminate();
      http.closeAllConnections();
      await new Promise<void>((r) => wss.close(() => r()));
      log({ level: 'info', event: 'stopped' });
    })()),
  };
}
