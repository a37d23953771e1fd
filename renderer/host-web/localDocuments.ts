/**
 * Documents kept in this browser (IndexedDB via y-indexeddb), for offline work: one persistence per
 * document on a shadow Y.Doc. `load` returns the whole stored state; `save` merges an update and
 * resolves only once IndexedDB has committed it.
 */
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { keepSetFieldHistory } from '../../shared/conflicts/replacedValues';

type Stored = { doc: Y.Doc; persistence: IndexeddbPersistence };

/** Waits for every earlier write to the updates store: IndexedDB runs overlapping readwrite transactions in order. */
function committed(db: IDBDatabase): Promise<void> {
  return new Promise((resolve, reject) => {
    const tr = db.transaction(['updates'], 'readwrite');
    tr.oncomplete = () => resolve();
    tr.onerror = () => reject(tr.error ?? new Error('IndexedDB could not store the document'));
    tr.onabort = () => reject(tr.error ?? new Error('IndexedDB could not store the document'));
  });
}

export class LocalDocuments {
  private readonly open = new Map<string, Stored>();

  constructor(private readonly workspaceId: string) {}

  private async get(docId: string): Promise<Stored> {
    let stored = this.open.get(docId);
    if (!stored) {
      const doc = new Y.Doc({ gcFilter: keepSetFieldHistory }); // owners' history stays, for merging
      stored = { doc, persistence: new IndexeddbPersistence(this.storeName(docId), doc) };
      this.open.set(docId, stored);
    }
    await stored.persistence.whenSynced;
    return stored;
  }

  /** IndexedDB database of a document: `tandem:<workspaceId>:<docId>` (`<planId>/comments` beside a plan). */
  private storeName(docId: string): string {
    return `tandem:${this.workspaceId}:${docId}`;
  }

  /** Removes what this browser keeps of a document (a deleted plan's comments). */
  async forget(docId: string): Promise<void> {
    const stored = this.open.get(docId);
    this.open.delete(docId);
    if (!stored) return void (await clearDocument(this.storeName(docId)));
    await stored.persistence.clearData();
    stored.doc.destroy();
  }

  async load(docId: string): Promise<Uint8Array> {
    return Y.encodeStateAsUpdate((await this.get(docId)).doc);
  }

  async save(docId: string, update: Uint8Array): Promise<void> {
    const { doc, persistence } = await this.get(docId);
    Y.applyUpdate(doc, update);
    if (persistence.db) await committed(persistence.db);
  }
}
