/**
 * Stored data that waits for a dependency nobody has stored: kept out of every sync and applied when
 * the dependency arrives, and dropped from the store, with a log line naming its bytes, once it has
 * waited longer than the window since a node first found it waiting. On one node (LevelDB) and on
 * several nodes sharing one PostgreSQL, where the window is measured from the same moment on every node.
 */
import * as Y from 'yjs';
import { type DocStore } from '../../../main/server/docStore';
import { openLevelDocStore } from '../../../main/server/levelDocStore';
import { type LogEntry } from '../../../main/server/log';
import { decodeMessage, encodeSyncStep1 } from '../../../main/server/messages';
import { openPgDocStore } from '../../../main/server/pgDocStore';
import { Room, type RoomOptions } from '../../../main/server/room';
import { enginesMissing, startPostgres, type Postgres } from '../../support/engines';
import { removeDir, tempDir, waitFor } from './helpers';
import { clientFrames, RecordingPeer } from './roomPeers';

const NAME = 'ws1/plan';
/** Big enough that carrying it along a sync would show: the 200 KB of the report, scaled down. */
const WAITING_TEXT = 'b'.repeat(20_000);

/** One client's edits: "a", then 20,000 characters after it (which cannot apply without the "a"). */
function firstAndWaiting(): { first: Uint8Array; waiting: Uint8Array } {
  const client = new Y.Doc();
  const [first] = clientFrames((doc) => doc.getText('t').insert(0, 'a'), client);
  const [waiting] = clientFrames((doc) => doc.getText('t').insert(1, WAITING_TEXT), client);
  const update = (frame: Uint8Array) => (decodeMessage(frame) as { update: Uint8Array }).update;
  return { first: update(first!), waiting: update(waiting!) };
}

type Node = { room: Room; logs: LogEntry[]; peer: RecordingPeer };

async function openNode(store: DocStore, opts: Partial<RoomOptions> = {}): Promise<Node> {
  const logs: LogEntry[] = [];
  const room = new Room(NAME, { store, log: (e) => logs.push(e), compactEvery: 500, traceWrites: false, onFailed: () => {}, onBroken: () => {}, ...opts });
  await room.ready;
  const peer = new RecordingPeer('Ana');
  room.join(peer);
  return { room, logs, peer };
}

const events = (node: Node, event: string) => node.logs.filter((e) => e.event === event);

/** What a client that syncs with the room from nothing is sent, in bytes (the room's sync step 2). */
async function syncBytes(node: Node): Promise<number> {
  const fresh = new RecordingPeer('Ben');
  node.room.join(fresh);
  node.room.receive(fresh, decodeMessage(encodeSyncStep1(new Y.Doc())));
  await node.room.flush();
  const step2 = fresh.frames.map((f) => decodeMessage(f)).find((m) => m.kind === 'sync-step2');
  node.room.leave(fresh);
  return step2 && step2.kind === 'sync-step2' ? step2.update.byteLength : -1;
}

/** The text of what the store holds, and whether any of it waits for a dependency. */
async function storedText(store: DocStore): Promise<{ text: string; waits: boolean }> {
  const doc = new Y.Doc();
  const state = await store.load(NAME);
  if (state) Y.applyUpdate(doc, state);
  return { text: doc.getText('t').toString(), waits: doc.store.pendingStructs !== null || doc.store.pendingDs !== null };
}

describe('stored data that waits for a dependency, on one node', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => removeDir(dir));

  /** A store that holds the waiting edit only (stored on behalf of a node that died, or by an older server). */
  async function storeWithWaiting(): Promise<{ first: Uint8Array; store: DocStore }> {
    const { first, waiting } = firstAndWaiting();
    const store = openLevelDocStore(dir);
    await store.appendUpdate(NAME, waiting);
    return { first, store };
  }

  it("rides along no sync, holds back nobody's edits, and applies once its dependency arrives", async () => {
    const { first, store } = await storeWithWaiting();
    try {
      const node = await openNode(store);
      expect(events(node, 'pending-stored')).toEqual([expect.objectContaining({ bytes: expect.any(Number) })]);
      expect(await syncBytes(node)).toBeLessThan(100);

      // Another person's edit goes to the others at once, not after the held-update expiry.
      const ben = new RecordingPeer('Ben');
      node.room.join(ben);
      const [other] = clientFrames((doc) => doc.getText('x').insert(0, 'hi'));
      node.room.receive(ben, decodeMessage(other!));
      expect(node.peer.updates().length).toBe(1);

      // The dependency arrives: the waiting edit applies and reaches the clients.
      node.room.receive(ben, decodeMessage(clientFrames((doc) => Y.applyUpdate(doc, first))[0]!));
      const seen = new Y.Doc();
      for (const u of node.peer.updates()) Y.applyUpdate(seen, u);
      expect(seen.getText('t').toString()).toBe(`a${WAITING_TEXT}`);
      expect(node.room.doc.getText('t').toString()).toBe(`a${WAITING_TEXT}`);
      await node.room.unload();
      expect(await storedText(store)).toEqual({ text: `a${WAITING_TEXT}`, waits: false });
    } finally {
      await store.close();
    }
  });

  it('is dropped from the store once it has waited the window since it was first found, across restarts', async () => {
    const { store } = await storeWithWaiting();
    try {
      const first = await openNode(store, { storedWaitingMs: 1500 });
      const [found] = events(first, 'pending-stored');
      await first.room.unload();
      await new Promise((r) => setTimeout(r, 300));
      // A restart measures from when it was first found, not from this load.
      const second = await openNode(store, { storedWaitingMs: 1500 });
      expect(events(second, 'pending-stored')).toEqual([expect.objectContaining({ since: found!.since })]);
      expect(events(second, 'pending-stored')[0]!.expiresInMs).toBeLessThanOrEqual(1500 - 300);
      await waitFor(() => events(second, 'pending-expired').length > 0, 'the stored waiting edit to expire');
      expect(events(second, 'pending-expired')).toEqual([expect.objectContaining({ where: 'stored', bytes: found!.bytes })]);
      await second.room.unload();
      expect(await storedText(store)).toEqual({ text: '', waits: false });

      const third = await openNode(store, { storedWaitingMs: 1500 });
      expect(third.logs.filter((e) => e.event.startsWith('pending'))).toEqual([]);
      await third.room.unload();
    } finally {
      await store.close();
    }
  });

  it('is dropped at load when the window has passed while no room had it loaded', async () => {
    const { store } = await storeWithWaiting();
    try {
      const first = await openNode(store, { storedWaitingMs: 200 });
      await first.room.unload();
      await new Promise((r) => setTimeout(r, 250));
      const second = await openNode(store, { storedWaitingMs: 200 });
      expect(events(second, 'pending-expired')).toEqual([expect.objectContaining({ where: 'stored', bytes: events(first, 'pending-stored')[0]!.bytes })]);
      expect(await storedText(store)).toEqual({ text: '', waits: false });
      await second.room.unload();
    } finally {
      await store.close();
    }
  });
});

