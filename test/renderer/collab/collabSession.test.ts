import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startSyncServer, createToken, type SyncServer } from '../../../main/server/index';
import { type SyncTarget } from '../../../shared/ipc/contract';
import { openCollabSession, type CollabSession, type SyncStatus } from '../../../renderer/collab/collabSession';
import { createThread, readThreads } from '../../../shared/comments/commentsDoc';
import { listPlan } from '../../main/server/helpers';
import { fsHost } from './fsHost';
import { waitUntil } from '../../support/waitUntil';

const SECRET = 'collab-session-test-secret';
const WORKSPACE = 'ws_collab';
const text = (s: CollabSession) => s.doc.getText('notes').toString();
const type = (s: CollabSession, t: string) => s.doc.getText('notes').insert(s.doc.getText('notes').length, t);

/** Resolves when the session's status satisfies the predicate (the test timeout bounds the wait). */
function statusWhere(s: CollabSession, ok: (st: SyncStatus) => boolean): Promise<SyncStatus> {
  return new Promise((resolve) => {
    if (ok(s.status())) return resolve(s.status());
    const stop = s.onStatus((st) => {
      if (ok(st)) {
        stop();
        resolve(st);
      }
    });
  });
}
function docWhere(s: CollabSession, ok: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (ok()) return resolve();
    const on = () => {
      if (ok()) {
        s.doc.off('update', on);
        resolve();
      }
    };
    s.doc.on('update', on);
  });
}
async function connections(server: SyncServer): Promise<number> {
  const res = await fetch(`${server.url}/healthz`);
  return ((await res.json()) as { connections: number }).connections;
}

let dir: string;
const sessions: CollabSession[] = [];
const servers: SyncServer[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-collab-'));
});
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.destroy().catch(() => {});
  for (const s of servers.splice(0)) await s.close();
  await rm(dir, { recursive: true, force: true });
});

function open(hostDir: string, docId: string, target: SyncTarget | null, name = 'Ana', network?: EventTarget) {
  const h = fsHost(hostDir);
  const session = openCollabSession({
    host: h.host, events: h.events, docId, target, user: { name, color: '#bf3989' }, network,
    provider: { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket },
  });
  sessions.push(session);
  return { session, ...h };
}

async function server(port = 0): Promise<SyncServer> {
  const s = await startSyncServer({ port, dataDir: join(dir, 'server'), secret: SECRET, log: () => {} });
  servers.push(s);
  return s;
}
const targetFor = async (s: SyncServer, name: string): Promise<SyncTarget> =>
  ({ serverUrl: s.wsUrl, workspaceId: WORKSPACE, token: await createToken(SECRET, { workspaceId: WORKSPACE, name, role: 'editor' }) });

describe('collab session, local only', () => {
  it('loads, saves every update durably, and reopens with everything typed', async () => {
    const { session } = open(join(dir, 'a'), 'plan_1', null);
    await session.ready;
    expect(session.status()).toMatchObject({ connection: 'local-only', saved: true, unsynced: 0 });
    type(session, 'Grow ');
    expect(session.status().saved).toBe(false);
    type(session, 'ARR');
    await statusWhere(session, (s) => s.saved);
    await session.destroy();
    const again = open(join(dir, 'a'), 'plan_1', null).session;
    await again.ready;
    expect(text(again)).toBe('Grow ARR');
  });

  it('a failing save is reported and retried until it succeeds; nothing is lost', async () => {
    const h = open(join(dir, 'b'), 'plan_1', null);
    await h.session.ready;
    h.failSaves('disk full');
    type(h.session, 'Important');
    const failed = await statusWhere(h.session, (s) => s.saveError !== null);
    expect(failed).toMatchObject({ saved: false, saveError: 'disk full' });
    type(h.session, ' words');
    h.failSaves(null);
    await statusWhere(h.session, (s) => s.saved && s.saveError === null);
    await h.session.destroy();
    const again = open(join(dir, 'b'), 'plan_1', null).session;
    await again.ready;
    expect(text(again)).toBe('Important words');
  });

  it('merges a document changed on disk by someone else', async () => {
    const h = open(join(dir, 'c'), 'plan_1', null);
    await h.session.ready;
    type(h.session, 'mine');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(h.session.doc));
    other.getText('notes').insert(0, 'theirs+');
    h.events.emit('document.external', { docId: 'plan_1', update: Y.encodeStateAsUpdate(other) as Uint8Array<ArrayBuffer> });
    h.events.emit('document.external', { docId: 'plan_other', update: new Uint8Array([0, 0]) as Uint8Array<ArrayBuffer> });
    expect(text(h.session)).toBe('theirs+mine');
  });
});

