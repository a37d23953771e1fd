/**
 * Boots the real main process module with a stand-in Electron runtime (the one part this machine
 * cannot have): it takes the single-instance lock, opens the folder named on the command line, builds
 * the window from the security checklist, installs the menu, and serves the host contract to its own
 * window and to nothing else.
 */
import { mkdtempSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventEmitter as Emitter } from 'node:events';
import { type WorkspaceInfo } from '../../shared/ipc/contract';

type Handler = (event: unknown, methodId: unknown, arg?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

const fake = vi.hoisted(() => {
  const appEvents = new Map<string, (...args: unknown[]) => void>();
  const state = {
    handler: null as null | ((event: unknown, methodId: unknown, arg?: unknown) => Promise<unknown>),
    windows: [] as { options: Record<string, unknown>; url: string; webContents: { id: number; sent: unknown[][] } }[],
    menu: null as unknown,
    fileHandler: false,
    quit: 0,
    appEvents,
    appPath: '',
  };
  return state;
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const { userDataDir } = await import('./electronMock');
  let nextId = 1;
  class BrowserWindow extends EventEmitter {
    static getFocusedWindow() { return null; }
    webContents: Emitter & { id: number; sent: unknown[][]; send: (...a: unknown[]) => void; isDestroyed: () => boolean; setWindowOpenHandler: () => void };
    url = '';
    constructor(readonly options: Record<string, unknown>) {
      super();
      const wc = Object.assign(new EventEmitter(), {
        id: nextId++, sent: [] as unknown[][], isDestroyed: () => false, setWindowOpenHandler: () => {},
        send: (...a: unknown[]) => { wc.sent.push(a); },
      });
      this.webContents = wc;
      fake.windows.push(this as never);
    }
    loadURL(url: string) { this.url = url; return Promise.resolve(); }
    isDestroyed() { return false; }
    isMinimized() { return false; }
    isMaximized() { return false; }
    maximize() {}
    restore() {}
    focus() { this.focused = true; }
    focused = false;
    show() {}
    getNormalBounds() { return { x: 0, y: 0, width: 1280, height: 820 }; }
  }
  const app = {
    isPackaged: false,
    getPath: () => userDataDir,
    setPath: () => {},
    getVersion: () => '0.1.0',
    getAppPath: () => fake.appPath,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    on: (event: string, l: (...args: unknown[]) => void) => { fake.appEvents.set(event, l); },
    quit: () => { fake.quit++; },
  };
  const ipcMain = { on: () => {}, handle: (_c: string, h: typeof fake.handler) => { fake.handler = h; }, removeHandler: () => {} };
  const electron = {
    app, ipcMain, BrowserWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showMessageBox: async () => ({}), showErrorBox: () => {} },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => { fake.menu = m; } },
    session: { defaultSession: { webRequest: { onHeadersReceived: () => {} }, setPermissionRequestHandler: () => {} } },
    protocol: { handle: () => { fake.fileHandler = true; } },
    net: { fetch: async () => new Response('') },
    shell: { openExternal: async () => {}, trashItem: async () => {} },
  };
  return { default: electron, ...electron };
});

const folder = mkdtempSync(join(tmpdir(), 'tandem-main-'));

beforeAll(async () => {
  fake.appPath = join(import.meta.dirname, '../..');
  process.argv = [process.execPath, fake.appPath, folder];
  await import('../../main/main');
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 20_000 });
});

const invoke = (methodId: string, arg?: unknown, sender = fake.windows[0]!) =>
  (fake.handler as unknown as Handler)({ sender: { id: sender.webContents.id }, senderFrame: { parent: null, url: sender.url } }, methodId, arg);

describe('the main process', () => {
  it('opens the folder named on the command line as the workspace', async () => {
    const current = await invoke('workspace.current');
    expect(current.ok).toBe(true);
    expect((current.value as WorkspaceInfo).location).toBe(folder);
    expect(await readdir(folder)).toContain('.tandem');
  });

  it('builds its window from the security checklist and loads our own page', () => {
    const win = fake.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(win.url).toMatch(/^file:\/\/.*\/renderer\/index\.html$/);
    expect(fake.fileHandler).toBe(true);
    expect(fake.menu).toBeTruthy();
  });

  it('serves the contract to its window, and refuses any other sender', async () => {
    const created = await invoke('workspace.createPlan', { templateId: 'campaign-plan', title: 'From the window' });
    expect(created.ok).toBe(true);
    expect(await readdir(folder)).toContain('from-the-window.tandem');
    const stranger = { url: 'https://evil.example/', webContents: { id: 999, sent: [] } } as never;
    expect((await invoke('workspace.listPlans', undefined, stranger)).error?.code).toBe('forbidden');
  });

  it('sends menu commands to the window as command.run', () => {
    const file = (fake.menu as { label: string; submenu: { label?: string; click?: () => void }[] }[]).find((m) => m.label === '&File')!;
    file.submenu.find((i) => i.label === 'New Plan…')!.click!();
    expect(fake.windows[0]!.webContents.sent.at(-1)).toEqual(['tandem:event', 'command.run', { commandId: 'plan.new' }]);
  });

  it('a second launch with a folder focuses the window and opens that folder', async () => {
    const other = mkdtempSync(join(tmpdir(), 'tandem-main-second-'));
    fake.appEvents.get('second-instance')!({}, [process.execPath, other], '/');
    await vi.waitFor(async () => expect(((await invoke('workspace.current')).value as WorkspaceInfo).location).toBe(other));
    expect(fake.windows).toHaveLength(1);
    expect((fake.windows[0] as unknown as { focused: boolean }).focused).toBe(true);
  });

  it('writes every open plan to its file before quitting', async () => {
    const prevented = { done: false };
    fake.appEvents.get('before-quit')!({ preventDefault: () => { prevented.done = true; } });
    expect(prevented.done).toBe(true);
    await vi.waitFor(() => expect(fake.quit).toBe(1));
  });
});
