import * as Y from 'yjs';
import { openLevelDocStore } from '../../../main/server/levelDocStore';
import { decodeMessage, encodeSyncStep2 } from '../../../main/server/messages';
import { Room, type RoomOptions } from '../../../main/server/room';
import { flattenDeepNesting } from '../../../shared/model/nesting';
import { appendNestedLists } from '../../support/deepNesting';
import { removeDir, tempDir, waitFor } from './helpers';
import { clientFrames, dependentEdits, RecordingPeer } from './roomPeers';

function openRoom(dir: string, name = 'ws1/plan', opts: Partial<RoomOptions> = {}) {
  const store = openLevelDocStore(dir);
  const room = new Room(name, { store, log: () => {}, compactEvery: 500, traceWrites: false, onFailed: () => {}, onBroken: () => {}, ...opts });
  return { store, room };
}

/** A room with two recording peers, Ana and Ben, joined. */
async function openRoomWithPeers(dir: string, opts: Partial<RoomOptions> = {}) {
  const { store, room } = openRoom(dir, 'ws1/plan', opts);
  await room.ready;
  const [ana, ben] = [new RecordingPeer('Ana'), new RecordingPeer('Ben')];
  room.join(ana);
  room.join(ben);
  return { store, room, ana, ben };
}

async function storedText(dir: string, name = 'ws1/plan'): Promise<string> {
  const store = openLevelDocStore(dir);
  const doc = new Y.Doc();
  const state = await store.load(name);
  if (state) Y.applyUpdate(doc, state);
  await store.close();
  return doc.getText('t').toString();
}

describe('a room', () => {
  it("passes a client's update frame on as it came, to everyone but the sender, and stores it", async () => {
    const dir = tempDir();
    try {
      const { store, room } = openRoom(dir);
      await room.ready;
      const [ana, ben, cleo] = [new RecordingPeer('Ana'), new RecordingPeer('Ben'), new RecordingPeer('Cleo')];
      for (const p of [ana, ben, cleo]) room.join(p);
      const handshake = ben.frames.length;

      const [frame] = clientFrames((doc) => doc.getText('t').insert(0, 'hello'));
      room.receive(ana, decodeMessage(frame!));

      expect(ben.frames.slice(handshake)).toEqual([frame]);
      expect(ben.frames.at(-1)).toBe(frame);
      expect(cleo.frames.at(-1)).toBe(frame);
      expect(ana.updates()).toEqual([]);
      expect(room.doc.getText('t').toString()).toBe('hello');
      await room.flush();
      await store.close();
      expect(await storedText(dir)).toBe('hello');
    } finally {
      removeDir(dir);
    }
  });

  it('holds back an update whose dependency has not arrived, and passes both on and stores them once it does', async () => {
    const dir = tempDir();
    try {
      const [first, second] = dependentEdits();
      const { store, room, ana, ben } = await openRoomWithPeers(dir);
      const sentBefore = ben.frames.length;
      room.receive(ana, decodeMessage(second));
      expect(ben.frames.length).toBe(sentBefore);
      room.receive(ana, decodeMessage(first));
      const seen = new Y.Doc();
      for (const u of ben.updates()) Y.applyUpdate(seen, u);
      expect(seen.getText('t').toString()).toBe('ab');
      await room.flush();
      await store.close();
      expect(await storedText(dir)).toBe('ab');
    } finally {
      removeDir(dir);
    }
  });

  it('expires an update that depends on changes nobody sent: nothing of it is passed on or stored', async () => {
    const dir = tempDir();
    try {
      const [, second] = dependentEdits();
      const logs: { event: string }[] = [];
      const { store, room, ana, ben } = await openRoomWithPeers(dir, { log: (e) => logs.push(e), waiting: { pendingExpiryMs: 50, maxPendingBytes: 1 << 20 } });
      room.receive(ana, decodeMessage(second));
      await waitFor(() => logs.some((e) => e.event === 'pending-expired'), 'the held update to expire');
      expect(room.doc.store.pendingStructs).toBeNull();
      expect(ben.updates().every((u) => Y.decodeUpdate(u).structs.length === 0)).toBe(true);
      await room.flush();
      await store.close();
      expect(await storedText(dir)).toBe('');
    } finally {
      removeDir(dir);
    }
  });

  it("sends a client's sync step 2 and the server's own changes to the peers as updates", async () => {
    const dir = tempDir();
    try {
      const { store, room } = openRoom(dir);
      await room.ready;
      const [ana, ben] = [new RecordingPeer('Ana'), new RecordingPeer('Ben')];
      room.join(ana);
      room.join(ben);

      const offline = new Y.Doc();
      offline.getText('t').insert(0, 'offline ');
      room.receive(ana, decodeMessage(encodeSyncStep2(offline, new Uint8Array([0]))));
      await room.change((doc) => doc.getText('t').insert(doc.getText('t').length, 'and server'));

      const seen = new Y.Doc();
      for (const u of ben.updates()) Y.applyUpdate(seen, u);
      expect(seen.getText('t').toString()).toBe('offline and server');
      expect(ana.updates()).toHaveLength(1); // the server's change only, not its own step 2
      await store.close();
      expect(await storedText(dir)).toBe('offline and server');
    } finally {
      removeDir(dir);
    }
  });

  it('loads after a restart a plan whose 5,000 nested lists an editor flattened in many transactions that arrived together', async () => {
    const dir = tempDir();
    const errors = vi.spyOn(console, 'error');
    try {
      const { store, room, ana } = await openRoomWithPeers(dir);
      const content = (doc: Y.Doc) => doc.get('content', Y.XmlText);
      const [nested] = clientFrames((doc) => appendNestedLists(content(doc), 5000, 'The deepest item'));
      room.receive(ana, decodeMessage(nested!));
      await room.flush();
      const editor = new Y.Doc();
      Y.applyUpdate(editor, Y.encodeStateAsUpdate(room.doc));
      // The editor's repair: many transactions, sent at once, stored while one write is in flight.
      const repair = clientFrames((doc) => flattenDeepNesting(content(doc)), editor);
      expect(repair.length).toBeGreaterThan(20);
      for (const frame of repair) room.receive(ana, decodeMessage(frame));
      const flat = content(room.doc).toString();
      expect(flat).toContain('The deepest item');
      await room.unload();
      await store.close();

      const again = openRoom(dir);
      await again.room.ready;
      expect(content(again.room.doc).toString()).toBe(flat);
      await again.room.unload();
      await again.store.close();
      expect(errors.mock.calls.map((c) => String(c[0]))).not.toContainEqual(expect.stringContaining('y-leveldb'));
    } finally {
      errors.mockRestore();
      removeDir(dir);
    }
  });
});
