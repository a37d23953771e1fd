/**
 * A workspace is a folder, like VS Code's Open Folder: every plan is one `<slug>.tandem` file in it,
 * and `.tandem/` holds the workspace document (people directory, plan index, the workspace id that
 * prefixes sync rooms), the journals of open documents and the secret used when sharing.
 * All paths go through safePath.ts; documents go through the DocumentStore.
 */
import { randomBytes } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, open, readdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import * as Y from 'yjs';
import { type HostServices, type PlanSummary, type WorkspaceInfo } from '../../shared/ipc/contract';
import { newId } from '../../shared/model/ids';
import { migratePlanDoc, readPlanMeta } from '../../shared/model/planDoc';
import { duplicatePlanDoc, renamePlanDoc } from '../../shared/model/planOps';
import {
  initWorkspaceDoc, readWorkspaceMeta, removePlanIndexEntry, setPlanIndexEntry, WORKSPACE_DOC_ID,
} from '../../shared/model/workspaceDoc';
import { ROOM_PART } from '../../shared/sync/rooms';
import { instantiateTemplate } from '../../shared/templates/instantiate';
import { type PlanTemplate } from '../../shared/templates/templateSchema';
import { DocumentStore, UnreadableDocumentError, type DocLocation } from '../storage/documentStore';
import { CorruptFileError, decodeHeader, decodePlanFile, FILE_EXTENSION, TruncatedFileError, type FileHeader } from '../storage/planFile';
import { assertRealInside, childPath, slugify } from './safePath';

export const META_DIR = '.tandem';
export const JOURNAL_DIR = `${META_DIR}/journal`;
export const WORKSPACE_FILE = `workspace${FILE_EXTENSION}`;
const SECRET_FILE = 'share-secret';
const HEADER_PROBE_BYTES = 64 * 1024;
/** A file cut short that changed this recently is taken to be still being written, not damaged. */
const STILL_WRITING_MS = 2_000;
const WATCH_SETTLE_MS = 150;

export type WorkspaceFolderHooks = {
  /** The set of plans (or a title) changed. */
  onPlansChanged?: (plans: PlanSummary[]) => void;
  /** Another program changed an open document's file; `update` is what the renderer lacks. */
  onExternalUpdate?: (docId: string, update: Uint8Array) => void;
  /** A file could not be read and was moved aside. */
  onUnreadable?: (error: UnreadableDocumentError) => void;
};

export type WorkspaceFolderOptions = WorkspaceFolderHooks & {
  templates: () => Promise<PlanTemplate[]>;
  /** Moves a file to the system trash (Electron's shell.trashItem on the desktop). */
  trash: (path: string) => Promise<void>;
  /** Watch the folder for files changed by other programs (default true). */
  watch?: boolean;
  compactEvery?: number;
  idleMs?: number;
};

export class WorkspaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceError';
  }
}

function assertDocId(docId: string): void {
  if (!ROOM_PART.test(docId)) throw new WorkspaceError(`"${docId}" is not a valid document id`);
}

export class WorkspaceFolder {
  /** Plan id → file name in the root, as last scanned. */
  private files = new Map<string, string>();
  /** Plan id → its file's header, as last scanned (lists plans without opening them). */
  private headers = new Map<string, FileHeader>();
  private watcher: FSWatcher | null = null;
  private metaWatcher: FSWatcher | null = null;
  private pendingNames = new Set<string>();
  private settleTimer: NodeJS.Timeout | null = null;
  private lastListed = '';
  private closed = false;
  readonly store: DocumentStore;

  private constructor(readonly root: string, readonly info: WorkspaceInfo, store: DocumentStore, private readonly options: WorkspaceFolderOptions) {
    this.store = store;
  }

