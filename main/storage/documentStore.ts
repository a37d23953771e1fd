/**
 * The desktop's durable home for Yjs documents: one file per document (see planFile.ts) plus a
 * journal of the updates saved since the file was last written.
 *
 * - `save` applies an update to the main-side copy and appends it to the journal (fsync) before it
 *   resolves: only then does the user's edit count as saved.
 * - Every `compactEvery` updates, or after `idleMs` without saves, the whole state is written to the
 *   file (temp + fsync + rename) and the journal emptied. A crash in between only replays updates
 *   the file already holds, which Yjs ignores.
 * - `open` replays file + journal; a file that cannot be read is moved aside, never overwritten; a
 *   journal with damaged records is replayed as far as it can be and then kept aside, never cut.
 * - `mergeFromDisk` merges a file another program rewrote into the open copy, and reports the bytes
 *   the renderer lacks.
 * Work on one document runs strictly in order (a per-document queue), so a compaction never drops an
 * update that was being journaled.
 */
import { readFile, rename } from 'node:fs/promises';
import { basename } from 'node:path';
import * as Y from 'yjs';
import { keepSetFieldHistory } from '../../shared/conflicts/replacedValues';
import { readPlanMeta } from '../../shared/model/planDoc';
import { writeFileDurably } from './atomicWrite';
import { CorruptFileError, decodePlanFile, encodePlanFile, type FileHeader } from './planFile';
import { Journal, readJournal } from './journal';

export type DocLocation = { docId: string; kind: FileHeader['kind']; filePath: string; journalPath: string };

/** A document file that could not be read and was moved aside. */
export class UnreadableDocumentError extends Error {
  constructor(readonly filePath: string, readonly movedTo: string, readonly reason: string) {
    super(`"${basename(filePath)}" could not be opened: ${reason}. Tandem moved it aside to "${basename(movedTo)}" and did not change it.`);
    this.name = 'UnreadableDocumentError';
  }
}

/** Bytes that Yjs cannot apply: refused, never journaled. */
export class InvalidUpdateError extends Error {
  constructor(docId: string) {
    super(`the update for "${docId}" is not a valid Yjs update; nothing was saved`);
    this.name = 'InvalidUpdateError';
  }
}

export type JournalSetAside = { docId: string; journalPath: string; movedTo: string; replayed: number; refused: number };

export type DocumentStoreOptions = {
  compactEvery?: number;
  idleMs?: number;
  /** Another program changed an open document's file; `update` holds what the open copy lacked. */
  onExternalUpdate?: (docId: string, update: Uint8Array) => void;
  /** A file was found unreadable and moved aside. */
  onUnreadable?: (error: UnreadableDocumentError) => void;
  /** A journal held damaged records: what could be replayed is in the file, the journal was moved to `movedTo`. */
  onJournalSetAside?: (info: JournalSetAside) => void;
  /** Another program put a different document at an open document's path; the open one was written to `location`. */
  onMoved?: (docId: string, location: DocLocation) => void;
  now?: () => Date;
};

const EXTERNAL = Symbol('external-file');

type OpenDoc = {
  location: DocLocation;
  doc: Y.Doc;
  journal: Journal;
  sinceCompaction: number;
  queue: Promise<unknown>;
  idleTimer: NodeJS.Timeout | null;
};

export class DocumentStore {
  private readonly docs = new Map<string, Promise<OpenDoc>>();
  private shut = false;
  private readonly compactEvery: number;
  private readonly idleMs: number;

  constructor(private readonly options: DocumentStoreOptions = {}) {
    this.compactEvery = options.compactEvery ?? 500;
    this.idleMs = options.idleMs ?? 2000;
  }

  isOpen(docId: string): boolean {
    return this.docs.has(docId);
  }

  openDocIds(): string[] {
    return [...this.docs.keys()];
  }

  /** Where an open document is stored now (the store moves a plan whose file another one took). */
  async filePathOf(docId: string): Promise<string | null> {
    const entry = this.docs.get(docId);
    return entry ? entry.then((d) => d.location.filePath, () => null) : null;
  }

  /** Writes a brand-new document file; refuses to replace an existing one. */
  async create(location: DocLocation, doc: Y.Doc): Promise<void> {
    if (this.docs.has(location.docId)) throw new Error(`document "${location.docId}" already exists`);
    await writeFileDurably(location.filePath, this.encode(location, doc));
  }

  /** Opens a document (once; later calls share the copy). Throws UnreadableDocumentError for a damaged file. */
  open(location: DocLocation): Promise<Y.Doc> {
    if (this.shut) return Promise.reject(new Error('this workspace has been closed'));
    let entry = this.docs.get(location.docId);
    if (!entry) {
      entry = this.load(location);
      this.docs.set(location.docId, entry);
      entry.catch(() => this.docs.delete(location.docId));
    }
    return entry.then((d) => d.doc);
  }