describe('collab session, with the sync server', () => {
  it('syncs live between two users, counts unsynced updates down to zero, and shows peers', async () => {
    const srv = await server();
    const a = open(join(dir, 'a'), 'plan_1', await targetFor(srv, 'Ana'), 'Ana').session;
    const b = open(join(dir, 'b'), 'plan_1', await targetFor(srv, 'Ben'), 'Ben').session;
    await Promise.all([statusWhere(a, (s) => s.connection === 'connected'), statusWhere(b, (s) => s.connection === 'connected')]);
    type(a, 'Hello from Ana');
    expect(a.status().unsynced).toBeGreaterThan(0);
    await docWhere(b, () => text(b) === 'Hello from Ana');
    await statusWhere(a, (s) => s.unsynced === 0 && s.saved);
    await statusWhere(a, (s) => s.peers.some((p) => p.name === 'Ben'));
    await statusWhere(b, (s) => s.peers.some((p) => p.name === 'Ana' && p.color === '#bf3989'));
  });

  it('edits made while the server is down are kept, counted, and converge after reconnect', async () => {
    const srv = await server();
    const port = srv.port;
    const a = open(join(dir, 'a'), 'plan_1', await targetFor(srv, 'Ana'), 'Ana').session;
    const b = open(join(dir, 'b'), 'plan_1', await targetFor(srv, 'Ben'), 'Ben').session;
    await Promise.all([statusWhere(a, (s) => s.connection === 'connected'), statusWhere(b, (s) => s.connection === 'connected')]);
    type(a, 'base.');
    await docWhere(b, () => text(b) === 'base.');
    await servers.shift()!.close();
    await statusWhere(a, (s) => s.connection === 'offline');
    await statusWhere(b, (s) => s.connection === 'offline');
    type(a, ' Ana offline.');
    type(b, ' Ben offline.');
    await statusWhere(a, (s) => s.saved);
    expect(a.status().unsynced).toBeGreaterThan(0);
    await server(port);
    await statusWhere(a, (s) => s.connection === 'connected' && s.unsynced === 0);
    await statusWhere(b, (s) => s.connection === 'connected' && s.unsynced === 0);
    await docWhere(a, () => text(a).includes('Ben offline') && text(a).includes('Ana offline'));
    await docWhere(b, () => text(b) === text(a));
    expect(text(a)).toBe(text(b));
  });

  it('a plan never stored on this machine is ready only once the server’s copy is in (an editor would otherwise write first)', async () => {
    const srv = await server();
    const a = open(join(dir, 'a'), 'plan_1', await targetFor(srv, 'Ana'), 'Ana').session;
    await statusWhere(a, (s) => s.connection === 'connected');
    type(a, 'Executive summary');
    await statusWhere(a, (s) => s.unsynced === 0);
    const b = open(join(dir, 'b'), 'plan_1', await targetFor(srv, 'Ben'), 'Ben').session;
    await b.ready;
    expect(text(b)).toBe('Executive summary');
    // With no server to answer, it opens anyway (empty, to be filled when the server is back).
    await servers.shift()!.close();
    const c = open(join(dir, 'c'), 'plan_1', await targetFor(srv, 'Cy'), 'Cy').session;
    await c.ready;
    expect(text(c)).toBe('');
  });

  it('closes at once while still waiting for a server that never answers', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as AddressInfo).port;
    try {
      const target = { serverUrl: `ws://127.0.0.1:${port}`, workspaceId: WORKSPACE, token: 'unanswered' };
      const { session } = open(join(dir, 'a'), 'plan_1', target);
      let ready = false;
      void session.ready.then(() => (ready = true));
      await statusWhere(session, (s) => s.connection === 'connecting');
      expect(ready).toBe(false);
      await session.destroy();
      expect(ready).toBe(true);
    } finally {
      silent.close();
    }
  });

  it('goes offline the moment the browser says the network is gone, and reconnects when it is back', async () => {
    const srv = await server();
    const network = new EventTarget();
    const a = open(join(dir, 'a'), 'plan_1', await targetFor(srv, 'Ana'), 'Ana', network).session;
    const b = open(join(dir, 'b'), 'plan_1', await targetFor(srv, 'Ben'), 'Ben').session;
    await Promise.all([statusWhere(a, (s) => s.connection === 'connected'), statusWhere(b, (s) => s.connection === 'connected')]);
    expect(await connections(srv)).toBe(2);

    network.dispatchEvent(new Event('offline'));
    expect(a.status().connection).toBe('offline');
    await statusWhere(b, (s) => s.peers.length === 0);
    // The server sees the socket close (no 30 s wait); the test timeout bounds this.
    await waitUntil(async () => (await connections(srv)) === 1, 'the server to see the socket close');
    type(a, 'Written on the plane.');
    await statusWhere(a, (s) => s.saved);
    expect(a.status()).toMatchObject({ connection: 'offline' });
    expect(a.status().unsynced).toBeGreaterThan(0);

    network.dispatchEvent(new Event('online'));
    await statusWhere(a, (s) => s.connection === 'connected' && s.unsynced === 0);
    await docWhere(b, () => text(b) === 'Written on the plane.');
  });

  it('teardown leaves the room: no open sockets, the peer sees the user go, and the state is saved', async () => {
    const srv = await server();
    const a = open(join(dir, 'a'), 'plan_1', await targetFor(srv, 'Ana'), 'Ana').session;
    const b = open(join(dir, 'b'), 'plan_1', await targetFor(srv, 'Ben'), 'Ben').session;
    await statusWhere(b, (s) => s.peers.some((p) => p.name === 'Ana'));
    type(a, 'last words');
    await a.destroy();
    await statusWhere(b, (s) => s.peers.length === 0);
    await b.destroy();
    await vi.waitFor(async () => expect(await connections(srv)).toBe(0), { timeout: 10_000, interval: 50 });
    const again = open(join(dir, 'a'), 'plan_1', null).session;
    await again.ready;
    expect(text(again)).toBe('last words');
  });
});

