/**
 * The workbench's comments store against a real sync server: a plan created while the workspace
 * document had not reached the server yet gets 4404 on its comments room (for good, as the server
 * says); once the workspace document's plan index is on the server, the store opens the comments
 * again, and what was written meanwhile (kept on this machine) arrives.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createToken, startSyncServer, type SyncServer } from '../../../../main/server/index';
import { readThreads } from '../../../../shared/comments/commentsDoc';
import { setPlanIndexEntry, WORKSPACE_DOC_ID } from '../../../../shared/model/workspaceDoc';
import { openCollabSession, type CollabSession } from '../../../../renderer/collab/collabSession';
import { CommentsStore } from '../../../../renderer/contrib/comments/commentsStore';
import { Value } from '../../../../renderer/workbench/services/observable';
import { type WorkbenchServices } from '../../../../renderer/workbench/services/services';
import { SessionPool } from '../../../../renderer/workbench/sessionPool';
import { waitUntil } from '../../../support/waitUntil';
import { fsHost } from '../../collab/fsHost';

const SECRET = 'comments-store-test-secret';
const WORKSPACE = 'ws_store';
const PLAN = 'plan_offline1';

let dir: string;
let server: SyncServer;
let pool: SessionPool<CollabSession> | null = null;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-comments-store-'));
  server = await startSyncServer({ port: 0, dataDir: join(dir, 'server'), secret: SECRET, log: () => {} });
});
afterEach(async () => {
  pool?.destroyAll();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

it('opens a plan\'s comments again once the plan reached the server\'s index, and what was written meanwhile arrives', async () => {
  const token = await createToken(SECRET, { workspaceId: WORKSPACE, name: 'Ana Lima', role: 'editor' });
  const target = { serverUrl: server.wsUrl, workspaceId: WORKSPACE, token, name: 'Ana Lima', role: 'editor' as const };
  const user = { name: 'Ana Lima', color: '#bf3989' };
  const h = fsHost(join(dir, 'ana'));
  pool = new SessionPool((docId) => openCollabSession({
    host: h.host, events: h.events, docId, target, user, network: null, provider: { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket },
  }));
  const workspace = pool.acquire(WORKSPACE_DOC_ID);
  await workspace.ready;
  const services = {
    user, syncTarget: target,
    model: { plans: new Value([{ id: PLAN, title: 'Made offline' }]), people: new Value([]), pool },
  } as unknown as WorkbenchServices;
  const store = new CommentsStore(services);

  // The plan is not in the server's index yet: its comments room is refused for good.
  const first = store.service(PLAN)!;
  await waitUntil(() => first.session.status().connection === 'stopped', 'the comments room to refuse the plan it does not know');
  first.startThread({ kind: 'plan' }, 'Written before the plan reached the server');

  // The workspace document brings the plan's entry to the server (as it does once back online).
  setPlanIndexEntry(workspace.doc, { id: PLAN, title: 'Made offline', templateId: 'blank', createdAt: new Date(0).toISOString() });
  await waitUntil(() => store.service(PLAN) !== first && store.service(PLAN)!.session.status().connection === 'connected', 'the comments to be opened again');

  // A colleague sees the comment written meanwhile.
  const doc = new Y.Doc();
  const colleague = new WebsocketProvider(server.wsUrl, `${WORKSPACE}/${PLAN}/comments`, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true,
    params: { token: await createToken(SECRET, { workspaceId: WORKSPACE, name: 'Ben', role: 'viewer' }) },
  });
  try {
    await waitUntil(() => readThreads(doc).length === 1, 'the comment to reach a colleague');
    expect(readThreads(doc)[0]!.messages[0]!.text).toBe('Written before the plan reached the server');
    expect(store.threadsOf(PLAN).map((t) => t.author)).toEqual(['Ana Lima']);
  } finally {
    colleague.destroy();
  }
});