  /** The whole state of an open document as one update. */
  async encodeState(docId: string): Promise<Uint8Array> {
    return Y.encodeStateAsUpdate((await this.get(docId)).doc);
  }

  /** Applies and journals an update; resolves once it is durable on disk. */
  save(docId: string, update: Uint8Array): Promise<void> {
    return this.enqueue(docId, async (d) => {
      try {
        Y.applyUpdate(d.doc, update);
      } catch {
        throw new InvalidUpdateError(docId);
      }
      await d.journal.append(update);
      d.sinceCompaction++;
      if (d.sinceCompaction >= this.compactEvery) await this.compactNow(d);
      else this.armIdle(d);
    });
  }

  /** Runs a change on the main-side copy (rename, index update) and makes it durable like a save. */
  change(docId: string, fn: (doc: Y.Doc) => void): Promise<void> {
    return this.enqueue(docId, async (d) => {
      const updates: Uint8Array[] = [];
      const collect = (u: Uint8Array) => updates.push(u);
      d.doc.on('update', collect);
      try {
        fn(d.doc);
      } finally {
        d.doc.off('update', collect);
      }
      for (const u of updates) await d.journal.append(u);
      if (updates.length) await this.compactNow(d);
    });
  }

  /** Writes the file now and empties the journal. */
  compact(docId: string): Promise<void> {
    return this.enqueue(docId, (d) => this.compactNow(d));
  }

  /** Merges the file on disk (rewritten by another program) into the open copy. */
  mergeFromDisk(docId: string): Promise<void> {
    if (!this.docs.has(docId)) return Promise.resolve();
    return this.enqueue(docId, async (d) => {
      let bytes: Buffer;
      try {
        bytes = await readFile(d.location.filePath);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // gone: the workspace decides what that means
        throw e;
      }
      let state: Uint8Array;
      try {
        const file = decodePlanFile(bytes);
        if (file.header.docId !== docId) {
          // Another document now sits at this path: leave it be, and give ours a file of its own.
          d.location = { ...d.location, filePath: d.location.filePath.replace(/(\.[^./\\]+)?$/, `-${docId.replace(/\//g, '.')}$1`) };
          await this.compactNow(d);
          this.options.onMoved?.(docId, d.location);
          return;
        }
        state = file.state;
      } catch (e) {
        if (!(e instanceof CorruptFileError)) throw e;
        // Keep the damaged file for the person to inspect; the open copy is whole and is written anew.
        this.options.onUnreadable?.(await this.moveAside(d.location, e.reason, false));
        await this.compactNow(d);
        return;
      }
      let delta: Uint8Array | null = null;
      const capture = (u: Uint8Array, origin: unknown) => { if (origin === EXTERNAL) delta = u; };
      d.doc.on('update', capture);
      try {
        Y.applyUpdate(d.doc, state, EXTERNAL);
      } finally {
        d.doc.off('update', capture);
      }
      // Write the union when the file lacks part of it, so the other program sees our edits too.
      // (Edits still in the journal are written by the scheduled compaction anyway.)
      const fileClocks = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
      const oursAhead = [...Y.decodeStateVector(Y.encodeStateVector(d.doc))].some(([client, clock]) => (fileClocks.get(client) ?? 0) < clock);
      if (delta || (oursAhead && d.sinceCompaction === 0)) await this.compactNow(d);
      if (delta) this.options.onExternalUpdate?.(docId, delta);
    });
  }

  /** Moves an open document's file (and journal) to a new path, in order with its saves. */
  moveFile(docId: string, location: DocLocation): Promise<void> {
    return this.enqueue(docId, async (d) => {
      await rename(d.location.filePath, location.filePath);
      if (location.journalPath !== d.location.journalPath) await rename(d.location.journalPath, location.journalPath).catch(() => {});
      d.location = location;
    });
  }

  /** Compacts and closes a document. */
  async close(docId: string): Promise<void> {
    if (!this.docs.has(docId)) return;
    await this.enqueue(docId, async (d) => {
      if (d.sinceCompaction > 0) await this.compactNow(d);
      if (d.idleTimer) clearTimeout(d.idleTimer);
      await d.journal.close();
      d.doc.destroy();
    });
    this.docs.delete(docId);
  }

  /** Closes without writing the file (the document is being deleted). */
  async discard(docId: string): Promise<void> {
    if (!this.docs.has(docId)) return;
    await this.enqueue(docId, async (d) => {
      if (d.idleTimer) clearTimeout(d.idleTimer);
      await d.journal.close();
      d.doc.destroy();
    });
    this.docs.delete(docId);
  }

