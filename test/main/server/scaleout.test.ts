/**
 * Several sync-server nodes on one PostgreSQL and one Redis, all real and started here: stock
 * y-websocket clients on different nodes converge (presence too), nodes killed during an edit storm
 * lose nothing any node acknowledged, Redis and PostgreSQL restarts lose nothing, a lost bus message is
 * repaired, and the JSON API reads the same on every node.
 */
import * as Y from 'yjs';
import { type WebsocketProvider } from 'y-websocket';
import { createToken, startSyncServer, type SyncServer } from '../../../main/server/index';
import { decodeBusMessage, type BusMessage } from '../../../main/server/fanout/busMessages';
import { connectRedisBus } from '../../../main/server/fanout/redisBus';
import { createThread, readThreads } from '../../../shared/comments/commentsDoc';
import { type RoomBus } from '../../../main/server/fanout/roomBus';
import { openPgDocStore, type PgDocStore } from '../../../main/server/pgDocStore';
import { type LogEntry } from '../../../main/server/log';
import { enginesMissing, freePort, startPostgres, startRedis, type Postgres, type Redis } from '../../support/engines';
import { startLoadBalancer, type LoadBalancer } from '../../support/loadBalancer';
import { killChildren } from '../../support/childProcesses';
import { bundleCli, startNode, type ServerNode } from '../../support/serverNodes';
import { connectClient, removeDir, SECRET, serverState, synced, tempDir, textOfState, waitFor, type Client } from './helpers';
import { seededRandom } from './seededRandom';
import { waitUntil } from '../../support/waitUntil';

const missing = enginesMissing();
if (missing) console.log(`skipping the scale-out tests: ${missing}`);

const eventually = (cond: () => Promise<boolean>, what: string, guardMs = 20_000) => waitUntil(cond, what, guardMs, 50);

