/**
 * The embedded default store: LevelDB in a data folder, through y-leveldb. Each update is one LevelDB
 * write (in the OS once `put` resolves, so a killed process loses nothing that was acknowledged);
 * compaction replaces a document's updates with their merge.
 */
import { mkdirSync } from 'node:fs';
import { LeveldbPersistence } from 'y-leveldb';
import * as Y from 'yjs';
import { StoreError, type DocStore, type StoredDocInfo } from './docStore';

const LAST_MODIFIED = 'lastModified';

export function openLevelDocStore(dir: string): DocStore {
  mkdirSync(dir, { recursive: true });
  const db = new LeveldbPersistence(dir);
  // y-leveldb swallows errors inside its transactions and resolves null: turn that into a StoreError.
  const must = async <T>(what: string, p: Promise<T>): Promise<NonNullable<T>> => {
    const value = await p;
    if (value === null || value === undefined) throw new StoreError(`could not ${what}`);
    return value;
  };

  return {
    async load(name) {
      const doc = await must(`load "${name}"`, db.getYDoc(name));
      try {
        return doc.store.clients.size === 0 && doc.store.pendingStructs === null ? null : Y.encodeStateAsUpdate(doc);
      } finally {
        doc.destroy();
      }
    },
    async appendUpdate(name, update) {
      await must(`store an update of "${name}"`, db.storeUpdate(name, update));
    },
    async compact(name) {
      await db.flushDocument(name);
    },
    async setLastModified(name, at) {
      await db.setMeta(name, LAST_MODIFIED, at);
    },
    async list(prefix) {
      const names = (await must('list documents', db.getAllDocNames())).filter((n) => n.startsWith(prefix));
      const out: StoredDocInfo[] = [];
      for (const name of names) {
        const at: unknown = await db.getMeta(name, LAST_MODIFIED);
        out.push({ name, lastModified: typeof at === 'string' ? at : null });
      }
      return out;
    },
    async delete(name) {
      await db.clearDocument(name);
    },
    async close() {
      await db.destroy();
    },
  };
}
