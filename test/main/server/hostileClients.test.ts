/**
 * Clients that misbehave on purpose, or a bad network: each test is one attack from the hardening
 * review, against a real server on 127.0.0.1:0, with raw `ws` sockets where a stock client cannot
 * misbehave that way.
 */
import { connect as netConnect } from 'node:net';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { type ServerLimits } from '../../../main/server/index';
import { encodeAwareness, encodeUpdate } from '../../../main/server/messages';
import { connectClient, listPlan, rawSocket, removeDir, serverState, startTestServer, synced, waitFor, type TestServer } from './helpers';

/** An awareness frame as y-protocols encodes it, with any client ids, clocks and states. */
function awarenessFrame(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientId);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, JSON.stringify(entry.state));
  }
  return encodeAwareness(encoding.toUint8Array(e));
}

async function withServer(limits: Partial<ServerLimits>, f: (s: TestServer) => Promise<void>): Promise<void> {
  const s = await startTestServer({ limits });
  try {
    await f(s);
  } finally {
    await s.close();
    removeDir(s.dataDir);
  }
}

/** The server's copy of `room` once its text `t` reads `text`. */
async function serverCopyWith(s: TestServer, room: string, token: string, text: string): Promise<Y.Doc> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const copy = await serverState(s.server.wsUrl, room, token);
    if (copy.getText('t').toString() === text) return copy;
    if (Date.now() > deadline) throw new Error(`the server's copy of ${room} reads "${copy.getText('t').toString()}", not "${text}"`);
  }
}

/** Sends `request` as it is on a new TCP connection; resolves with everything answered once the server closes it. */
function rawRequest(s: TestServer, request: string): Promise<string> {
  const sock = netConnect(s.server.port, '127.0.0.1');
  let answer = '';
  sock.on('data', (d) => (answer += d.toString()));
  sock.on('error', () => {});
  sock.write(request);
  return new Promise((r) => sock.once('close', () => r(answer)));
}

const connections = async (s: TestServer) => ((await (await fetch(`${s.server.url}/healthz`)).json()) as { connections: number }).connections;

describe('keepalive', () => {
  it('drops a socket that completed the upgrade and never answers a ping, and its presence goes with it', () =>
    withServer({ keepaliveMs: 200 }, async (s) => {
      const token = await s.token('Ana');
      const observer = connectClient(s.server.wsUrl, 'ws1/plan', token);
      const silent = new WebSocket(`${s.server.wsUrl}/ws1/plan?token=${token}`, { autoPong: false });
      silent.on('error', () => {});
      const silentOpened = new Promise((r) => silent.once('open', r));
      const silentClosed = new Promise<void>((r) => silent.once('close', () => r()));
      try {
        await synced(observer);
        await silentOpened;
        silent.send(awarenessFrame([{ clientId: 4242, clock: 1, state: { user: { name: 'Sleepy', color: '#000' } } }]));
        await waitFor(() => observer.provider.awareness.getStates().has(4242), 'the sleeper to be present');
        await silentClosed;
        await waitFor(() => !observer.provider.awareness.getStates().has(4242), 'the sleeper to leave');
        // A stock client answers pings and stays.
        expect(observer.provider.wsconnected).toBe(true);
      } finally {
        observer.destroy();
        silent.terminate();
      }
    }));
});

