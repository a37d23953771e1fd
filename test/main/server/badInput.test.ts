import { type WebSocket } from 'ws';
import { SignJWT } from 'jose';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { createToken } from '../../../main/server/index';
import { CLOSE } from '../../../main/server/closeCodes';
import { connectClient, listPlan, rawSocket, removeDir, SECRET, serverState, startTestServer, synced, waitFor, type Client, type TestServer } from './helpers';
import { seededRandom } from './seededRandom';

const frame = (...parts: number[]) => new Uint8Array(parts);

describe('bad input to the sync server', () => {
  let s: TestServer;
  let editor: Client;
  let editorToken: string;
  let before: Uint8Array;

  beforeAll(async () => {
    s = await startTestServer({ limits: { maxFrameBytes: 64 * 1024, messagesPerSecond: 50, messageBurst: 100 } });
    editorToken = await s.token('Ana');
    editor = connectClient(s.server.wsUrl, 'ws1/victim', editorToken);
    await synced(editor);
    editor.doc.getText('t').insert(0, 'precious');
    const check = await serverState(s.server.wsUrl, 'ws1/victim', editorToken);
    expect(check.getText('t').toString()).toBe('precious');
    before = Y.encodeStateAsUpdate(check);
    await listPlan(s.server.wsUrl, 'ws1', 'victim', editorToken);
  });

  afterAll(async () => {
    // The other room was never disturbed: same state, still syncing, server still healthy.
    const after = await serverState(s.server.wsUrl, 'ws1/victim', editorToken);
    expect(Buffer.from(Y.encodeStateAsUpdate(after)).equals(Buffer.from(before))).toBe(true);
    const health = await (await fetch(`${s.server.url}/healthz`)).json();
    expect(health.ok).toBe(true);
    editor.destroy();
    await s.close();
    removeDir(s.dataDir);
  });

  const closeOf = async (path: string, send: (ws: WebSocket) => void = () => {}) => {
    const sock = rawSocket(`${s.server.wsUrl}${path}`);
    await sock.opened;
    send(sock.ws);
    return sock.closed;
  };

  it('refuses connections without a valid token for the room, with clear codes', async () => {
    expect(await closeOf('/ws1/doc')).toEqual({ code: 4401, reason: CLOSE.unauthorized.reason });
    const forged = await createToken('another-secret-that-is-long-enough', { workspaceId: 'ws1', name: 'Eve', role: 'editor' });
    expect((await closeOf(`/ws1/doc?token=${forged}`)).code).toBe(4401);
    const expired = await new SignJWT({ workspaceId: 'ws1', name: 'Old', role: 'editor' })
      .setProtectedHeader({ alg: 'HS256' }).setIssuedAt(1000).setExpirationTime(2000).sign(new TextEncoder().encode(SECRET));
    expect((await closeOf(`/ws1/doc?token=${expired}`)).code).toBe(4401);
    expect((await closeOf('/ws1/doc?token=not.a.jwt')).code).toBe(4401);
    const otherWorkspace = await s.token('Bob', 'editor', 'ws2');
    expect(await closeOf(`/ws1/victim?token=${otherWorkspace}`)).toEqual({ code: 4403, reason: CLOSE.forbidden.reason });
    expect((await closeOf(`/ws1/a/b?token=${editorToken}`)).code).toBe(4404);
    expect((await closeOf(`/ws1/bad%20id?token=${editorToken}`)).code).toBe(4404);
    expect((await closeOf(`/?token=${editorToken}`)).code).toBe(4404);
  });

  it('closes malformed frames with 4400 and stores nothing from them', async () => {
    const malformed = [
      frame(),
      frame(99),
      frame(0),
      frame(0, 0),
      frame(0, 7, 0),
      frame(0, 2, 10, 1, 2),
      frame(0, 2, 3, 200, 200, 200),
      frame(1, 5, 1),
      frame(3, 0),
    ];
    for (const bytes of malformed) {
      const { code } = await closeOf(`/ws1/bad?token=${editorToken}`, (ws) => ws.send(bytes));
      expect(code, `frame [${bytes.join(',')}]`).toBe(4400);
    }
    expect((await closeOf(`/ws1/bad?token=${editorToken}`, (ws) => ws.send('hello'))).code).toBe(4400);
    const awarenessGarbage = encoding.createEncoder();
    encoding.writeVarUint(awarenessGarbage, 1);
    encoding.writeVarUint8Array(awarenessGarbage, frame(1, 7, 1, 3, 123, 34, 120));
    expect((await closeOf(`/ws1/bad?token=${editorToken}`, (ws) => ws.send(encoding.toUint8Array(awarenessGarbage)))).code).toBe(4400);
    expect((await serverState(s.server.wsUrl, 'ws1/bad', editorToken)).store.clients.size).toBe(0);
  });

  it('unloads a room when Yjs fails part-way through an update that decodes cleanly, keeping the stored text whole', async () => {
    // Client 1 writes "hello"; the crafted update (client 2) decodes, but Yjs throws while integrating
    // it and, applied as it is, leaves the text cut to "he".
    const author = new Y.Doc();
    author.clientID = 1;
    const writer = connectClient(s.server.wsUrl, 'ws1/crafted', editorToken, author);
    const watcher = connectClient(s.server.wsUrl, 'ws1/crafted', editorToken);
    try {
      await synced(writer);
      await synced(watcher);
      author.getText('t').insert(0, 'hello');
      await waitFor(() => watcher.doc.getText('t').toString() === 'hello', 'the watcher to see the text');
      const disconnects: number[] = [];
      watcher.provider.on('connection-close', (e: CloseEvent | null) => disconnects.push(e?.code ?? 0));

      const crafted = encoding.createEncoder();
      encoding.writeVarUint(crafted, 0);
      encoding.writeVarUint(crafted, 2);
      encoding.writeVarUint8Array(crafted, frame(1, 1, 2, 0, 32, 1, 1, 1, 2, 2, 88, 89, 0));
      expect((await closeOf(`/ws1/crafted?token=${editorToken}`, (ws) => ws.send(encoding.toUint8Array(crafted)))).code).toBe(4400);

      // The others are disconnected (the room is unloaded), nothing of the update reached them, and
      // the reloaded room holds the whole text.
      await waitFor(() => disconnects.length > 0, 'the watcher to be disconnected');
      expect(disconnects[0]).toBe(1001);
      expect(watcher.doc.getText('t').toString()).toBe('hello');
      expect((await serverState(s.server.wsUrl, 'ws1/crafted', editorToken)).getText('t').toString()).toBe('hello');
      expect(s.logs.some((e) => e.event === 'update-failed' && e.room === 'ws1/crafted')).toBe(true);
    } finally {
      writer.destroy();
      watcher.destroy();
    }
  });

  it('closes oversized frames with 1009, and slows a flood down instead of closing it', async () => {
    expect((await closeOf(`/ws1/big?token=${editorToken}`, (ws) => ws.send(new Uint8Array(65 * 1024)))).code).toBe(1009);
    // 300 frames against a burst of 100 and 50 a second: every one is answered, none before its turn.
    const sock = rawSocket(`${s.server.wsUrl}/ws1/flood?token=${editorToken}`);
    await sock.opened;
    await waitFor(() => sock.received.length >= 1, 'the handshake');
    const start = Date.now();
    for (let i = 0; i < 300; i++) sock.ws.send(frame(3));
    await waitFor(() => sock.received.length >= 301, 'an answer to every frame', 30_000);
    expect(Date.now() - start).toBeGreaterThan(((300 - 100) / 50) * 1000 * 0.8);
    expect(sock.ws.readyState).toBe(sock.ws.OPEN);
    sock.ws.close();
  });

  it('survives seeded random frames from many connections', async () => {
    const random = seededRandom(20261123);
    for (let c = 0; c < 40; c++) {
      const sock = rawSocket(`${s.server.wsUrl}/ws1/fuzz?token=${editorToken}`);
      await sock.opened;
      for (let i = 0; i < 5; i++) {
        const len = Math.floor(random() * 64);
        const bytes = new Uint8Array(len);
        for (let j = 0; j < len; j++) bytes[j] = Math.floor(random() * 256);
        if (len > 0 && random() < 0.5) bytes[0] = Math.floor(random() * 4);
        if (sock.ws.readyState === sock.ws.OPEN) sock.ws.send(bytes);
      }
      sock.ws.close();
      await sock.closed;
    }
    expect((await (await fetch(`${s.server.url}/healthz`)).json()).ok).toBe(true);
  });

  it("drops a viewer's document updates but relays its awareness", async () => {
    const viewerToken = await s.token('Vic', 'viewer');
    const commenterToken = await s.token('Cam', 'commenter');
    const viewer = connectClient(s.server.wsUrl, 'ws1/victim', viewerToken);
    const commenter = connectClient(s.server.wsUrl, 'ws1/victim', commenterToken);
    try {
      await Promise.all([synced(viewer), synced(commenter)]);
      expect(viewer.doc.getText('t').toString()).toBe('precious');
      viewer.doc.getText('t').insert(0, 'vandalised ');
      commenter.doc.getText('t').insert(0, 'commented ');
      viewer.provider.awareness.setLocalStateField('user', { name: 'Vic' });
      await waitFor(() => editor.provider.awareness.getStates().get(viewer.doc.clientID)?.user?.name === 'Vic', 'viewer awareness');
      await waitFor(() => s.logs.filter((e) => e.event === 'update-dropped').length >= 2, 'the dropped updates to be logged');
      expect(s.logs.filter((e) => e.event === 'update-dropped').map((e) => e.user).sort()).toEqual(expect.arrayContaining(['Cam', 'Vic']));
      expect(editor.doc.getText('t').toString()).toBe('precious');
    } finally {
      viewer.destroy();
      commenter.destroy();
    }
  });
});
