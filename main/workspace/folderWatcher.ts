/**
 * Watches a workspace folder for files other programs change (a sync tool, a copy), and runs the
 * resulting syncs one at a time: a listing taken while another run is moving an open plan aside
 * would miss it.
 */
import { watch, type FSWatcher } from 'node:fs';
import { type Log } from '../server/log';
import { FILE_EXTENSION } from '../storage/planFile';
import { childPath } from './safePath';
import { ROOM_PART, SIDE_KINDS, type SideKind } from '../../shared/sync/rooms';
import { META_DIR, sideFolder, WORKSPACE_FILE } from './workspaceLayout';

const WATCH_SETTLE_MS = 150;

export type FolderWatcherOptions = {
  /** Plan files changed on disk (names in the root). Runs queued, one at a time. */
  syncPlans: (names: ReadonlySet<string>) => Promise<void>;
  /** The workspace document's file changed on disk. */
  syncWorkspaceFile: () => Promise<void>;
  /** The file of a document beside a plan (`.tandem/<kind>/<planId>.tandem`) changed on disk. */
  syncSideFile: (planId: string, kind: SideKind) => Promise<void>;
  log: Log;
};

export class FolderWatcher {
  private watcher: FSWatcher | null = null;
  private metaWatcher: FSWatcher | null = null;
  private sideWatchers: FSWatcher[] = [];
  private pendingNames = new Set<string>();
  private settleTimer: NodeJS.Timeout | null = null;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly root: string, private readonly options: FolderWatcherOptions) {}

  /** Queues a sync of these plan files after any sync still running; resolves (or fails) with it. */
  sync(names: Iterable<string>): Promise<void> {
    const changed = new Set(names);
    const run = this.queue.then(() => this.options.syncPlans(changed));
    this.queue = run.catch(() => {}); // the caller of this run gets its error; the next run still goes
    return run;
  }

  start(): void {
    const { log } = this.options;
    // The workspace document (people, plan index) can be rewritten by a sync tool too.
    this.metaWatcher = watch(childPath(this.root, '', META_DIR), { persistent: false }, (_event, name) => {
      if (this.closed || String(name) !== WORKSPACE_FILE) return;
      this.options.syncWorkspaceFile().catch((e: unknown) => log({ level: 'warn', event: 'workspace.merge_failed', file: WORKSPACE_FILE, error: String(e) }));
    });
    this.metaWatcher.on('error', (e) => log({ level: 'warn', event: 'workspace.watch_failed', folder: META_DIR, error: String(e) }));
    // So can the comments (and other documents) beside a plan.
    for (const kind of SIDE_KINDS) {
      const folder = sideFolder(kind);
      const watcher = watch(childPath(this.root, META_DIR, kind), { persistent: false }, (_event, name) => {
        const planId = String(name ?? '').slice(0, -FILE_EXTENSION.length);
        if (this.closed || !String(name ?? '').endsWith(FILE_EXTENSION) || !ROOM_PART.test(planId)) return;
        this.options.syncSideFile(planId, kind).catch((e: unknown) => log({ level: 'warn', event: 'workspace.merge_failed', file: `${folder}/${String(name)}`, error: String(e) }));
      });
      watcher.on('error', (e) => log({ level: 'warn', event: 'workspace.watch_failed', folder, error: String(e) }));
      this.sideWatchers.push(watcher);
    }
    this.watcher = watch(this.root, { persistent: false }, (_event, name) => {
      if (this.closed || !name || !String(name).endsWith(FILE_EXTENSION)) return;
      this.pendingNames.add(String(name));
      if (this.settleTimer) clearTimeout(this.settleTimer);
      this.settleTimer = setTimeout(() => {
        const names = [...this.pendingNames];
        this.pendingNames.clear();
        if (this.closed) return;
        this.sync(names).catch((e: unknown) => log({ level: 'warn', event: 'workspace.sync_failed', files: names, error: String(e) }));
      }, WATCH_SETTLE_MS);
    });
    this.watcher.on('error', (e) => log({ level: 'warn', event: 'workspace.watch_failed', folder: '.', error: String(e) }));
  }

  close(): void {
    this.closed = true;
    this.watcher?.close();
    this.metaWatcher?.close();
    for (const watcher of this.sideWatchers.splice(0)) watcher.close();
    if (this.settleTimer) clearTimeout(this.settleTimer);
  }
}
