/**
 * The Tandem sync server: the y-websocket protocol for every room `<workspaceId>/<docId>`, durable
 * storage behind DocStore (LevelDB by default), signed workspace tokens, the JSON API of the browser
 * host, the built browser UI and /healthz — on one HTTP port, bound to 127.0.0.1 unless told otherwise.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type Duplex } from 'node:stream';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { type PlanTemplate } from '../../shared/templates/templateSchema';
import { initWorkspaceDoc, WORKSPACE_DOC_ID } from '../../shared/model/workspaceDoc';
import { launchLink } from '../../shared/sync/launchKey';
import { roomName } from '../../shared/sync/rooms';
import { CLOSE } from './closeCodes';
import { Admission } from './admission';
import { serveConnection } from './connection';
import { Keepalive } from './keepalive';
import { DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './limits';
import { type DocStore } from './docStore';
import { roomLinks } from './fanout/roomLink';
import { type RoomBus } from './fanout/roomBus';
import { type HealthSignal } from './health';
import { handleApi, sendJson, type WebSession } from './httpApi';
import { openLevelDocStore } from './levelDocStore';
import { truncatedLogTails } from './levelLogTail';
import { watchStore } from './storeHealth';
import { jsonLineLog, type Log } from './log';
import { RoomRegistry } from './roomRegistry';
import { type SidePolicies } from './sidePolicies';
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
  /** Links this node's rooms to the other nodes' (several nodes, docs/scaling.md); closed with the server. */
  bus?: RoomBus;
  /** Templates offered by the JSON API; default templates/*.json. */
  templates?: () => Promise<PlanTemplate[]>;
  limits?: Partial<ServerLimits>;
  /** Replaces the write policy of kinds of documents beside a plan (default: sidePolicies.ts). */
  policies?: SidePolicies;
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
  /** Several nodes: how often a changed room publishes its state so others repair what they missed (ms). */
  busRepairMs: number;
  /** Several nodes: how long a change heard from another node waits for its `stored` before this node stores it (ms). */
  busHoldMs: number;
  /** Open TCP connections (HTTP and websocket) at once; more are refused. */
  maxConnections: number;
  /** An HTTP request (headers and body) that has not arrived whole by then is answered 408 and closed. */
  requestTimeoutMs: number;
};

export const DEFAULT_LIMITS: ServerLimits = {
  ...DEFAULT_CONNECTION_LIMITS,
  maxFrameBytes: 16 * 1024 * 1024,
  maxConnections: 10_000,
  requestTimeoutMs: 10_000,
  idleRoomMs: 30_000,
  compactEvery: 500,
  traceWrites: false,
  busRepairMs: 1000,
  busHoldMs: 5000,
};

/**
 * The request's path as sent, or null when it has empty, `.` or `..` segments (also percent-encoded):
 * the URL parser would resolve `/plans/%2e%2e` to the workspace route and `//` would still route.
 */
/** A socket's error ends it (made once here, so it holds nothing of the request that opened the socket). */
function destroyOnError(this: Duplex): void {
  this.destroy();
}

