import * as Y from 'yjs';
import { getLevelUpdates, LeveldbPersistence } from 'y-leveldb';
import { openLevelDocStore } from '../../../main/server/levelDocStore';
import { nestedThenFlattened } from '../../support/deepNesting';
import { removeDir, tempDir } from './helpers';

/** Each update inserts its own number into the document's text, so a lost or reordered update shows. */
function numberedUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getText('t').insert(doc.getText('t').length, `${i},`);
  return updates;
}
const expectedText = (count: number) => Array.from({ length: count }, (_, i) => `${i},`).join('');

function text(state: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getText('t').toString();
}

async function withPersistence<T>(dir: string, f: (db: LeveldbPersistence) => Promise<T>): Promise<T> {
  const db = new LeveldbPersistence(dir);
  try {
    return await f(db);
  } finally {
    await db.destroy();
  }
}

describe('the LevelDB store', () => {
  it('commits appends of many documents together, interleaved with compactions, and loses none', async () => {
    const dir = tempDir();
    try {
      const store = openLevelDocStore(dir);
      const names = Array.from({ length: 8 }, (_, i) => `ws1/plan_${i}`);
      const updates = numberedUpdates(40);
      // Every document appends in order (one write in flight per document, as rooms do), all
      // documents at once, and some compact in the middle of their history.
      await Promise.all(names.map(async (name, d) => {
        for (const [i, u] of updates.entries()) {
          await store.appendUpdate(name, u);
          if (d % 2 === 0 && i % 15 === 14) await store.compact(name);
        }
      }));
      for (const name of names) expect(text(await store.load(name))).toBe(expectedText(40));
      expect((await store.list('ws1/')).map((d) => d.name).sort()).toEqual([...names].sort());
      await store.close();

      // y-leveldb itself reads what was written: records with distinct clocks, the same content.
      await withPersistence(dir, async (db) => {
        const doc = await db.getYDoc('ws1/plan_1');
        expect(doc.getText('t').toString()).toBe(expectedText(40));
        expect((await db._transact((level) => getLevelUpdates(level, 'ws1/plan_1'))).length).toBe(40);
      });
    } finally {
      removeDir(dir);
    }
  });

  it('continues a history written by y-leveldb, and after a delete starts the document afresh', async () => {
    const dir = tempDir();
    try {
      const updates = numberedUpdates(6);
      await withPersistence(dir, async (db) => {
        for (const u of updates.slice(0, 3)) await db.storeUpdate('ws1/old', u);
      });
      const store = openLevelDocStore(dir);
      for (const u of updates.slice(3)) await store.appendUpdate('ws1/old', u);
      expect(text(await store.load('ws1/old'))).toBe(expectedText(6));

      await store.delete('ws1/old');
      expect(await store.load('ws1/old')).toBeNull();
      await store.appendUpdate('ws1/old', updates[0]!);
      expect(text(await store.load('ws1/old'))).toBe(expectedText(1));
      expect((await store.list('ws1/')).map((d) => d.name)).toEqual(['ws1/old']);
      await store.close();
    } finally {
      removeDir(dir);
    }
  });
  it('writes an append to an idle store at once; under load waits for the next commit, which close does not drop', async () => {
    const dir = tempDir();
    try {
      // An interval far longer than the test: an append that waited for it would time the test out.
      const store = openLevelDocStore(dir, { commitIntervalMs: 60_000 });
      const updates = numberedUpdates(3);
      await store.appendUpdate('ws1/a', updates[0]!);

      // Right after a commit, further appends wait for the next one, together.
      const stored: string[] = [];
      const pending = [
        store.appendUpdate('ws1/a', updates[1]!).then(() => stored.push('a')),
        store.appendUpdate('ws1/b', updates[0]!).then(() => stored.push('b')),
      ];
      await new Promise((r) => setImmediate(r));
      expect(stored).toEqual([]);

      // Closing commits them instead of dropping them.
      await store.close();
      await Promise.all(pending);
      expect(stored.sort()).toEqual(['a', 'b']);
      await withPersistence(dir, async (db) => {
        expect((await db.getYDoc('ws1/a')).getText('t').toString()).toBe(expectedText(2));
        expect((await db.getYDoc('ws1/b')).getText('t').toString()).toBe(expectedText(1));
      });
    } finally {
      removeDir(dir);
    }
  });

  it('loads and compacts a history in which content nested 12,000 deep was written and then flattened', async () => {
    const dir = tempDir();
    try {
      const content = (d: Y.Doc) => d.get('content', Y.XmlText) as Y.XmlText;
      const { updates, flat } = nestedThenFlattened(12_000, 'deepest');
      expect(flat.length).toBeLessThan(500);

      const store = openLevelDocStore(dir);
      for (const u of updates) await store.appendUpdate('ws1/plan_deep', u);
      const read = (state: Uint8Array | null) => {
        const copy = new Y.Doc();
        Y.applyUpdate(copy, state!);
        return content(copy).toString();
      };
      expect(read(await store.load('ws1/plan_deep'))).toBe(flat);
      await store.compact('ws1/plan_deep');
      expect(read(await store.load('ws1/plan_deep'))).toBe(flat);
      await store.close();
      expect(await withPersistence(dir, (db) => db._transact((level) => getLevelUpdates(level, 'ws1/plan_deep')))).toHaveLength(1);
    } finally {
      removeDir(dir);
    }
  });
});