describe('bursts and floods', () => {
  it('slows a burst of edits down and never cuts the editor off: both copies converge', () =>
    withServer({ messagesPerSecond: 40, messageBurst: 50 }, async (s) => {
      const token = await s.token('Ana');
      const writer = connectClient(s.server.wsUrl, 'ws1/burst', token);
      const reader = connectClient(s.server.wsUrl, 'ws1/burst', token);
      const closes: number[] = [];
      writer.provider.on('connection-close', (e: CloseEvent | null) => closes.push(e?.code ?? 0));
      try {
        await Promise.all([synced(writer), synced(reader)]);
        for (let i = 0; i < 150; i++) writer.doc.getText('t').insert(i, 'x');
        await waitFor(() => reader.doc.getText('t').length === 150, 'the reader to get every edit', 20_000);
        expect(closes).toEqual([]);
      } finally {
        writer.destroy();
        reader.destroy();
      }
    }));

  it('limits bytes as well as frames: big updates are passed on at the byte rate', () =>
    withServer({ bytesPerSecond: 64 * 1024, byteBurst: 64 * 1024 }, async (s) => {
      const token = await s.token('Ana');
      const reader = connectClient(s.server.wsUrl, 'ws1/bytes', token);
      const sock = rawSocket(`${s.server.wsUrl}/ws1/bytes?token=${token}`);
      try {
        await synced(reader);
        await sock.opened;
        const author = new Y.Doc();
        const frames: Uint8Array[] = [];
        author.on('update', (u: Uint8Array) => frames.push(encodeUpdate(u)));
        for (let i = 0; i < 8; i++) author.getText('t').insert(0, 'y'.repeat(32 * 1024));
        const start = Date.now();
        for (const f of frames) sock.ws.send(f);
        await waitFor(() => reader.doc.getText('t').length === 8 * 32 * 1024, 'every update', 20_000);
        // 256 KiB against a burst of 64 KiB and 64 KiB a second: about 3 s.
        expect(Date.now() - start).toBeGreaterThan(2400);
        expect(sock.ws.readyState).toBe(sock.ws.OPEN);
      } finally {
        reader.destroy();
        sock.ws.terminate();
      }
    }));
});

describe('presence', () => {
  it("ignores a viewer's rewrite of someone else's presence and caps the ids one socket announces", () =>
    withServer({}, async (s) => {
      const token = await s.token('Ana');
      await listPlan(s.server.wsUrl, 'ws1', 'team', token);
      const ana = connectClient(s.server.wsUrl, 'ws1/team', token);
      const ben = connectClient(s.server.wsUrl, 'ws1/team', await s.token('Ben'));
      const eve = rawSocket(`${s.server.wsUrl}/ws1/team?token=${await s.token('Eve', 'viewer')}`);
      try {
        await Promise.all([synced(ana), synced(ben), eve.opened]);
        ana.provider.awareness.setLocalStateField('user', { name: 'Ana', color: '#3366cc' });
        await waitFor(() => ben.provider.awareness.getStates().get(ana.doc.clientID)?.user?.name === 'Ana', 'Ana to be present');
        const clock = ana.provider.awareness.meta.get(ana.doc.clientID)!.clock;
        // Rename Ana, pin her clock, and announce 50,000 made-up people, in one frame.
        const fakes = Array.from({ length: 50_000 }, (_, i) => ({ clientId: 1_000_000 + i, clock: 1, state: { user: { name: `Fake ${i}`, color: '#f00' } } }));
        // Eve's own entry comes first: once Ben sees it, the server has handled the whole frame.
        const own = { clientId: 777, clock: 1, state: { user: { name: 'Eve', color: '#0f0' } } };
        eve.ws.send(awarenessFrame([own, { clientId: ana.doc.clientID, clock: Number.MAX_SAFE_INTEGER, state: { user: { name: 'Mallory', color: '#f00' } } }, ...fakes]));
        await waitFor(() => ben.provider.awareness.getStates().has(777), "Eve's own presence to reach Ben");
        expect(ben.provider.awareness.getStates().get(ana.doc.clientID)?.user?.name).toBe('Ana');
        expect(ben.provider.awareness.getStates().size).toBeLessThanOrEqual(3 + 4);
        // Ana's own later changes still count everywhere.
        ana.provider.awareness.setLocalStateField('user', { name: 'Ana K.', color: '#3366cc' });
        await waitFor(() => ben.provider.awareness.getStates().get(ana.doc.clientID)?.user?.name === 'Ana K.', "Ana's rename");
        expect(ana.provider.awareness.meta.get(ana.doc.clientID)!.clock).toBeGreaterThan(clock);
      } finally {
        ana.destroy();
        ben.destroy();
        eve.ws.terminate();
      }
    }));

  it('closes with 4400 an awareness clock of 2^53 and a state larger than the cap', () =>
    withServer({ maxAwarenessStateBytes: 1024 }, async (s) => {
      const token = await s.token('Ana');
      const closeOf = async (frame: Uint8Array) => {
        const sock = rawSocket(`${s.server.wsUrl}/ws1/aw?token=${token}`);
        await sock.opened;
        sock.ws.send(frame);
        return (await sock.closed).code;
      };
      const clock = encoding.createEncoder();
      encoding.writeVarUint(clock, 1);
      encoding.writeVarUint(clock, 77);
      encoding.writeVarUint(clock, 2 ** 53);
      encoding.writeVarString(clock, '{}');
      expect(await closeOf(encodeAwareness(encoding.toUint8Array(clock)))).toBe(4400);
      expect(await closeOf(awarenessFrame([{ clientId: 78, clock: 1, state: { user: { name: 'x'.repeat(2000) } } }]))).toBe(4400);
    }), 20_000);
});