describe('collab session of a viewer', () => {
  it('keeps nothing a viewer\'s document was made to hold: not saved here, not counted, and not sent once the same storage opens with an editor\'s invite', async () => {
    const s = await server();
    const editor = await targetFor(s, 'Ana');
    await listPlan(s.wsUrl, WORKSPACE, 'plan_1', editor.token);
    const ana = open(join(dir, 'a'), 'plan_1', editor, 'Ana').session;
    await statusWhere(ana, (st) => st.connection === 'connected');
    type(ana, 'Approved plan.');
    await statusWhere(ana, (st) => st.unsynced === 0);

    // A viewer's session whose document is changed anyway, as an old or faulty screen would.
    const viewer = { serverUrl: s.wsUrl, workspaceId: WORKSPACE, token: await createToken(SECRET, { workspaceId: WORKSPACE, name: 'Vic', role: 'viewer' }), role: 'viewer' as const };
    const vic = open(join(dir, 'v'), 'plan_1', viewer, 'Vic');
    expect(vic.session.readOnly).toBe(true);
    await docWhere(vic.session, () => text(vic.session) === 'Approved plan.');
    await statusWhere(vic.session, (st) => st.saved);
    const savesBefore = vic.saves();
    type(vic.session, ' Cancel the partner program.');
    expect(vic.session.status()).toMatchObject({ saved: true, unsynced: 0 });
    await vic.session.destroy();
    expect(vic.saves(), 'saves of the viewer\'s change').toBe(savesBefore);

    // The same storage (this browser) later opens the plan with an editor's invite and writes.
    const later = open(join(dir, 'v'), 'plan_1', { ...editor, token: await createToken(SECRET, { workspaceId: WORKSPACE, name: 'Vic', role: 'editor' }) }, 'Vic').session;
    await later.ready;
    expect(text(later), 'what this machine had stored').toBe('Approved plan.');
    await statusWhere(later, (st) => st.connection === 'connected');
    type(later, ' Signed off.');
    await statusWhere(later, (st) => st.unsynced === 0);
    await docWhere(ana, () => text(ana).endsWith(' Signed off.'));
    expect(text(ana)).toBe('Approved plan. Signed off.');
  });
});