function requestPath(url: string | undefined): string | null {
  const raw = (url ?? '/').split('?')[0]!;
  const segments = raw.split('/').slice(1);
  const bad = segments.some((s, i) => (s === '' && i < segments.length - 1) || /^(\.|%2e){1,2}$/i.test(s));
  return bad ? null : new URL(raw, 'http://localhost').pathname;
}

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
  const bus = opts.bus;
  const fanout = bus ? roomLinks(bus, { log, repairMs: limits.busRepairMs, holdMs: limits.busHoldMs }) : undefined;
  const registry = new RoomRegistry({ store, log, idleMs: limits.idleRoomMs, compactEvery: limits.compactEvery, traceWrites: limits.traceWrites, fanout, presence: limits, policies: opts.policies });
  const engines = [store.health, bus?.health].filter((h): h is HealthSignal => h !== undefined);
  const available = () => engines.every((h) => h.isUp);
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
  const keepalive = new Keepalive(limits.keepaliveMs, (ws) => {
    log({ level: 'info', event: 'connection-silent', detail: `no answer to a ping within ${limits.keepaliveMs} ms` });
    ws.terminate();
  });
  const ctx = {
    registry, secret: opts.secret, log, limits,
    admission: new Admission(limits),
    onOpen: (ws: WebSocket) => {
      sockets.add(ws);
      keepalive.watch(ws);
    },
    onClose: (ws: WebSocket) => {
      sockets.delete(ws);
      keepalive.forget(ws);
    },
  };

  // A node that can no longer store or share changes closes its clients, so they reconnect to another
  // node, and unloads its rooms (they may have missed changes); it takes clients again once it can.
  for (const engine of engines) {
    engine.onChange(({ name, up, detail }) => {
      if (up) return log({ level: 'info', event: 'engine-up', engine: name });
      log({ level: 'error', event: 'engine-down', engine: name, detail, closing: sockets.size, rooms: registry.size });
      for (const ws of sockets) ws.close(CLOSE.unavailable.code, CLOSE.unavailable.reason);
      registry.closeAll(CLOSE.unavailable).catch((err: unknown) => log({ level: 'error', event: 'unload-failed', error: String(err) }));
    });
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    for (const [header, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(header, value);
    const refused = web?.guard.refuseRequest(req, false);
    if (refused) return sendJson(res, 403, { error: { code: 'forbidden', message: refused } });
    const path = requestPath(req.url);
    if (path === null) return sendJson(res, 404, { error: { code: 'not-found', message: 'paths have no empty, "." or ".." segments' } });
    if (path === '/healthz') {
      const health = watched.health();
      const ok = health.ok && available();
      const state = (h: HealthSignal | undefined) => (h ? (h.isUp ? 'up' : `down: ${h.current.detail}`) : undefined);
      return sendJson(res, ok ? 200 : 503, {
        ok, rooms: registry.size, connections: sockets.size, store: { ...health, droppedLogBytes },
        database: state(store.health) ?? 'embedded', redis: state(bus?.health) ?? 'off', node: bus?.nodeId,
      });
    }
    if (!available() && (path === '/api' || path.startsWith('/api/'))) {
      return sendJson(res, 503, { error: { code: 'unavailable', message: CLOSE.unavailable.reason } });
    }
    if (path === '/api' || path.startsWith('/api/')) return handleApi(req, res, path, { secret: opts.secret, plans, web });
    if (opts.staticDir) return serveStatic(req, res, opts.staticDir, path);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
  };
  // The checking interval bounds how late a request that never finishes is noticed (Node's default: 30 s).
  const http = createServer({ requestTimeout: limits.requestTimeoutMs, headersTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: Math.min(1000, limits.requestTimeoutMs) }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      log({ level: 'error', event: 'http-failed', path: req.url, error: String(err) });
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'failed', message: 'internal error' } });
      else res.destroy();
    });
  });
  http.maxConnections = limits.maxConnections;
  // Nothing here is a proxy: without an answer, a CONNECT request was left hanging.
  http.on('connect', (_req, socket) => {
    socket.on('error', destroyOnError);
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  });
  http.on('upgrade', (req, socket, head) => {
    // A listener made here would keep this request (headers, URL with its token) alive with the socket.
    socket.on('error', destroyOnError);
    const refused = web?.guard.refuseRequest(req, true);
    if (refused) {
      log({ level: 'warn', event: 'upgrade-refused', path: req.url, detail: refused });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (available()) serveConnection(ws, req, ctx);
      else ws.close(CLOSE.unavailable.code, CLOSE.unavailable.reason);
    });
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
      keepalive.stop();
      for (const ws of sockets) ws.close(CLOSE.goingAway.code, CLOSE.goingAway.reason);
      await registry.closeAll();
      await bus?.close();
      await store.close();
      for (const ws of sockets) ws.terminate();
      http.closeAllConnections();
      await new Promise<void>((r) => wss.close(() => r()));
      log({ level: 'info', event: 'stopped' });
    })()),
  };
}