describe('client ids', () => {
  it("refuses structs written with a colleague's client id, and lets her go on writing after a reconnect", () =>
    withServer({}, async (s) => {
      const anaDoc = new Y.Doc();
      anaDoc.clientID = 1234;
      let ana = connectClient(s.server.wsUrl, 'ws1/ids', await s.token('Ana'), anaDoc);
      const eveToken = await s.token('Eve');
      try {
        await synced(ana);
        anaDoc.getText('t').insert(0, 'mine');
        const check = await serverCopyWith(s, 'ws1/ids', eveToken, 'mine');

        // Eve builds an update as Ana's client id, continuing her clock.
        const forged = new Y.Doc();
        Y.applyUpdate(forged, Y.encodeStateAsUpdate(check));
        forged.clientID = 1234;
        const frames: Uint8Array[] = [];
        forged.on('update', (u: Uint8Array) => frames.push(encodeUpdate(u)));
        forged.getText('t').insert(4, ' — not hers');
        const eve = rawSocket(`${s.server.wsUrl}/ws1/ids?token=${eveToken}`);
        await eve.opened;
        eve.ws.send(frames[0]!);
        expect((await eve.closed).code).toBe(4409);
        expect((await serverState(s.server.wsUrl, 'ws1/ids', eveToken)).getText('t').toString()).toBe('mine');

        // Ana comes back with a new token and the same client id: her offline edit goes through.
        ana.destroy();
        anaDoc.getText('t').insert(4, '!');
        ana = connectClient(s.server.wsUrl, 'ws1/ids', await s.token('Ana'), anaDoc);
        await synced(ana);
        await serverCopyWith(s, 'ws1/ids', eveToken, 'mine!');
        expect(ana.provider.wsconnected).toBe(true);
      } finally {
        ana.destroy();
      }
    }));
});

describe('rooms and sockets per token and address', () => {
  it('a viewer cannot open a room that is not in the plan index', () =>
    withServer({}, async (s) => {
      const editor = await s.token('Ana');
      await listPlan(s.server.wsUrl, 'ws1', 'listed', editor);
      const viewer = await s.token('Vic', 'viewer');
      const made = rawSocket(`${s.server.wsUrl}/ws1/made_up_1?token=${viewer}`);
      expect((await made.closed).code).toBe(4404);
      const listed = connectClient(s.server.wsUrl, 'ws1/listed', viewer);
      try {
        await synced(listed);
      } finally {
        listed.destroy();
      }
    }));

  it('caps the rooms of one token and the sockets of one address with 4529, which clients retry', () =>
    withServer({ roomsPerToken: 3, socketsPerAddress: 6 }, async (s) => {
      const token = await s.token('Ana');
      const open = [1, 2, 3].map((i) => rawSocket(`${s.server.wsUrl}/ws1/room_${i}?token=${token}`));
      try {
        await Promise.all(open.map((o) => waitFor(() => o.received.length > 0, 'a handshake')));
        const fourth = rawSocket(`${s.server.wsUrl}/ws1/room_4?token=${token}`);
        expect((await fourth.closed).code).toBe(4529);
        const other = await s.token('Ben');
        const more = [1, 2, 3].map(() => rawSocket(`${s.server.wsUrl}/ws1/room_1?token=${other}`));
        await Promise.all(more.map((o) => waitFor(() => o.received.length > 0, 'a handshake')));
        const seventh = rawSocket(`${s.server.wsUrl}/ws1/room_1?token=${other}`);
        expect((await seventh.closed).code).toBe(4529);
        for (const m of more) m.ws.terminate();
      } finally {
        for (const o of open) o.ws.terminate();
      }
    }));
});

