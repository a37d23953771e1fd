/**
 * Tandem's Electron main process: one instance, one window, the host services behind the one IPC
 * door, the native menu, and the open workspace written to disk before anything counts as saved.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTemplatesReport, TEMPLATES_DIR } from './templates/loadTemplates';
import { type PlanTemplate } from '../shared/templates/templateSchema';
import { createHostServices } from './hostServices';
import { jsonLineLog } from './server/log';
import { hostEventEmitter } from './ipc/hostEvents';
import { serveHost } from './ipc/ipcServer';
import { serveRendererFiles } from './app/fileProtocol';
import { createMainWindow, pageUrlOf, windowStateStore } from './app/mainWindow';
import { applicationMenuTemplate } from './app/menu';
import { hardenSession } from './app/windowSecurity';
import { electronStoreBackend, SettingsService } from './settings/settingsService';
import { ShareService } from './sync/shareService';
import { WorkspaceManager } from './workspace/workspaceManager';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = resolve(here, '../renderer');
const pageFile = join(rendererDir, 'index.html');
const preloadPath = join(here, 'preload.cjs');
const templatesDir = app.isPackaged ? join(process.resourcesPath, 'templates') : TEMPLATES_DIR;

// Tests and portable setups may keep settings elsewhere.
if (process.env.TANDEM_USER_DATA) app.setPath('userData', resolve(process.env.TANDEM_USER_DATA));

/** A folder named on the command line (`tandem ~/plans/fy27`), if any. */
function folderArgument(argv: string[], cwd: string): string | null {
  for (const arg of argv.slice(1).reverse()) {
    if (arg.startsWith('-')) continue;
    const path = resolve(cwd, arg);
    if (path === resolve(app.getAppPath())) continue; // `electron .` in development names the app, not a workspace
    try {
      if (statSync(path).isDirectory()) return path;
    } catch { /* not a folder */ }
  }
  return null;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  const windows = new Set<BrowserWindow>();
  const log = jsonLineLog('info');
  const emit = hostEventEmitter(() => [...windows].map((w) => w.webContents));

  let templates: Promise<PlanTemplate[]> | null = null;
  const loadTemplates = () => {
    templates ??= loadTemplatesReport(templatesDir).then(({ templates: list, errors }) => {
      for (const e of errors) log({ level: 'warn', event: 'template.skipped', error: e.message });
      return list;
    });
    return templates;
  };

  const settings = new SettingsService(electronStoreBackend(), (s) => emit('settings.changed', s));
  const workspaces = new WorkspaceManager({
    settings,
    log,
    templates: loadTemplates,
    trash: (path) => shell.trashItem(path),
    pickFolder: async () => {
      const parent = BrowserWindow.getFocusedWindow() ?? [...windows][0];
      const options = { title: 'Open a workspace folder', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    onWorkspaceChanged: (info) => emit('workspace.changed', info),
    onPlansChanged: (plans) => emit('plans.changed', plans),
    onExternalUpdate: (docId, update) => emit('document.external', { docId, update }),
    onUnreadable: (error) => {
      void dialog.showMessageBox({ type: 'warning', title: 'A plan could not be opened', message: error.message });
    },
  });
  const share = new ShareService({
    settings,
    workspaces,
    dataDir: join(app.getPath('userData'), 'shared-sync'),
    staticDir: existsSync(pageFile) ? rendererDir : undefined,
    onSharing: (info) => emit('sync.sharing', info),
  });
  const services = createHostServices({ workspaces, settings, share, templates: loadTemplates, openExternal: (url) => shell.openExternal(url) });

  let mainWindow: BrowserWindow | null = null;
  const webContentsIds = new Set<number>();
  const openWindow = () => {
    const win = createMainWindow({ preloadPath, pageFile, stateStore: windowStateStore() });
    windows.add(win);
    const id = win.webContents.id;
    webContentsIds.add(id);
    win.on('closed', () => {
      windows.delete(win);
      webContentsIds.delete(id);
      if (mainWindow === win) mainWindow = null;
    });
    mainWindow = win;
    return win;
  };

  app.on('second-instance', async (_event, argv, cwd) => {
    await app.whenReady();
    const win = mainWindow ?? openWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
    const folder = folderArgument(argv, cwd);
    if (folder) workspaces.open(folder).catch((e: unknown) => dialog.showErrorBox('Cannot open folder', String((e as Error).message)));
  });

  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  await app.whenReady();
  serveRendererFiles(rendererDir);
  hardenSession(session.defaultSession);
  serveHost(ipcMain, services, { has: (id) => webContentsIds.has(id), pageUrl: pageUrlOf(pageFile) });
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({
    platform: process.platform,
    devTools: !app.isPackaged,
    run: (commandId) => {
      const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
      if (target) hostEventEmitter(() => [target.webContents])('command.run', { commandId });
    },
  })));

  const initial = folderArgument(process.argv, process.cwd()) ?? settings.get().recentWorkspaces.find((l) => existsSync(l)) ?? null;
  if (initial) await workspaces.open(initial).catch((e: unknown) => log({ level: 'warn', event: 'workspace.reopen_failed', folder: initial, error: (e as Error).message }));
  openWindow();

  app.on('activate', () => {
    if (windows.size === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let flushed = false;
  app.on('before-quit', (event) => {
    if (flushed) return;
    event.preventDefault();
    flushed = true;
    Promise.allSettled([share.stopSharing(), workspaces.close()]).finally(() => app.quit());
  });
}