const missing = enginesMissing();
if (missing) console.log(`skipping the several-node part of the stored waiting tests: ${missing}`);

describe.skipIf(missing !== null)('stored data that waits for a dependency, on several nodes sharing PostgreSQL', () => {
  let postgres: Postgres;
  const stores: DocStore[] = [];
  const openStore = async () => {
    const store = await openPgDocStore({ url: postgres.url, probeMs: 1000 });
    stores.push(store);
    return store;
  };
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);
  afterEach(async () => {
    const [any] = stores;
    await any?.delete(NAME);
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await postgres?.destroy();
  });

  it('keeps it while its dependency is stored by another node later, and applies it', async () => {
    const { first, waiting } = firstAndWaiting();
    const [one, two, three] = [await openStore(), await openStore(), await openStore()];
    // Node 1 stored the waiting edit on behalf of a node that died; node 2 loads it.
    const nodeOne = await openNode(one, { storedWaitingMs: 1500 });
    nodeOne.room.storeOnBehalf(waiting);
    await nodeOne.room.flush();
    const nodeTwo = await openNode(two, { storedWaitingMs: 1500 });
    expect(events(nodeTwo, 'pending-stored')).toHaveLength(1);
    expect(await syncBytes(nodeTwo)).toBeLessThan(100);

    // The dependency reaches node 1 from a client (stored there) and node 2 over the bus.
    nodeOne.room.receive(nodeOne.peer, decodeMessage(clientFrames((doc) => Y.applyUpdate(doc, first))[0]!));
    await nodeOne.room.flush();
    nodeTwo.room.applyRemote(first);
    const seen = new Y.Doc();
    for (const u of nodeTwo.peer.updates()) Y.applyUpdate(seen, u);
    expect(seen.getText('t').toString()).toBe(`a${WAITING_TEXT}`);

    // After the window nothing is dropped: a node loading then has the whole text.
    await new Promise((r) => setTimeout(r, 1600));
    const nodeThree = await openNode(three, { storedWaitingMs: 1500 });
    expect(nodeThree.room.doc.getText('t').toString()).toBe(`a${WAITING_TEXT}`);
    expect([nodeOne, nodeTwo, nodeThree].flatMap((n) => events(n, 'pending-expired'))).toEqual([]);
    await Promise.all([nodeOne, nodeTwo, nodeThree].map((n) => n.room.unload()));
    expect(await storedText(three)).toEqual({ text: `a${WAITING_TEXT}`, waits: false });
  });

  it('drops it once, on one node, after the window measured from when the first node found it', async () => {
    const { waiting } = firstAndWaiting();
    const [one, two, three] = [await openStore(), await openStore(), await openStore()];
    await one.appendUpdate(NAME, waiting);
    const nodeTwo = await openNode(two, { storedWaitingMs: 1500 });
    const [found] = events(nodeTwo, 'pending-stored');
    await new Promise((r) => setTimeout(r, 500));
    const nodeThree = await openNode(three, { storedWaitingMs: 1500 });
    expect(events(nodeThree, 'pending-stored')).toEqual([expect.objectContaining({ since: found!.since })]);
    expect(events(nodeThree, 'pending-stored')[0]!.expiresInMs).toBeLessThanOrEqual(1000);

    await waitFor(() => [nodeTwo, nodeThree].some((n) => events(n, 'pending-expired').length > 0), 'the stored waiting edit to expire');
    await new Promise((r) => setTimeout(r, 300)); // the other node's timer has fired too by now
    expect([nodeTwo, nodeThree].flatMap((n) => events(n, 'pending-expired'))).toEqual([expect.objectContaining({ where: 'stored', bytes: found!.bytes })]);
    expect(await storedText(one)).toEqual({ text: '', waits: false });
    await Promise.all([nodeTwo, nodeThree].map((n) => n.room.unload()));
    const nodeOne = await openNode(one, { storedWaitingMs: 1500 });
    expect(nodeOne.logs.filter((e) => e.event.startsWith('pending'))).toEqual([]);
    await nodeOne.room.unload();
  });
});
