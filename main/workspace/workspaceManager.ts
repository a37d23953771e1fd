/** The open workspace of this window (one at a time, like VS Code), and the recent list. */
import { type PlanSummary, type WorkspaceInfo } from '../../shared/ipc/contract';
import { type PlanTemplate } from '../../shared/templates/templateSchema';
import { type Log } from '../server/log';
import { type SettingsService } from '../settings/settingsService';
import { type UnreadableDocumentError } from '../storage/documentStore';
import { peekWorkspace, WorkspaceError, WorkspaceFolder } from './workspaceFolder';

export type WorkspaceManagerOptions = {
  settings: SettingsService;
  templates: () => Promise<PlanTemplate[]>;
  trash: (path: string) => Promise<void>;
  /** The Open Folder dialog; null when cancelled. */
  pickFolder: () => Promise<string | null>;
  onWorkspaceChanged: (info: WorkspaceInfo | null) => void;
  onPlansChanged: (plans: PlanSummary[]) => void;
  onExternalUpdate: (docId: string, update: Uint8Array) => void;
  onUnreadable: (error: UnreadableDocumentError) => void;
  watch?: boolean;
  log?: Log;
};

export class WorkspaceManager {
  private folder: WorkspaceFolder | null = null;

  constructor(private readonly options: WorkspaceManagerOptions) {}

  get current(): WorkspaceFolder | null {
    return this.folder;
  }

  /** The open workspace, or a clear error when none is open. */
  require(): WorkspaceFolder {
    if (!this.folder) throw new WorkspaceError('no workspace is open: open a folder first');
    return this.folder;
  }

  async openFolderDialog(): Promise<WorkspaceInfo | null> {
    const location = await this.options.pickFolder();
    return location ? this.open(location) : null;
  }

  async open(location: string): Promise<WorkspaceInfo> {
    const { options } = this;
    const next = await WorkspaceFolder.open(location, {
      templates: options.templates,
      trash: options.trash,
      watch: options.watch,
      log: options.log,
      onPlansChanged: options.onPlansChanged,
      onExternalUpdate: options.onExternalUpdate,
      onUnreadable: options.onUnreadable,
    });
    const previous = this.folder;
    this.folder = next;
    if (previous) await previous.close();
    options.settings.rememberWorkspace(next.root);
    options.onWorkspaceChanged(next.info);
    options.onPlansChanged(await next.listPlans());
    return next.info;
  }

  /** Recent workspaces that still exist, newest first. */
  async recent(): Promise<WorkspaceInfo[]> {
    const out: WorkspaceInfo[] = [];
    for (const location of this.options.settings.get().recentWorkspaces) {
      const info = await peekWorkspace(location, this.options.log);
      if (info) out.push(info);
    }
    return out;
  }

  async close(): Promise<void> {
    const f = this.folder;
    this.folder = null;
    if (f) await f.close();
  }
}
