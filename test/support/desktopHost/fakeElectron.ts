/**
 * The Electron runtime, faked for the desktop host child (the one part these machines cannot have):
 * `import … from 'electron'` in the real main process resolves here. There is no window: a
 * BrowserWindow is a record whose page the test opens in Chromium; `webContents.send` goes to the test;
 * `ipcMain.handle`, `protocol.handle` and the menu are kept so the test can call the app's own
 * handlers; dialogs are answered by the test. Paths live in the temp folder the test gives.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FromHost, type ToHost } from './messages';

type Handler = (event: unknown, ...args: unknown[]) => unknown;
type MenuItem = { label?: string; role?: string; click?: () => void; submenu?: MenuItem[] };

function post(message: FromHost): void {
  process.send?.(message);
}

// ---------- asking the test ----------

let nextAsk = 1;
const asks = new Map<number, (value: unknown) => void>();

function ask(method: 'showOpenDialog' | 'showMessageBox' | 'showErrorBox', options: unknown): Promise<unknown> {
  const id = nextAsk++;
  return new Promise((resolve) => {
    asks.set(id, resolve);
    post({ kind: 'dialog', id, method, options });
  });
}

// ---------- app ----------

const paths = new Map<string, string>();
const appEvents = new EventEmitter();
let quitting = false;

export const app = Object.assign(appEvents, {
  isPackaged: false,
  getPath: (name: string) => {
    const p = paths.get(name) ?? join(process.env.TANDEM_FAKE_HOME ?? process.cwd(), name);
    mkdirSync(p, { recursive: true });
    return p;
  },
  setPath: (name: string, p: string) => { paths.set(name, p); },
  getVersion: () => '0.1.0',
  getName: () => 'Tandem',
  getAppPath: () => process.env.TANDEM_APP_PATH ?? process.cwd(),
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  /** As Electron: 'before-quit' may be prevented (the app flushes, then quits again); otherwise the process ends. */
  quit: () => {
    if (quitting) return;
    let prevented = false;
    appEvents.emit('before-quit', { preventDefault: () => { prevented = true; } });
    if (prevented) return;
    quitting = true;
    appEvents.emit('will-quit', { preventDefault: () => {} });
    process.exit(0);
  },
});

// ---------- windows ----------

let nextWindowId = 1;
const windows = new Map<number, BrowserWindow>();

