/** Real sync servers and real y-websocket clients for the server tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createToken, startSyncServer, type SyncServer, type SyncServerOptions } from '../../../main/server/index';
import { type LogEntry } from '../../../main/server/log';
import { type Role } from '../../../shared/sync/rooms';
import { planIndexMap, setPlanIndexEntry, WORKSPACE_DOC_ID } from '../../../shared/model/workspaceDoc';
import { waitUntil } from '../../support/waitUntil';

export const SECRET = 'test-secret-of-the-workspace-0123456789';

export function tempDir(prefix = 'tandem-server-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Resolves once `cond` holds; fails with `what` if it does not within the guard time. */
export const waitFor = (cond: () => boolean, what: string, guardMs?: number): Promise<void> => waitUntil(cond, what, guardMs);

export type TestServer = {
  server: SyncServer;
  dataDir: string;
  logs: LogEntry[];
  token(name: string, role?: Role, workspaceId?: string): Promise<string>;
  close(): Promise<void>;
};

export async function startTestServer(opts: Partial<SyncServerOptions> = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? tempDir();
  const logs: LogEntry[] = [];
  const server = await startSyncServer({ port: 0, secret: SECRET, ...opts, dataDir, log: (e) => logs.push(e) });
  return {
    server, dataDir, logs,
    token: (name, role = 'editor', workspaceId = 'ws1') => createToken(SECRET, { workspaceId, name, role }),
    close: () => server.close(),
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export type Client = { doc: Y.Doc; provider: WebsocketProvider; destroy(): void };

/** The stock y-websocket client, with `ws` as its socket and no BroadcastChannel shortcut. */
export function connectClient(wsUrl: string, room: string, token: string, doc: Y.Doc = new Y.Doc(), connect = true, maxBackoffTime = 2500): Client {
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
    connect,
    maxBackoffTime,
  });
  return { doc, provider, destroy: () => provider.destroy() };
}

export const synced = (c: Client) => waitFor(() => c.provider.synced, 'the client to sync');

/** A raw websocket (no y-websocket client), for frames the stock client would never send. */
export function rawSocket(url: string): { ws: WebSocket; opened: Promise<void>; closed: Promise<{ code: number; reason: string }>; received: Uint8Array[] } {
  const ws = new WebSocket(url);
  const received: Uint8Array[] = [];
  ws.on('message', (d) => received.push(new Uint8Array(d as Buffer)));
  ws.on('error', () => {});
  return {
    ws,
    received,
    opened: new Promise((r) => ws.once('open', () => r())),
    closed: new Promise((r) => ws.once('close', (code, reason) => r({ code, reason: reason.toString() }))),
  };
}

/** The document as the server holds it, read by a fresh client with no state of its own. */
export async function serverState(wsUrl: string, room: string, token: string): Promise<Y.Doc> {
  const c = connectClient(wsUrl, room, token);
  await synced(c);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(c.doc));
  c.destroy();
  return copy;
}

/** The document as the server holds it, read again until `cond` holds on it (what a client sent has been taken). */
export async function serverStateWhen(wsUrl: string, room: string, token: string, cond: (doc: Y.Doc) => boolean, what: string, guardMs = 15_000): Promise<Y.Doc> {
  const start = Date.now();
  for (;;) {
    const doc = await serverState(wsUrl, room, token);
    if (cond(doc)) return doc;
    if (Date.now() - start > guardMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The text `t` of a stored state (empty for none). */
export function textOfState(state: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getText('t').toString();
}

/** Lists `planId` in the workspace doc's plan index (readers may open only listed plans); resolves once the server has it. */
export async function listPlan(wsUrl: string, workspaceId: string, planId: string, editorToken: string): Promise<void> {
  const c = connectClient(wsUrl, `${workspaceId}/${WORKSPACE_DOC_ID}`, editorToken);
  try {
    await synced(c);
    setPlanIndexEntry(c.doc, { id: planId, title: planId, templateId: 'blank', createdAt: new Date(0).toISOString() });
    await waitUntil(async () => planIndexMap(await serverState(wsUrl, `${workspaceId}/${WORKSPACE_DOC_ID}`, editorToken)).has(planId), `${planId} to be listed`);
  } finally {
    c.destroy();
  }
}