  /** Opens a folder as a workspace, creating `.tandem/` and the workspace document on first use. */
  static async open(location: string, options: WorkspaceFolderOptions): Promise<WorkspaceFolder> {
    let root: string;
    try {
      root = await realpath(location);
      if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
    } catch {
      throw new WorkspaceError(`"${location}" is not a folder Tandem can open`);
    }
    const metaDir = childPath(root, '', META_DIR);
    await assertRealInside(root, metaDir);
    await mkdir(childPath(root, META_DIR, 'journal'), { recursive: true });
    await assertRealInside(root, childPath(root, META_DIR, 'journal'));
    // Journals are this machine's; the share secret signs invites: neither belongs in git or a sync tool's history.
    await writeFile(childPath(root, META_DIR, '.gitignore'), 'journal/\nshare-secret\n', { flag: 'wx' }).catch(() => {});

    let opened: WorkspaceFolder | null = null;
    const store = new DocumentStore({
      compactEvery: options.compactEvery,
      idleMs: options.idleMs,
      onExternalUpdate: (docId, update) => options.onExternalUpdate?.(docId, update),
      onUnreadable: (err) => options.onUnreadable?.(err),
      onMoved: (docId, location) => opened?.movedByStore(docId, location),
    });
    const wsLocation = workspaceLocation(root);
    await assertRealInside(root, wsLocation.filePath);
    let doc: Y.Doc;
    try {
      doc = await store.open(wsLocation);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && !(e instanceof UnreadableDocumentError)) throw e;
      // A new workspace, or its workspace file was damaged and moved aside: start a fresh one.
      const fresh = initWorkspaceDoc(new Y.Doc(), { id: newId('ws'), name: basename(root) });
      await store.create(wsLocation, fresh);
      doc = await store.open(wsLocation);
    }
    const meta = readWorkspaceMeta(doc);
    const folder = new WorkspaceFolder(root, { id: meta.id, name: meta.name || basename(root), location: root }, store, options);
    opened = folder;
    await folder.scan();
    if (options.watch !== false) folder.startWatching();
    return folder;
  }

  // ---------- plans ----------

  async listPlans(): Promise<PlanSummary[]> {
    if (this.closed) return [];
    await this.scan();
    const out: PlanSummary[] = [];
    for (const [planId, name] of this.files) {
      const summary = await this.summary(planId, name).catch((e: unknown) => {
        if (e instanceof UnreadableDocumentError) return null; // moved aside and reported
        throw e;
      });
      if (summary) out.push(summary);
    }
    out.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
    this.lastListed = listingKey(out);
    return out;
  }

  async createPlan(args: Parameters<HostServices['workspace']['createPlan']>[0]): Promise<PlanSummary> {
    const template = (await this.options.templates()).find((t) => t.id === args.templateId);
    if (!template) throw new WorkspaceError(`there is no template "${args.templateId}"`);
    const planId = newId('plan');
    const doc = instantiateTemplate(template, { planId, title: args.title, parentGoal: args.parent });
    return this.addPlan(planId, doc);
  }

  async duplicatePlan(planId: string): Promise<PlanSummary> {
    const source = await this.openPlan(planId);
    const copyId = newId('plan');
    return this.addPlan(copyId, duplicatePlanDoc(source, { planId: copyId, title: `${readPlanMeta(source).title} (copy)` }));
  }

  async renamePlan(planId: string, title: string): Promise<PlanSummary> {
    await this.openPlan(planId);
    await this.store.change(planId, (doc) => renamePlanDoc(doc, title));
    const oldName = this.fileOf(planId);
    const newName = await this.freeFileName(title, oldName);
    if (newName !== oldName) {
      await this.store.moveFile(planId, this.planLocation(planId, newName));
      this.files.set(planId, newName);
    }
    await this.indexPlan(planId);
    const summary = await this.summary(planId, newName);
    this.announce();
    return summary;
  }

  /** Moves the plan's file to the system trash; its journal is removed after the file is gone. */
  async deletePlan(planId: string): Promise<void> {
    const location = this.planLocation(planId, this.fileOf(planId));
    await assertRealInside(this.root, location.filePath);
    await this.store.discard(planId);
    await this.options.trash(location.filePath);
    await rm(location.journalPath, { force: true });
    this.files.delete(planId);
    await this.store.change(WORKSPACE_DOC_ID, (doc) => removePlanIndexEntry(doc, planId));
    this.announce();
  }

  // ---------- documents ----------

  /** The whole local state of a plan, or of the workspace document. */
  async load(docId: string): Promise<Uint8Array> {
    if (docId !== WORKSPACE_DOC_ID) await this.openPlan(docId);
    return this.store.encodeState(docId);
  }

  /** Resolves once the update is journaled (fsync). A plan retitled in the editor is re-indexed and announced. */
  async save(docId: string, update: Uint8Array): Promise<void> {
    if (docId === WORKSPACE_DOC_ID) return this.store.save(docId, update);
    const doc = await this.openPlan(docId);
    const before = readPlanMeta(doc).title;
    await this.store.save(docId, update);
    if (readPlanMeta(doc).title !== before) {
      await this.indexPlan(docId);
      this.announce();
    }
  }


  /** The secret this workspace's shared sync server signs invites with (created on first use). */
  async shareSecret(): Promise<string> {
    const path = childPath(this.root, META_DIR, SECRET_FILE);
    await assertRealInside(this.root, path);
    try {
      const s = (await readFile(path, 'utf8')).trim();
      if (s.length >= 32) return s;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const secret = randomBytes(32).toString('hex');
    await writeFile(path, secret, { mode: 0o600 });
    return secret;
  }

  /** Stops watching and writes every open document to its file. */
  async close(): Promise<void> {
    this.closed = true;
    this.watcher?.close();
    this.metaWatcher?.close();
    if (this.settleTimer) clearTimeout(this.settleTimer);
    await this.store.closeAll();
  }

  /**
   * Reacts to files changed on disk: merges open documents, re-lists plans. The watcher calls it.
   * Runs one at a time: a listing taken while another run is moving an open plan aside would miss it.
   */
  syncFromDisk(names: Iterable<string>): Promise<void> {
    const changed = new Set(names);
    const run = this.syncQueue.then(() => this.syncChanged(changed));
    this.syncQueue = run.catch(() => {});
    return run;
  }

  private syncQueue: Promise<void> = Promise.resolve();

  private async syncChanged(changed: ReadonlySet<string>): Promise<void> {
    // Open plans by the file the store writes them to: a listing taken meanwhile may already map the
    // name to another plan copied over it, and the store must still give ours a file of its own.
    for (const planId of this.store.openDocIds()) {
      const path = planId === WORKSPACE_DOC_ID ? null : await this.store.filePathOf(planId);
      if (path && changed.has(basename(path))) await this.store.mergeFromDisk(planId);
    }
    const before = this.lastListed;
    const plans = await this.listPlans();
    for (const planId of this.store.openDocIds()) {
      if (planId !== WORKSPACE_DOC_ID && !this.files.has(planId)) await this.store.discard(planId);
    }
    if (listingKey(plans) !== before) this.options.onPlansChanged?.(plans);
  }

  // ---------- inside ----------

  /** The store gave an open plan a new file (another plan was copied over its old one). */
  private movedByStore(planId: string, location: DocLocation): void {
    if (planId === WORKSPACE_DOC_ID) return;
    this.files.set(planId, basename(location.filePath));
    this.announce();
  }

  private async openPlan(planId: string): Promise<Y.Doc> {
    assertDocId(planId);
    if (!this.files.has(planId)) await this.scan();
    const name = this.fileOf(planId);
    const location = this.planLocation(planId, name);
    await assertRealInside(this.root, location.filePath);
    let doc: Y.Doc;
    try {
      doc = await this.store.open(location);
    } catch (e) {
      if (e instanceof UnreadableDocumentError) this.files.delete(planId);
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        this.files.delete(planId);
        throw new WorkspaceError(`there is no plan "${planId}" in this workspace (its file is gone)`);
      }
      throw e;
    }
    migratePlanDoc(doc);
    return doc;
  }

  private fileOf(planId: string): string {
    assertDocId(planId);
    const name = this.files.get(planId);
    if (!name) throw new WorkspaceError(`there is no plan "${planId}" in this workspace`);
    return name;
  }

  private planLocation(planId: string, fileName: string): DocLocation {
    assertDocId(planId);
    return {
      docId: planId,
      kind: 'plan',
      filePath: childPath(this.root, '', fileName),
      journalPath: childPath(this.root, JOURNAL_DIR, `${planId}.journal`),
    };
  }

  private async addPlan(planId: string, doc: Y.Doc): Promise<PlanSummary> {
    const name = await this.freeFileName(readPlanMeta(doc).title, null);
    const location = this.planLocation(planId, name);
    await this.store.create(location, doc);
    this.files.set(planId, name);
    await this.indexPlan(planId);
    const summary = await this.summary(planId, name);
    this.announce();
    return summary;
  }

  private async indexPlan(planId: string): Promise<void> {
    const meta = readPlanMeta(await this.openPlan(planId));
    await this.store.change(WORKSPACE_DOC_ID, (doc) =>
      setPlanIndexEntry(doc, { id: planId, title: meta.title, templateId: meta.templateId, createdAt: meta.createdAt }));
  }

  /** From the open document, or else from the file header (opening the plan only for files without one). */
  private async summary(planId: string, name: string): Promise<PlanSummary> {
    const header = this.headers.get(planId);
    const meta = this.store.isOpen(planId) || header?.title === undefined
      ? readPlanMeta(await this.openPlan(planId))
      : { title: header.title, templateId: header.templateId ?? '', createdAt: header.createdAt ?? '' };
    const { mtime } = await stat(childPath(this.root, '', name));
    return { id: planId, title: meta.title, templateId: meta.templateId, createdAt: meta.createdAt, modifiedAt: mtime.toISOString() };
  }

  /** A `<slug>.tandem` name not used by another file (`keep` is the plan's current name). */
  private async freeFileName(title: string, keep: string | null): Promise<string> {
    const taken = new Set((await readdir(this.root)).map((n) => n.toLowerCase()));
    const slug = slugify(title);
    for (let i = 1; ; i++) {
      const name = `${slug}${i > 1 ? `-${i}` : ''}${FILE_EXTENSION}`;
      if (name === keep || !taken.has(name.toLowerCase())) return name;
    }
  }

  /** Maps plan ids to files by reading each file's header; links, damaged and duplicate files are skipped. */
  private async scan(): Promise<void> {
    const files = new Map<string, string>();
    const headers = new Map<string, FileHeader>();
    const entries = await readdir(this.root, { withFileTypes: true });
    const names = entries.filter((e) => e.isFile() && e.name.endsWith(FILE_EXTENSION)).map((e) => e.name).sort();
    for (const name of names) {
      const header = await this.probeHeader(name);
      if (header && !files.has(header.docId)) {
        files.set(header.docId, name);
        headers.set(header.docId, header);
      }
    }
    this.files = files;
    this.headers = headers;
  }

  private async probeHeader(name: string): Promise<FileHeader | null> {
    const path = childPath(this.root, '', name);
    let handle;
    try {
      handle = await open(path, 'r');
    } catch {
      return null;
    }
    try {
      const buf = Buffer.alloc(HEADER_PROBE_BYTES);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      const { header } = decodeHeader(buf.subarray(0, bytesRead));
      return header.kind === 'plan' && ROOM_PART.test(header.docId) && header.docId !== WORKSPACE_DOC_ID ? header : null;
    } catch (e) {
      if (!(e instanceof CorruptFileError)) throw e;
      // Cut short a moment ago: most likely another program is still writing it; the next listing looks again.
      if (e instanceof TruncatedFileError && Date.now() - (await handle.stat()).mtimeMs < STILL_WRITING_MS) return null;
      // Not readable as a plan: open it through the store so it is moved aside and reported, never overwritten.
      await this.reportUnreadable(name);
      return null;
    } finally {
      await handle.close();
    }
  }

  /** Opens a file whose header is unreadable through the store, which moves it aside and reports it. */
  private async reportUnreadable(name: string): Promise<void> {
    const probeId = `unreadable-${Date.now().toString(36)}`;
    const location = this.planLocation(probeId, name);
    await this.store.open(location).then(() => this.store.discard(probeId)).catch((e: unknown) => {
      if (!(e instanceof UnreadableDocumentError)) throw e;
    });
  }

  private announce(): void {
    if (this.closed) return;
    this.listPlans().then((plans) => this.options.onPlansChanged?.(plans)).catch(() => {});
  }

  private startWatching(): void {
    // The workspace document (people, plan index) can be rewritten by a sync tool too.
    this.metaWatcher = watch(childPath(this.root, '', META_DIR), { persistent: false }, (_event, name) => {
      if (!this.closed && String(name) === WORKSPACE_FILE) this.store.mergeFromDisk(WORKSPACE_DOC_ID).catch(() => {});
    });
    this.metaWatcher.on('error', () => {});
    this.watcher = watch(this.root, { persistent: false }, (_event, name) => {
      if (this.closed || !name || !String(name).endsWith(FILE_EXTENSION)) return;
      this.pendingNames.add(String(name));
      if (this.settleTimer) clearTimeout(this.settleTimer);
      this.settleTimer = setTimeout(() => {
        const names = [...this.pendingNames];
        this.pendingNames.clear();
        if (!this.closed) this.syncFromDisk(names).catch(() => {});
      }, WATCH_SETTLE_MS);
    });
    this.watcher.on('error', () => {});
  }
}

function workspaceLocation(root: string): DocLocation {
  return {
    docId: WORKSPACE_DOC_ID,
    kind: 'workspace',
    filePath: childPath(root, META_DIR, WORKSPACE_FILE),
    journalPath: childPath(root, JOURNAL_DIR, `${WORKSPACE_DOC_ID}.journal`),
  };
}

/** What a listing shows, without modification times (they change on every save). */
function listingKey(plans: PlanSummary[]): string {
  return JSON.stringify(plans.map((p) => [p.id, p.title, p.templateId]));
}

/** Reads a workspace's identity without opening it (for the recent list). */
export async function peekWorkspace(location: string): Promise<WorkspaceInfo | null> {
  try {
    const root = await realpath(location);
    const { state } = decodePlanFile(await readFile(childPath(root, META_DIR, WORKSPACE_FILE)));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const meta = readWorkspaceMeta(doc);
    return { id: meta.id, name: meta.name || basename(root), location: root };
  } catch {
    return null;
  }
}