class WebContents extends EventEmitter {
  destroyed = false;
  constructor(readonly id: number) {
    super();
  }
  send(channel: string, ...args: unknown[]): void {
    post({ kind: 'send', windowId: this.id, channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(): void {}
}

export class BrowserWindow extends EventEmitter {
  static getFocusedWindow(): BrowserWindow | null {
    return [...windows.values()].at(-1) ?? null;
  }
  static getAllWindows(): BrowserWindow[] {
    return [...windows.values()];
  }
  readonly webContents: WebContents;
  private destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    this.webContents = new WebContents(nextWindowId++);
    windows.set(this.webContents.id, this);
  }
  loadURL(url: string): Promise<void> {
    post({ kind: 'window', windowId: this.webContents.id, url });
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  /** The person closed the window. */
  close(): void {
    this.emit('close', { preventDefault: () => {} });
    this.destroyed = true;
    this.webContents.destroyed = true;
    windows.delete(this.webContents.id);
    this.emit('closed');
    if (windows.size === 0) appEvents.emit('window-all-closed');
  }
  isDestroyed() { return this.destroyed; }
  isMinimized() { return false; }
  isMaximized() { return false; }
  maximize() {}
  restore() {}
  focus() {}
  show() {}
  getNormalBounds() { return { x: 0, y: 0, width: 1400, height: 860 }; }
}

export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };

// ---------- the app's own handlers, kept for the test to call ----------

const ipcHandlers = new Map<string, Handler>();
export const ipcMain = {
  handle: (channel: string, handler: Handler) => { ipcHandlers.set(channel, handler); },
  removeHandler: (channel: string) => { ipcHandlers.delete(channel); },
  on: () => {},
};

const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
export const protocol = {
  handle: (scheme: string, handler: (request: Request) => Promise<Response>) => { protocolHandlers.set(scheme, handler); },
};

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.woff2': 'font/woff2', '.png': 'image/png' };

/** Electron's `net.fetch` as the file protocol handler uses it: the file itself, from disk. */
export const net = {
  fetch: async (request: Request) => {
    try {
      const body = await readFile(fileURLToPath(request.url));
      return new Response(body, { status: 200, headers: { 'Content-Type': TYPES[extname(request.url)] ?? 'application/octet-stream' } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  },
};

let applicationMenu: MenuItem[] = [];
export const Menu = {
  buildFromTemplate: (template: MenuItem[]) => template,
  setApplicationMenu: (menu: MenuItem[]) => { applicationMenu = menu; },
};

export const session = {
  defaultSession: { webRequest: { onHeadersReceived: () => {} }, setPermissionRequestHandler: () => {} },
};

export const dialog = {
  showOpenDialog: async (...args: unknown[]) => ask('showOpenDialog', args.at(-1)),
  showMessageBox: async (...args: unknown[]) => ask('showMessageBox', args.at(-1)),
  showErrorBox: (title: string, content: string) => { void ask('showErrorBox', { title, content }); },
};

export const shell = {
  openExternal: async (url: string) => { post({ kind: 'openExternal', url }); },
  /** The desktop's trash, in the fake home folder. */
  trashItem: async (path: string) => {
    const trash = app.getPath('trash');
    await rename(path, join(trash, `${Date.now()}-${basename(path)}`));
  },
};

// ---------- serving the test ----------

function menuItem(labels: string[]): MenuItem {
  let items = applicationMenu;
  let found: MenuItem | undefined;
  for (const label of labels) {
    found = items.find((i) => i.label?.replace('&', '') === label);
    if (!found) throw new Error(`no menu item "${label}" (of ${labels.join(' › ')})`);
    items = found.submenu ?? [];
  }
  if (!found?.click) throw new Error(`menu item ${labels.join(' › ')} does nothing`);
  return found;
}

async function serve(message: ToHost): Promise<unknown> {
  switch (message.kind) {
    case 'invoke': {
      const handler = ipcHandlers.get('tandem:invoke');
      if (!handler) throw new Error('the app serves no host contract');
      const event = {
        sender: { id: message.windowId },
        senderFrame: { url: message.frameUrl, parent: message.mainFrame ? null : {} },
      };
      return handler(event, message.methodId, message.arg);
    }
    case 'fetch': {
      const handler = protocolHandlers.get('file');
      if (!handler) throw new Error('the app serves no file protocol');
      const response = await handler(new Request(message.url));
      return { status: response.status, headers: [...response.headers], body: new Uint8Array(await response.arrayBuffer()) };
    }
    case 'menu':
      menuItem(message.labels).click!();
      return null;
    case 'closeWindow':
      windows.get(message.windowId)?.close();
      return null;
    case 'quit':
      app.quit();
      return null;
    case 'answer':
      asks.get(message.id)?.(message.value);
      asks.delete(message.id);
      return undefined;
  }
}

process.on('message', (message: ToHost) => {
  if (message.kind === 'answer') {
    void serve(message);
    return;
  }
  serve(message).then(
    (value) => post({ kind: 'reply', id: message.id, ok: true, value }),
    (e: unknown) => post({ kind: 'reply', id: message.id, ok: false, message: e instanceof Error ? e.message : String(e) }),
  );
});

// The test process is gone (ended, or failed before quitting the app): so is the app.
process.on('disconnect', () => process.exit(1));

const electron = { app, BrowserWindow, screen, ipcMain, protocol, net, Menu, session, dialog, shell };
export default electron;