  /** Closes every document; the store opens none after this. */
  async closeAll(): Promise<void> {
    this.shut = true;
    await Promise.all(this.openDocIds().map((id) => this.close(id).catch(() => {})));
  }

  // ---------- inside ----------

  private async get(docId: string): Promise<OpenDoc> {
    const entry = this.docs.get(docId);
    if (!entry) throw new Error(`document "${docId}" is not open`);
    return entry;
  }

  private enqueue<T>(docId: string, work: (d: OpenDoc) => Promise<T>): Promise<T> {
    return this.get(docId).then((d) => {
      const run = d.queue.then(() => work(d));
      d.queue = run.catch(() => {});
      return run;
    });
  }

  private async load(location: DocLocation): Promise<OpenDoc> {
    const doc = new Y.Doc({ gcFilter: keepSetFieldHistory }); // owners' history stays, for merging
    const bytes = await readFile(location.filePath);
    try {
      const { header, state } = decodePlanFile(bytes);
      if (header.docId !== location.docId) throw new CorruptFileError(`the file belongs to document "${header.docId}", not "${location.docId}"`);
      try {
        Y.applyUpdate(doc, state);
      } catch {
        throw new CorruptFileError('the document state in the file cannot be read');
      }
    } catch (e) {
      if (!(e instanceof CorruptFileError)) throw e;
      const err = await this.moveAside(location, e.reason, true);
      this.options.onUnreadable?.(err);
      throw err;
    }
    const contents = await readJournal(location.journalPath);
    let replayed = 0;
    for (const u of contents.updates) {
      try {
        Y.applyUpdate(doc, u);
        replayed++;
      } catch {
        // A record that passed its checksum but does not decode: skip it, the later ones still count.
      }
    }
    if (contents.damaged || replayed < contents.updates.length) {
      return this.setJournalAside(location, doc, { replayed, refused: contents.updates.length - replayed });
    }
    const journal = await Journal.open(location.journalPath, contents.validBytes);
    const d: OpenDoc = { location, doc, journal, sinceCompaction: contents.updates.length, queue: Promise.resolve(), idleTimer: null };
    if (d.sinceCompaction > 0) this.armIdle(d);
    return d;
  }

  /**
   * A journal that did not replay whole: write what was replayed into the file first, then move the
   * journal aside for a person to inspect (never cut it), and start an empty one. A crash in between
   * replays the same journal again next time.
   */
  private async setJournalAside(location: DocLocation, doc: Y.Doc, counts: { replayed: number; refused: number }): Promise<OpenDoc> {
    await writeFileDurably(location.filePath, this.encode(location, doc));
    const movedTo = `${location.journalPath}.corrupt-${this.stamp()}`;
    await rename(location.journalPath, movedTo);
    const journal = await Journal.open(location.journalPath, 0);
    this.options.onJournalSetAside?.({ docId: location.docId, journalPath: location.journalPath, movedTo, ...counts });
    return { location, doc, journal, sinceCompaction: 0, queue: Promise.resolve(), idleTimer: null };
  }

  private stamp(): string {
    return (this.options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
  }

  private encode(location: DocLocation, doc: Y.Doc): Buffer {
    const header: FileHeader = { docId: location.docId, kind: location.kind, writtenAt: (this.options.now?.() ?? new Date()).toISOString() };
    if (location.kind === 'plan') {
      const { title, templateId, createdAt } = readPlanMeta(doc);
      Object.assign(header, { title, templateId, createdAt });
    }
    return encodePlanFile(header, Y.encodeStateAsUpdate(doc));
  }

  private async compactNow(d: OpenDoc): Promise<void> {
    if (d.idleTimer) clearTimeout(d.idleTimer);
    d.idleTimer = null;
    await writeFileDurably(d.location.filePath, this.encode(d.location, d.doc));
    await d.journal.clear();
    d.sinceCompaction = 0;
  }

  private armIdle(d: OpenDoc): void {
    if (d.idleTimer) clearTimeout(d.idleTimer);
    d.idleTimer = setTimeout(() => {
      d.idleTimer = null;
      if (this.docs.has(d.location.docId) && d.sinceCompaction > 0) this.compact(d.location.docId).catch(() => {});
    }, this.idleMs);
    d.idleTimer.unref();
  }

  private async moveAside(location: DocLocation, reason: string, withJournal: boolean): Promise<UnreadableDocumentError> {
    const stamp = this.stamp();
    const movedTo = `${location.filePath}.corrupt-${stamp}`;
    await rename(location.filePath, movedTo);
    if (withJournal) await rename(location.journalPath, `${location.journalPath}.corrupt-${stamp}`).catch(() => {});
    return new UnreadableDocumentError(location.filePath, movedTo, reason);
  }
}
