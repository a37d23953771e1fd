/** The window factory: secure preferences, our page, navigation locked, size and place remembered. */
import { BrowserWindow, screen, shell } from 'electron';
import Store from 'electron-store';
import { pathToFileURL } from 'node:url';
import { DEFAULT_WINDOW_STATE, restoreWindowState, type WindowState } from './windowState';
import { isExternalLink, lockNavigation, secureWebPreferences } from './windowSecurity';

export type MainWindowOptions = { preloadPath: string; pageFile: string; stateStore: Store<{ window: WindowState }> };

export function windowStateStore(): Store<{ window: WindowState }> {
  return new Store<{ window: WindowState }>({ name: 'window-state', defaults: { window: DEFAULT_WINDOW_STATE }, clearInvalidConfig: true });
}

export function pageUrlOf(pageFile: string): string {
  return pathToFileURL(pageFile).href;
}

export function createMainWindow({ preloadPath, pageFile, stateStore }: MainWindowOptions): BrowserWindow {
  const state = restoreWindowState(stateStore.get('window'), screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...state,
    minWidth: 640,
    minHeight: 420,
    show: false,
    title: 'Tandem',
    backgroundColor: '#1e1e1e',
    webPreferences: secureWebPreferences(preloadPath),
  });
  const pageUrl = pageUrlOf(pageFile);
  lockNavigation(win.webContents, pageUrl, (url) => {
    if (isExternalLink(url)) shell.openExternal(url).catch(() => {});
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const remember = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const maximized = win.isMaximized();
    const bounds = maximized ? stateStore.get('window') : { ...win.getNormalBounds() };
    stateStore.set('window', { ...DEFAULT_WINDOW_STATE, ...bounds, maximized });
  };
  win.on('resized', remember);
  win.on('moved', remember);
  win.on('maximize', remember);
  win.on('unmaximize', remember);
  win.on('close', remember);

  void win.loadURL(pageUrl);
  return win;
}
