import * as Y from 'yjs';
import { getLevelUpdates, LeveldbPersistence } from 'y-leveldb';
import { openLevelDocStore } from '../../../main/server/levelDocStore';
import { type DocStore } from '../../../main/server/docStore';
import { RoomRegistry } from '../../../main/server/roomRegistry';
import { removeDir, tempDir } from './helpers';

/** How many update records LevelDB holds for a document (read with y-leveldb itself). */
async function storedRecords(dir: string, name: string): Promise<number> {
  const db = new LeveldbPersistence(dir);
  try {
    return (await db._transact((level) => getLevelUpdates(level, name))).length;
  } finally {
    await db.destroy();
  }
}

describe('rooms and the LevelDB store', () => {
  it('stores every change, compacts past the threshold and on unload, and reloads the same state', async () => {
    const dir = tempDir();
    const store = openLevelDocStore(dir);
    const compactions: string[] = [];
    const counting: DocStore = { ...store, compact: (name) => (compactions.push(name), store.compact(name)) };
    const registry = new RoomRegistry({ store: counting, log: () => {}, idleMs: 10, compactEvery: 10, traceWrites: false });
    for (let i = 0; i < 25; i++) await registry.change('ws1/plan', (doc) => doc.getText('t').insert(i, 'x'));
    expect(compactions.length).toBeGreaterThanOrEqual(2);
    const before = registry.get('ws1/plan');
    await registry.closeAll();
    expect(before && registry.get('ws1/plan')).toBeFalsy();
    expect((await store.list('ws1/'))[0]).toMatchObject({ name: 'ws1/plan', lastModified: expect.any(String) });
    await store.close();

    expect(await storedRecords(dir, 'ws1/plan')).toBe(1);
    const reopened = openLevelDocStore(dir);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await reopened.load('ws1/plan'))!);
    expect(doc.getText('t').toString()).toBe('x'.repeat(25));
    expect(await reopened.load('ws1/nothing')).toBeNull();
    await reopened.delete('ws1/plan');
    expect(await reopened.load('ws1/plan')).toBeNull();
    await reopened.close();
    removeDir(dir);
  });

  it('turns a failed write into a StoreError: the room is dropped and nothing counts as stored', async () => {
    const dir = tempDir();
    const store = openLevelDocStore(dir);
    const failing: DocStore = { ...store, appendUpdate: async () => { throw new Error('disk full'); } };
    const logs: { event: string }[] = [];
    const registry = new RoomRegistry({ store: failing, log: (e) => logs.push(e), idleMs: 10, compactEvery: 100, traceWrites: false });
    await expect(registry.change('ws1/plan', (doc) => doc.getText('t').insert(0, 'lost'))).rejects.toThrow(/could not store/);
    expect(logs.map((e) => e.event)).toContain('store-failed');
    expect(registry.get('ws1/plan')).toBeUndefined();
    expect(await store.load('ws1/plan')).toBeNull();
    await store.close();
    removeDir(dir);
  });
});
