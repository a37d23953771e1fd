/**
 * A workspace is a folder, like VS Code's Open Folder: every plan is one `<slug>.tandem` file in it,
 * and `.tandem/` holds the workspace document (people directory, plan index, the workspace id that
 * prefixes sync rooms), the journals of open documents and the secret used when sharing.
 * This façade ties together the plan-file index (planFileIndex.ts), the folder watcher
 * (folderWatcher.ts), the share secret (shareSecret.ts) and the DocumentStore.
 * All paths go through safePath.ts.
 */
import { mkdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import * as Y from 'yjs';
import { type HostServices, type PlanSummary, type WorkspaceInfo } from '../../shared/ipc/contract';
import { newId } from '../../shared/model/ids';
import { migratePlanDoc, readPlanMeta, snapshotPlan, type PlanSnapshot } from '../../shared/model/planDoc';
import { linksToOtherPlans, nextCyclePlanDoc } from '../../shared/model/nextCycle';
import { clampTitle } from '../../shared/model/planTitle';
import { duplicatePlanDoc, renamePlanDoc } from '../../shared/model/planOps';
import {
  initWorkspaceDoc, readWorkspaceMeta, removePlanIndexEntry, setPlanIndexEntry, WORKSPACE_DOC_ID,
} from '../../shared/model/workspaceDoc';
import { instantiateTemplate } from '../../shared/templates/instantiate';
import { type PlanTemplate } from '../../shared/templates/templateSchema';
import { parseDocId, SIDE_KINDS, sideDocId, type SideKind } from '../../shared/sync/rooms';
import { jsonLineLog, type Log } from '../server/log';
import { DocumentStore, UnreadableDocumentError, type DocLocation } from '../storage/documentStore';
import { decodePlanFile } from '../storage/planFile';
import { FolderWatcher } from './folderWatcher';
import { PlanFileIndex } from './planFileIndex';
import { assertRealInside, childPath } from './safePath';
import { readShareSecret, rotateShareSecret, SHARE_SECRET_FILE } from './shareSecret';
import { assertDocId, WorkspaceError } from './workspaceError';
import { META_DIR, planLocation, sideLocation, WORKSPACE_FILE, workspaceLocation } from './workspaceLayout';

export { WorkspaceError } from './workspaceError';

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
  /** Where the workspace says what it skipped or could not do (default: JSON lines on stderr). */
  log?: Log;
};

const stderrLog: Log = jsonLineLog('info', (line) => process.stderr.write(line));

export class WorkspaceFolder {
  private readonly index: PlanFileIndex;
  private readonly watcher: FolderWatcher;
  private readonly log: Log;
  private lastListed = '';
  private closed = false;
  /** Documents beside a plan being opened (or created), so two saves never create one twice. */
  private readonly sideOpening = new Map<string, Promise<boolean>>();

  private constructor(readonly root: string, readonly info: WorkspaceInfo, readonly store: DocumentStore, private readonly options: WorkspaceFolderOptions) {
    this.log = options.log ?? stderrLog;
    this.index = new PlanFileIndex(root, { reportUnreadable: (name) => this.reportUnreadable(name), log: this.log });
    this.watcher = new FolderWatcher(root, {
      syncPlans: (names) => this.syncChanged(names),
      syncWorkspaceFile: () => this.store.mergeFromDisk(WORKSPACE_DOC_ID),
      syncSideFile: (planId, kind) => this.store.mergeFromDisk(sideDocId(planId, kind)),
      log: this.log,
    });
  }