describe('collab session of a document beside a plan', () => {
  it('a commenter writes the plan\'s comments (saved here, synced to an editor) while the plan itself opens read-only', async () => {
    const s = await server();
    const editor = await targetFor(s, 'Ana');
    await listPlan(s.wsUrl, WORKSPACE, 'plan_1', editor.token);
    const commenter = { serverUrl: s.wsUrl, workspaceId: WORKSPACE, token: await createToken(SECRET, { workspaceId: WORKSPACE, name: 'Cam', role: 'commenter' }), role: 'commenter' as const };
    const plan = open(join(dir, 'c'), 'plan_1', commenter, 'Cam').session;
    const camComments = open(join(dir, 'c'), 'plan_1/comments', commenter, 'Cam').session;
    const anaComments = open(join(dir, 'a'), 'plan_1/comments', editor, 'Ana').session;
    expect([plan.readOnly, camComments.readOnly, anaComments.readOnly]).toEqual([true, false, false]);
    await Promise.all([camComments, anaComments].map((x) => statusWhere(x, (st) => st.connection === 'connected')));
    const question = (s: CollabSession) => readThreads(s.doc).map((t) => t.messages[0]!.text);
    createThread(camComments.doc, { author: 'Cam', anchor: { kind: 'plan' }, text: 'Is this target realistic?' });
    await docWhere(anaComments, () => question(anaComments)[0] === 'Is this target realistic?');
    await statusWhere(camComments, (st) => st.saved && st.unsynced === 0);
    await camComments.destroy();
    const again = open(join(dir, 'c'), 'plan_1/comments', null, 'Cam').session;
    await again.ready;
    expect(question(again), 'kept on this machine').toEqual(['Is this target realistic?']);
  });
});

describe('collab session, when the server closes the connection', () => {
  it('stops for a close a retry cannot fix, and says why in its status', async () => {
    const s = await server();
    const viewer = await createToken(SECRET, { workspaceId: WORKSPACE, name: 'Vic', role: 'viewer' });
    const { session } = open(join(dir, 'v'), 'plan_not_listed', { serverUrl: s.wsUrl, workspaceId: WORKSPACE, token: viewer }, 'Vic');
    await session.ready;
    const st = await statusWhere(session, (x) => x.connection === 'stopped');
    expect(st.stopped).toMatch(/not on the server/);
  });

  it('retries a close that says "try later" (4529, too many connections) and connects once there is room', async () => {
    const s = await startSyncServer({ port: 0, dataDir: join(dir, 'server'), secret: SECRET, log: () => {}, limits: { socketsPerToken: 1 } });
    servers.push(s);
    const target = await targetFor(s, 'Ana');
    const first = open(join(dir, 'a'), 'plan_1', target).session;
    await statusWhere(first, (x) => x.connection === 'connected');
    const second = open(join(dir, 'b'), 'plan_2', target).session;
    await statusWhere(second, (x) => x.connection === 'offline');
    await first.destroy();
    const st = await statusWhere(second, (x) => x.connection === 'connected');
    expect(st.stopped).toBeNull();
  });
});

describe('collab session, a plan from before check-ins', () => {
  it('is migrated once loaded by an editor (current values become check-ins), never by a viewer', async () => {
    const { createPlanDoc, planMetaMap, readPlanMeta } = await import('../../../shared/model/planDoc');
    const { newGoal, paragraph } = await import('../../../shared/model/blocks');
    const { readCheckIns } = await import('../../../shared/model/checkIns');
    const old = createPlanDoc({ id: 'plan_old', title: 'FY26', templateId: 'x', period: 'FY2026', content: [newGoal({ id: 'goal_a', target: 10, current: 4 }), paragraph()] });
    planMetaMap(old).set('schemaVersion', 1);
    const seed = async (sub: string) => {
      const h = fsHost(join(dir, sub));
      await h.host.documents.save({ docId: 'plan_old', update: Y.encodeStateAsUpdate(old) as Uint8Array<ArrayBuffer> });
    };
    await seed('viewer');
    const s = await server();
    const viewerTarget = { serverUrl: s.wsUrl, workspaceId: WORKSPACE, token: await createToken(SECRET, { workspaceId: WORKSPACE, name: 'Vic', role: 'viewer' }), role: 'viewer' as const };
    const viewer = open(join(dir, 'viewer'), 'plan_old', viewerTarget).session;
    await viewer.ready;
    expect(readPlanMeta(viewer.doc).schemaVersion).toBe(1);
    expect(readCheckIns(viewer.doc)).toEqual([]);

    await seed('editor');
    const editor = open(join(dir, 'editor'), 'plan_old', null).session;
    await editor.ready;
    expect(readPlanMeta(editor.doc).schemaVersion).toBe(2);
    expect(readCheckIns(editor.doc).map((c) => [c.goalId, c.value, c.source])).toEqual([['goal_a', 4, 'migration']]);
    await statusWhere(editor, (st) => st.saved);
  });
});