describe('sockets and requests that hold the server', () => {
  it('does not hold sockets with bad tokens that never answer the close', () =>
    withServer({ closeGraceMs: 300 }, async (s) => {
      const socks = Array.from({ length: 40 }, () => new WebSocket(`${s.server.wsUrl}/ws1/plan?token=bad`));
      try {
        await Promise.all(socks.map((w) => new Promise<void>((r) => w.once('open', () => {
          // Never read again: the server's close frame is never answered.
          (w as unknown as { _socket: { pause(): void } })._socket.pause();
          r();
        }))));
        for (const w of socks) w.on('error', () => {});
        const start = Date.now();
        let n = await connections(s);
        while (n > 0 && Date.now() - start < 10_000) n = await connections(s);
        expect(n).toBe(0);
        expect(Date.now() - start).toBeLessThan(3000);
      } finally {
        for (const w of socks) w.terminate();
      }
    }), 20_000);

  it('answers a request whose body never finishes with 408 instead of holding it', () =>
    withServer({ requestTimeoutMs: 500 }, async (s) => {
      const start = Date.now();
      const answer = await rawRequest(s, `POST /api/workspaces/ws1/plans HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${await s.token('Ana')}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"tem`);
      expect(Date.now() - start).toBeLessThan(5000);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    }), 20_000);

  it('refuses connections over the connection cap', () =>
    withServer({ maxConnections: 3 }, async (s) => {
      const token = await s.token('Ana');
      const open = [1, 2, 3].map(() => rawSocket(`${s.server.wsUrl}/ws1/plan?token=${token}`));
      try {
        await Promise.all(open.map((o) => o.opened));
        const extra = rawSocket(`${s.server.wsUrl}/ws1/plan?token=${token}`);
        expect((await extra.closed).code).toBe(1006);
      } finally {
        for (const o of open) o.ws.terminate();
      }
    }));
});

describe('loose edges', () => {
  it("refuses '..' plan ids, doubled slashes and CONNECT, and a v2 update in a v1 message", () =>
    withServer({}, async (s) => {
      const token = await s.token('Ana');
      // Sent as written: fetch would resolve the dot segments itself.
      const get = (path: string) => rawRequest(s, `GET ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${token}\r\nconnection: close\r\n\r\n`);
      expect(await get('/api/workspaces/ws1')).toMatch(/^HTTP\/1\.1 200/);
      for (const path of ['/api/workspaces/ws1/plans/%2e%2e', '/api/workspaces/ws1/plans/..', '/api/workspaces/ws1/plans/%2E.', '/api//workspaces//ws1', '/api/workspaces/ws1//plans']) {
        expect(await get(path), path).toMatch(/^HTTP\/1\.1 404/);
      }
      expect(await rawRequest(s, 'CONNECT /index.html HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n')).toMatch(/^HTTP\/1\.1 405/);

      const author = new Y.Doc();
      author.getText('t').insert(0, 'v2');
      const v2 = rawSocket(`${s.server.wsUrl}/ws1/v2?token=${token}`);
      await v2.opened;
      v2.ws.send(encodeUpdate(Y.encodeStateAsUpdateV2(author)));
      expect((await v2.closed).code).toBe(4400);
      // The stock client's empty sync step 2 is still fine.
      const ok = connectClient(s.server.wsUrl, 'ws1/v2', token);
      try {
        await synced(ok);
        ok.doc.getText('t').insert(0, 'v1');
        await serverCopyWith(s, 'ws1/v2', token, 'v1');
      } finally {
        ok.destroy();
      }
    }));
});