  /** Opens a folder as a workspace, creating `.tandem/` and the workspace document on first use. */
  static async open(location: string, options: WorkspaceFolderOptions): Promise<WorkspaceFolder> {
    const log = options.log ?? stderrLog;
    let root: string;
    try {
      root = await realpath(location);
      if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
    } catch {
      throw new WorkspaceError(`"${location}" is not a folder Tandem can open`);
    }
    const metaDir = childPath(root, '', META_DIR);
    await assertRealInside(root, metaDir);
    for (const folder of ['journal', ...SIDE_KINDS]) {
      await mkdir(childPath(root, META_DIR, folder), { recursive: true });
      await assertRealInside(root, childPath(root, META_DIR, folder));
    }
    // Journals are this machine's; the share secret signs invites: neither belongs in git or a sync tool's history.
    await writeFile(childPath(root, META_DIR, '.gitignore'), `journal/\n${SHARE_SECRET_FILE}\n`, { flag: 'wx' }).catch((e: unknown) => {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') log({ level: 'warn', event: 'workspace.gitignore_failed', folder: root, error: String(e) });
    });

    let opened: WorkspaceFolder | null = null;
    const store = new DocumentStore({
      compactEvery: options.compactEvery,
      idleMs: options.idleMs,
      onExternalUpdate: (docId, update) => options.onExternalUpdate?.(docId, update),
      onUnreadable: (err) => {
        log({ level: 'warn', event: 'workspace.file_moved_aside', file: err.filePath, movedTo: err.movedTo, reason: err.reason });
        options.onUnreadable?.(err);
      },
      onJournalSetAside: (info) => log({ level: 'warn', event: 'workspace.journal_set_aside', ...info }),
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
    await folder.index.scan();
    if (options.watch !== false) folder.watcher.start();
    return folder;
  }

  // ---------- plans ----------

  async listPlans(): Promise<PlanSummary[]> {
    if (this.closed) return [];
    await this.index.scan();
    const out: PlanSummary[] = [];
    for (const [planId, name] of this.index.entries()) {
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

  /** Next period's plan from `planId` (shared/model/nextCycle.ts); links to other plans follow their next cycle where there is one. */
  async startNextCycle(args: { planId: string; title: string; period: string }): Promise<PlanSummary> {
    const source = snapshotPlan(await this.openPlan(args.planId));
    const plans: PlanSnapshot[] = [];
    if (linksToOtherPlans(source)) {
      for (const other of await this.listPlans()) {
        if (other.id !== args.planId) plans.push(snapshotPlan(await this.openPlan(other.id)));
      }
    }
    const planId = newId('plan');
    return this.addPlan(planId, nextCyclePlanDoc(source, { planId, title: args.title, period: args.period, plans }).doc);
  }

  async renamePlan(planId: string, title: string): Promise<PlanSummary> {
    await this.openPlan(planId);
    await this.store.change(planId, (doc) => renamePlanDoc(doc, title));
    const oldName = this.index.fileOf(planId);
    const newName = await this.index.freeFileName(title, oldName);
    if (newName !== oldName) {
      await this.store.moveFile(planId, this.planLocation(planId, newName));
      this.index.set(planId, newName);
    }
    await this.indexPlan(planId);
    const summary = await this.summary(planId, newName);
    this.announce();
    return summary;
  }

  /**
   * Moves the plan's file, and the files of the documents beside it (comments, editions), to the
   * system trash; their journals are removed after the files are gone.
   */
  async deletePlan(planId: string): Promise<void> {
    const location = this.planLocation(planId, this.index.fileOf(planId));
    await assertRealInside(this.root, location.filePath);
    await this.store.discard(planId);
    await this.options.trash(location.filePath);
    await rm(location.journalPath, { force: true });
    for (const kind of SIDE_KINDS) {
      const side = sideLocation(this.root, planId, kind);
      await assertRealInside(this.root, side.filePath);
      await this.store.discard(side.docId);
      if (await exists(side.filePath)) await this.options.trash(side.filePath);
      await rm(side.journalPath, { force: true });
    }
    this.index.delete(planId);
    await this.store.change(WORKSPACE_DOC_ID, (doc) => removePlanIndexEntry(doc, planId));
    this.announce();
  }

  // ---------- documents ----------

  /**
   * The whole local state of a plan, of the workspace document, or of a document beside a plan
   * (`<planId>/<kind>`: empty until something is saved in it; refused when the plan is not in the folder).
   */
  async load(docId: string): Promise<Uint8Array> {
    const side = sideOf(docId);
    if (side) {
      if (!(await this.openSide(side.planId, side.kind, false))) return Y.encodeStateAsUpdate(new Y.Doc());
    } else if (docId !== WORKSPACE_DOC_ID) await this.openPlan(docId);
    return this.store.encodeState(docId);
  }

  /** Resolves once the update is journaled (fsync). A plan retitled in the editor is re-indexed and announced. */
  async save(docId: string, update: Uint8Array): Promise<void> {
    if (docId === WORKSPACE_DOC_ID) return this.store.save(docId, update);
    const side = sideOf(docId);
    if (side) {
      await this.openSide(side.planId, side.kind, true);
      return this.store.save(docId, update);
    }
    const doc = await this.openPlan(docId);
    const before = readPlanMeta(doc).title;
    await this.store.save(docId, update);
    if (readPlanMeta(doc).title !== before) {
      await this.indexPlan(docId);
      this.announce();
    }
  }

  /** The secret this workspace's shared sync server signs invites with (created on first use). */
  shareSecret(): Promise<string> {
    return readShareSecret(this.root);
  }

  /** A new share secret: invites signed with the old one stop working. */
  rotateShareSecret(): Promise<string> {
    return rotateShareSecret(this.root);
  }

  /** Stops watching and writes every open document to its file. */
  async close(): Promise<void> {
    this.closed = true;
    this.watcher.close();
    await this.store.closeAll();
  }

  /** Reacts to files changed on disk: merges open documents, re-lists plans. The watcher calls it; runs one at a time. */
  syncFromDisk(names: Iterable<string>): Promise<void> {
    return this.watcher.sync(names);
  }

  // ---------- inside ----------

  private async syncChanged(changed: ReadonlySet<string>): Promise<void> {
    // Open plans by the file the store writes them to: a listing taken meanwhile may already map the
    // name to another plan copied over it, and the store must still give ours a file of its own.
    for (const planId of this.store.openDocIds()) {
      const path = planId === WORKSPACE_DOC_ID ? null : await this.store.filePathOf(planId);
      if (path && changed.has(basename(path))) await this.store.mergeFromDisk(planId);
    }
    const before = this.lastListed;
    const plans = await this.listPlans();
    // A plan whose file is gone is closed with the documents beside it (their files stay: the plan may come back).
    for (const docId of this.store.openDocIds()) {
      const planId = sideOf(docId)?.planId ?? docId;
      if (planId !== WORKSPACE_DOC_ID && !this.index.has(planId)) await this.store.discard(docId);
    }
    if (listingKey(plans) !== before) this.options.onPlansChanged?.(plans);
  }

  /** The store gave an open plan a new file (another plan was copied over its old one). */
  private movedByStore(planId: string, location: DocLocation): void {
    if (planId === WORKSPACE_DOC_ID || sideOf(planId)) return;
    this.index.set(planId, basename(location.filePath));
    this.announce();
  }

  /**
   * Opens the document of `kind` beside a plan of this folder: true when it is open, false when it has
   * no file yet and `create` is false. A damaged file is moved aside and reported, and the document
   * starts anew (a synced copy brings back what the server holds).
   */
  private openSide(planId: string, kind: SideKind, create: boolean): Promise<boolean> {
    const location = sideLocation(this.root, planId, kind);
    const running = this.sideOpening.get(location.docId);
    const next = (running ?? Promise.resolve(false)).catch(() => false).then(async () => {
      await this.requirePlan(planId);
      await assertRealInside(this.root, location.filePath);
      try {
        await this.store.open(location);
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && !(e instanceof UnreadableDocumentError)) throw e;
      }
      if (!create) return false;
      await this.store.create(location, new Y.Doc());
      await this.store.open(location);
      return true;
    });
    this.sideOpening.set(location.docId, next);
    void next.finally(() => this.sideOpening.get(location.docId) === next && this.sideOpening.delete(location.docId)).catch(() => {});
    return next;
  }

  /** A clear error unless the folder holds the plan. */
  private async requirePlan(planId: string): Promise<void> {
    assertDocId(planId);
    if (!this.index.has(planId)) await this.index.scan();
    this.index.fileOf(planId);
  }

  private async openPlan(planId: string): Promise<Y.Doc> {
    assertDocId(planId);
    if (!this.index.has(planId)) await this.index.scan();
    const location = this.planLocation(planId, this.index.fileOf(planId));
    await assertRealInside(this.root, location.filePath);
    let doc: Y.Doc;
    try {
      doc = await this.store.open(location);
    } catch (e) {
      if (e instanceof UnreadableDocumentError) this.index.delete(planId);
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        this.index.delete(planId);
        throw new WorkspaceError(`there is no plan "${planId}" in this workspace (its file is gone)`);
      }
      throw e;
    }
    migratePlanDoc(doc);
    return doc;
  }

  private planLocation(planId: string, fileName: string): DocLocation {
    assertDocId(planId);
    return planLocation(this.root, planId, fileName);
  }

  private async addPlan(planId: string, doc: Y.Doc): Promise<PlanSummary> {
    const name = await this.index.freeFileName(readPlanMeta(doc).title, null);
    await this.store.create(this.planLocation(planId, name), doc);
    this.index.set(planId, name);
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
    const header = this.index.header(planId);
    const meta = this.store.isOpen(planId) || header?.title === undefined
      ? readPlanMeta(await this.openPlan(planId))
      : { title: clampTitle(header.title), templateId: header.templateId ?? '', createdAt: header.createdAt ?? '' };
    const { mtime } = await stat(childPath(this.root, '', name));
    return { id: planId, title: meta.title, templateId: meta.templateId, createdAt: meta.createdAt, modifiedAt: mtime.toISOString() };
  }

  /** Opens a file whose header is unreadable through the store, which moves it aside and reports it. */
  private async reportUnreadable(name: string): Promise<void> {
    const probeId = `unreadable-${Date.now().toString(36)}`;
    await this.store.open(this.planLocation(probeId, name)).then(() => this.store.discard(probeId)).catch((e: unknown) => {
      if (!(e instanceof UnreadableDocumentError)) throw e;
    });
  }

  private announce(): void {
    if (this.closed) return;
    this.listPlans().then((plans) => this.options.onPlansChanged?.(plans))
      .catch((e: unknown) => this.log({ level: 'warn', event: 'workspace.list_failed', folder: this.root, error: String(e) }));
  }
}

/** The plan and kind of a document beside a plan; null for a plan or the workspace document. */
function sideOf(docId: string): { planId: string; kind: SideKind } | null {
  const address = parseDocId(docId);
  if (!address) throw new WorkspaceError(`"${docId}" is not a valid document id`);
  return address.kind ? { planId: address.planId, kind: address.kind } : null;
}

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

/** What a listing shows, without modification times (they change on every save). */
function listingKey(plans: PlanSummary[]): string {
  return JSON.stringify(plans.map((p) => [p.id, p.title, p.templateId]));
}

/** Reads a workspace's identity without opening it (for the recent list); null, and a log line, when it cannot. */
export async function peekWorkspace(location: string, log: Log = stderrLog): Promise<WorkspaceInfo | null> {
  try {
    const root = await realpath(location);
    const { state } = decodePlanFile(await readFile(childPath(root, META_DIR, WORKSPACE_FILE)));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const meta = readWorkspaceMeta(doc);
    return { id: meta.id, name: meta.name || basename(root), location: root };
  } catch (e) {
    log({ level: 'info', event: 'workspace.peek_failed', folder: location, error: String(e) });
    return null;
  }
}