describe.skipIf(missing !== null)('several server nodes on PostgreSQL and Redis', () => {
  let postgres: Postgres;
  let redis: Redis;
  let cli: Awaited<ReturnType<typeof bundleCli>>;
  /** The shared store as the tests read it, beside the nodes. */
  let shared: PgDocStore;
  const dataDirs: string[] = [];

  beforeAll(async () => {
    [postgres, redis, cli] = await Promise.all([startPostgres(), startRedis(), bundleCli('tandem-scaleout-test')]);
    shared = await openPgDocStore({ url: postgres.url, probeMs: 200 });
  }, 60_000);
  afterEach(killChildren);
  afterAll(async () => {
    await shared?.close();
    await Promise.all([postgres?.destroy(), redis?.destroy()]);
    cli?.remove();
    for (const dir of dataDirs) removeDir(dir);
  });

  type Cluster = {
    nodes: (ServerNode | null)[];
    /** Every node process started, dead or alive: their `stored` logs are the acknowledgements. */
    ever: ServerNode[];
    lb: LoadBalancer;
    url(i: number): string;
    kill(i: number): Promise<void>;
    restart(i: number): Promise<void>;
    stop(): Promise<void>;
  };

  async function startCluster(n: number): Promise<Cluster> {
    const ports = await Promise.all(Array.from({ length: n }, () => freePort()));
    const dataDir = tempDir();
    dataDirs.push(dataDir);
    const args = ['--postgres', postgres.url, '--redis', redis.url, '--secret', SECRET, '--data', dataDir];
    const nodes: (ServerNode | null)[] = ports.map((p) => startNode(cli.bundle, p, args));
    const ever = [...(nodes as ServerNode[])];
    await Promise.all(ever.map((node) => node.listening));
    const lb = await startLoadBalancer(() => ports.filter((_, i) => nodes[i] !== null));
    return {
      nodes, ever, lb,
      url: (i) => `ws://127.0.0.1:${ports[i]}`,
      async kill(i) {
        const node = nodes[i]!;
        nodes[i] = null;
        node.proc.kill('SIGKILL');
        await node.exited;
      },
      async restart(i) {
        const node = startNode(cli.bundle, ports[i]!, args);
        ever.push(node);
        await node.listening;
        nodes[i] = node;
      },
      async stop() {
        await lb.close();
        for (const node of nodes) node?.proc.kill('SIGTERM');
        await Promise.all(nodes.map((node) => node?.exited));
      },
    };
  }

  /** Writes acknowledged by any node (its `stored` log) that the shared store does not hold. */
  async function acknowledgedButMissing(cluster: Cluster, rooms: string[]): Promise<string[]> {
    const lost: string[] = [];
    for (const room of rooms) {
      const state = await shared.load(room);
      const held = state ? Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state)) : new Map<number, number>();
      for (const node of cluster.ever) {
        for (const s of node.stored) {
          if (s.room !== room) continue;
          for (const [client, clock] of Object.entries(s.covers)) if ((held.get(Number(client)) ?? 0) < clock) lost.push(`${room} client ${client} clock ${clock} (port ${node.port})`);
        }
      }
    }
    return lost;
  }

  /** Clients that each append numbered edits to their room's text every `everyMs`. */
  function storm(clients: Client[], everyMs: number) {
    const written = clients.map(() => 0);
    const timer = setInterval(() => {
      clients.forEach((c, i) => {
        const n = written[i]!++;
        c.doc.getText('t').insert(c.doc.getText('t').length, `c${i}.${n};`);
      });
    }, everyMs);
    return { written, stop: () => clearInterval(timer) };
  }

  /** Every client of each room holds every edit of that room, and the shared store does too. */
  async function expectConverged(clients: Client[], written: number[], rooms: string[]): Promise<void> {
    for (const room of rooms) {
      const inRoom = clients.map((c, i) => ({ c, i })).filter(({ c }) => c.provider.roomname === room);
      const expected = (text: string) => inRoom.every(({ i }) => Array.from({ length: written[i]! }, (_, n) => `c${i}.${n};`).every((e) => text.includes(e)));
      await waitFor(() => inRoom.every(({ c }) => c.provider.synced && expected(c.doc.getText('t').toString())), `every client of ${room} to hold every edit`, 30_000);
      await waitFor(() => inRoom.every(({ c }) => c.doc.getText('t').toString() === inRoom[0]!.c.doc.getText('t').toString()), `${room} to converge`);
      await eventually(async () => expected(textOfState(await shared.load(room))), `the shared store to hold every edit of ${room}`);
    }
  }

  it('stock clients on different nodes edit the same plan and converge, presence included', async () => {
    const cluster = await startCluster(2);
    const token = await createToken(SECRET, { workspaceId: 'wsP', name: 'Ann', role: 'editor' });
    const ann = connectClient(cluster.url(0), 'wsP/plan', token);
    const bob = connectClient(cluster.url(1), 'wsP/plan', token);
    try {
      await Promise.all([synced(ann), synced(bob)]);
      ann.doc.getText('t').insert(0, 'Ann writes. ');
      bob.doc.getText('t').insert(0, 'Bob writes. ');
      await waitFor(() => ann.doc.getText('t').length === 24 && bob.doc.getText('t').toString() === ann.doc.getText('t').toString(), 'both edits on both nodes');

      ann.provider.awareness.setLocalStateField('user', { name: 'Ann' });
      bob.provider.awareness.setLocalStateField('user', { name: 'Bob' });
      const nameOf = (p: WebsocketProvider, id: number) => (p.awareness.getStates().get(id) as { user?: { name: string } } | undefined)?.user?.name;
      await waitFor(() => nameOf(bob.provider, ann.doc.clientID) === 'Ann' && nameOf(ann.provider, bob.doc.clientID) === 'Bob', 'each to see the other on the other node');
      bob.destroy();
      await waitFor(() => !ann.provider.awareness.getStates().has(bob.doc.clientID), 'Bob to leave Ann\'s presence when he disconnects from the other node');
    } finally {
      ann.destroy();
      bob.destroy();
      await cluster.stop();
    }
  });

  it('the JSON API creates, renames and deletes a plan consistently seen from every node', async () => {
    const cluster = await startCluster(3);
    const token = await createToken(SECRET, { workspaceId: 'wsApi', name: 'Ann', role: 'editor' });
    const http = (i: number) => cluster.url(i).replace('ws:', 'http:');
    const api = async (i: number, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${http(i)}/api${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, json: res.status === 204 ? null : ((await res.json()) as unknown) };
    };
    const titles = async (i: number) => ((await api(i, 'GET', '/workspaces/wsApi/plans')).json as { id: string; title: string }[]).map((p) => p.title).sort();
    try {
      const templates = (await api(0, 'GET', '/templates')).json as { id: string }[];
      await titles(1); // node 1 has the workspace loaded before the change, node 2 loads it after
      const created = await api(0, 'POST', '/workspaces/wsApi/plans', { templateId: templates[0]!.id, title: 'Q1 plan' });
      expect(created.status).toBe(201);
      const plan = created.json as { id: string };
      for (const i of [0, 1, 2]) expect(await titles(i), `node ${i} after create`).toEqual(['Q1 plan']);

      expect((await api(1, 'PATCH', `/workspaces/wsApi/plans/${plan.id}`, { title: 'Q1 final' })).status).toBe(200);
      for (const i of [0, 1, 2]) expect(await titles(i), `node ${i} after rename`).toEqual(['Q1 final']);

      const reader = connectClient(cluster.url(0), `wsApi/${plan.id}`, token);
      await synced(reader);
      const closed = new Promise<number>((r) => reader.provider.once('connection-close', (event: CloseEvent | null) => r(event?.code ?? 0)));
      expect((await api(2, 'DELETE', `/workspaces/wsApi/plans/${plan.id}`)).status).toBe(204);
      expect(await closed, 'a client of the plan on another node is told it was deleted').toBe(4410);
      reader.destroy();
      for (const i of [0, 1, 2]) expect(await titles(i), `node ${i} after delete`).toEqual([]);
      expect(await shared.load(`wsApi/${plan.id}`)).toBeNull();
    } finally {
      await cluster.stop();
    }
  });

  it('carries a plan\'s comments room between nodes like a plan, and deletes it with the plan on every node', async () => {
    const cluster = await startCluster(2);
    const token = await createToken(SECRET, { workspaceId: 'wsSide', name: 'Ann', role: 'editor' });
    const commenter = await createToken(SECRET, { workspaceId: 'wsSide', name: 'Cam', role: 'commenter' });
    const res = await fetch(`${cluster.url(0).replace('ws:', 'http:')}/api/workspaces/wsSide/plans`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ templateId: 'campaign-plan', title: 'Side rooms' }),
    });
    expect(res.status).toBe(201);
    const plan = (await res.json()) as { id: string };
    const room = `wsSide/${plan.id}/comments`;
    const ann = connectClient(cluster.url(0), room, token);
    const cam = connectClient(cluster.url(1), room, commenter);
    try {
      await Promise.all([synced(ann), synced(cam)]);
      createThread(ann.doc, { author: 'Ann', anchor: { kind: 'plan' }, text: 'Ann on node 0' });
      createThread(cam.doc, { author: 'Cam', anchor: { kind: 'plan' }, text: 'Cam on node 1' });
      const texts = (doc: Y.Doc) => readThreads(doc).map((t) => t.messages[0]!.text).sort().join(', ');
      await waitFor(() => texts(ann.doc) === 'Ann on node 0, Cam on node 1' && texts(cam.doc) === texts(ann.doc), 'both comments on both nodes');
      await eventually(async () => {
        const stored = new Y.Doc();
        Y.applyUpdate(stored, (await shared.load(room)) ?? Y.encodeStateAsUpdate(new Y.Doc()));
        return texts(stored) === 'Ann on node 0, Cam on node 1';
      }, 'the shared store to hold both');

      const closed = new Promise<number>((r) => cam.provider.once('connection-close', (event: CloseEvent | null) => r(event?.code ?? 0)));
      const deleted = await fetch(`${cluster.url(0).replace('ws:', 'http:')}/api/workspaces/wsSide/plans/${plan.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
      expect(deleted.status).toBe(204);
      expect(await closed, 'the comments client on the other node is told the plan was deleted').toBe(4410);
      expect(await shared.load(room)).toBeNull();
    } finally {
      ann.destroy();
      cam.destroy();
      await cluster.stop();
    }
  });

  it('loses nothing acknowledged across 10 SIGKILLs of random nodes during an edit storm; clients move to other nodes', async () => {
    const cluster = await startCluster(3);
    const rooms = ['wsK/plan_a', 'wsK/plan_b'];
    const token = await createToken(SECRET, { workspaceId: 'wsK', name: 'Storm', role: 'editor' });
    const clients = Array.from({ length: 4 }, (_, i) => connectClient(cluster.lb.url, rooms[i % 2]!, token, new Y.Doc(), true, 300));
    const random = seededRandom(13);
    try {
      await Promise.all(clients.map(synced));
      const edits = storm(clients, 10);
      try {
        for (let k = 0; k < 10; k++) {
          await new Promise((r) => setTimeout(r, 200 + random() * 800));
          const alive = cluster.nodes.map((n, i) => (n ? i : -1)).filter((i) => i >= 0);
          const victim = alive[Math.floor(random() * alive.length)]!;
          await cluster.kill(victim);
          expect(await acknowledgedButMissing(cluster, rooms), `after kill ${k + 1} (node ${victim})`).toEqual([]);
          await cluster.restart(victim);
        }
      } finally {
        edits.stop();
      }
      await expectConverged(clients, edits.written, rooms);
      expect(await acknowledgedButMissing(cluster, rooms)).toEqual([]);
      for (const room of rooms) {
        const text = clients.find((c) => c.provider.roomname === room)!.doc.getText('t').toString();
        for (const i of [0, 1, 2]) expect((await serverState(cluster.url(i), room, token)).getText('t').toString(), `${room} on node ${i}`).toBe(text);
      }
    } finally {
      for (const c of clients) c.destroy();
      await cluster.stop();
    }
  }, 120_000);

  for (const engine of ['redis', 'postgres'] as const) {
    it(`loses nothing acknowledged when ${engine === 'redis' ? 'Redis' : 'PostgreSQL'} restarts mid-storm; the nodes close their clients meanwhile and converge after`, async () => {
      const cluster = await startCluster(2);
      const rooms = [`ws_${engine}/plan`];
      const token = await createToken(SECRET, { workspaceId: `ws_${engine}`, name: 'Storm', role: 'editor' });
      const clients = [0, 1, 0, 1].map((i) => connectClient(cluster.url(i), rooms[0]!, token, new Y.Doc(), true, 300));
      const closeCodes: number[] = [];
      for (const c of clients) c.provider.on('connection-close', (event: CloseEvent | null) => closeCodes.push(event?.code ?? 0));
      const downLogged = () => cluster.nodes.every((n) => n!.logs.some((l) => l.event === 'engine-down' && l.engine === engine));
      const upLogged = () => cluster.nodes.every((n) => n!.logs.some((l) => l.event === 'engine-up' && l.engine === engine));
      try {
        await Promise.all(clients.map(synced));
        const edits = storm(clients, 10);
        try {
          await new Promise((r) => setTimeout(r, 700));
          await (engine === 'redis' ? redis : postgres).stop();
          await waitFor(downLogged, `both nodes to log that ${engine} is down`);
          await waitFor(() => closeCodes.filter((c) => c === 1013).length >= clients.length, 'the nodes to close their clients with 1013');
          await new Promise((r) => setTimeout(r, 500));
          await (engine === 'redis' ? redis : postgres).start();
          await waitFor(upLogged, `both nodes to log that ${engine} is back`);
          await new Promise((r) => setTimeout(r, 700));
        } finally {
          edits.stop();
        }
        await expectConverged(clients, edits.written, rooms);
        expect(await acknowledgedButMissing(cluster, rooms)).toEqual([]);
      } finally {
        for (const c of clients) c.destroy();
        await cluster.stop();
      }
    }, 90_000);
  }

  describe('faults injected between two nodes in this process', () => {
    /** An update that changes something (a client's empty sync step 2 is two bytes). */
    const isEdit = (m: BusMessage) => m.kind === 'update' && m.update.byteLength > 2;

    type Faults = {
      /** The second node does not hear the messages this returns true for. */
      drop?: (m: BusMessage) => boolean;
      /** The first node's writes never commit, as if it died before committing each. */
      firstNeverStores?: boolean;
    };
    /** Two nodes in this process on the real engines, with `faults` injected. */
    async function twoNodes({ drop = () => false, firstNeverStores = false }: Faults) {
      const logs: LogEntry[] = [];
      const log = (e: LogEntry) => logs.push(e);
      const servers: SyncServer[] = [];
      const hung: ((err: Error) => void)[] = [];
      for (const lossy of [false, true]) {
        const bus = await connectRedisBus({ url: redis.url, log });
        const heard: RoomBus = lossy
          ? { ...bus, subscribe: (room, on) => bus.subscribe(room, (bytes) => void (drop(decodeBusMessage(bytes)) || on(bytes))) }
          : bus;
        const dataDir = tempDir();
        dataDirs.push(dataDir);
        const store = await openPgDocStore({ url: postgres.url });
        if (!lossy && firstNeverStores) store.appendUpdate = () => new Promise<void>((_, reject) => hung.push(reject));
        servers.push(await startSyncServer({ port: 0, secret: SECRET, dataDir, log, store, bus: heard, limits: { busHoldMs: 300, idleRoomMs: 100 } }));
      }
      return {
        servers, logs,
        close: () => {
          for (const reject of hung) reject(new Error('the node is gone'));
          return Promise.all(servers.map((s) => s.close()));
        },
      };
    }

    async function typeAndWatch(room: string, drop: (m: BusMessage) => boolean, parts: string[]) {
      const nodes = await twoNodes({ drop });
      const token = await createToken(SECRET, { workspaceId: room.split('/')[0]!, name: 'Ann', role: 'editor' });
      const writer = connectClient(nodes.servers[0]!.wsUrl, room, token);
      const watcher = connectClient(nodes.servers[1]!.wsUrl, room, token);
      try {
        await Promise.all([synced(writer), synced(watcher)]);
        for (const part of parts) {
          writer.doc.getText('t').insert(writer.doc.getText('t').length, part);
          await new Promise((r) => setTimeout(r, 50));
        }
        await waitFor(() => watcher.doc.getText('t').toString() === parts.join(''), 'the client on the node that lost a message to converge', 5000);
      } finally {
        writer.destroy();
        watcher.destroy();
        await nodes.close();
      }
    }

    it('in the middle of a run is repaired at once (the gap in the node\'s numbers)', async () => {
      let updates = 0;
      await typeAndWatch('wsD1/plan', (m) => isEdit(m) && ++updates === 2, ['one ', 'two ', 'three']);
    });

    it('as the last change of a run, its "stored" lost too, is repaired by the next state exchange', async () => {
      let updates = 0;
      await typeAndWatch('wsD2/plan', (m) => (isEdit(m) && ++updates === 2) || (m.kind === 'stored' && m.seq >= 2), ['one ', 'two']);
    });

    it('a change whose node never commits it is stored by the node that heard it', async () => {
      const nodes = await twoNodes({ firstNeverStores: true });
      const token = await createToken(SECRET, { workspaceId: 'wsH', name: 'Ann', role: 'editor' });
      const writer = connectClient(nodes.servers[0]!.wsUrl, 'wsH/plan', token);
      const watcher = connectClient(nodes.servers[1]!.wsUrl, 'wsH/plan', token);
      try {
        await Promise.all([synced(writer), synced(watcher)]);
        writer.doc.getText('t').insert(0, 'kept anyway');
        await waitFor(() => watcher.doc.getText('t').toString() === 'kept anyway', 'the other node to relay the change');
        await eventually(async () => textOfState(await shared.load('wsH/plan')) === 'kept anyway', 'the node that heard the change to store it', 5000);
        expect(nodes.logs.some((e) => e.event === 'stored-on-behalf' && e.room === 'wsH/plan')).toBe(true);
      } finally {
        writer.destroy();
        watcher.destroy();
        await nodes.close();
      }
    });

    it('the JSON API on a node that lost the bus message of a change still reads the change', async () => {
      const nodes = await twoNodes({ drop: (m) => m.kind === 'update' || m.kind === 'state' || m.kind === 'repair' });
      const token = await createToken(SECRET, { workspaceId: 'wsL', name: 'Ann', role: 'editor' });
      const api = async (i: number, method: string, path: string, body?: unknown) => {
        const res = await fetch(`${nodes.servers[i]!.url}/api${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
        return (await res.json()) as unknown;
      };
      try {
        const templates = (await api(0, 'GET', '/templates')) as { id: string }[];
        expect(await api(1, 'GET', '/workspaces/wsL/plans')).toEqual([]);
        await api(0, 'POST', '/workspaces/wsL/plans', { templateId: templates[0]!.id, title: 'Heard late' });
        expect(((await api(1, 'GET', '/workspaces/wsL/plans')) as { title: string }[]).map((p) => p.title)).toEqual(['Heard late']);
      } finally {
        await nodes.close();
      }
    });
  });
});
