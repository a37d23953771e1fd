/**
 * The desktop app for end-to-end tests without an Electron binary: the real built main process
 * (dist/main/main.mjs, with its host services, IPC server, menu and quit flush) runs in a Node child
 * with only the Electron runtime faked (fakeElectron.ts); its window is a Chromium page showing the
 * real built renderer, its files served by the app's own `file:` protocol handler, with `window.host`
 * bridged to the app's own `ipcMain` handler (sender check, allow-list, zod) — only the preload is
 * left out. Dialogs are answered by the test. SIGKILL ends the child as a crash would.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BrowserContext, type Page } from 'playwright-core';
import { EVENT_NAMES, IPC_EVENT_CHANNEL } from '../../../shared/ipc/contract';
import { forkChild } from '../childProcesses';
import { ensureRendererBuilt } from '../webApp';
import { installHostBridge } from './bridgeScript';
import { decodeBytes, encodeBytes } from './bytes';
import { type FileResponse, type FromHost, type ToHost } from './messages';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const MAIN_ENTRY = join(ROOT, 'dist', 'main', 'main.mjs');
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
/**
 * Chromium cannot run module scripts from file://; the window's file URLs are served under this
 * origin instead (by route, nothing listens there). A loopback origin, like file:// in Electron, may
 * open sockets to the sync server on this machine (Chromium blocks that from public origins).
 */
const PAGE_ORIGIN = 'http://127.0.0.1:9';

let mainBuilt = false;
/** Builds dist/main from the current sources once per test run (esbuild: about a second). */
export function ensureMainBuilt(): void {
  if (mainBuilt) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'buildMain.js')], { cwd: ROOT, stdio: 'pipe' });
  mainBuilt = true;
}

export type DialogRecord = { method: string; options: Record<string, unknown> };
export type DialogAnswers = {
  /** The Open Folder dialog: the folder to pick, or null to cancel. */
  openFolder?: () => string | null;
};

type HostWindow = { windowId: number; url: string };
type HostRequest = ToHost extends infer T ? (T extends ToHost ? Omit<T, 'id'> : never) : never;

const toPageUrl = (fileUrl: string) => `${PAGE_ORIGIN}${new URL(fileUrl).pathname}`;
const toFileUrl = (pageUrl: string) => {
  const u = new URL(pageUrl);
  return u.origin === PAGE_ORIGIN ? pathToFileURL(decodeURIComponent(u.pathname)).href + u.search + u.hash : pageUrl;
};

export class DesktopApp {
  /** Every dialog the app showed, in order (message boxes and error boxes included). */
  readonly dialogs: DialogRecord[] = [];
  readonly openedExternally: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: string | null }>;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly windows: HostWindow[] = [];
  private windowWaiters: Array<(w: HostWindow) => void> = [];
  private readonly pages = new Map<number, Page>();
  private stderr = '';
  private alive = true;

  private constructor(private readonly child: ChildProcess, readonly home: string, private readonly answers: DialogAnswers) {
    child.on('message', (m: FromHost) => this.onMessage(m));
    child.stderr?.on('data', (d: Buffer) => { this.stderr += d.toString(); });
    this.exited = new Promise((resolveExit) => {
      child.on('exit', (code, signal) => {
        this.alive = false;
        for (const p of this.pending.values()) p.reject(new Error(`the desktop app exited (${signal ?? code})`));
        this.pending.clear();
        resolveExit({ code, signal });
      });
    });
  }

  /**
   * Starts the app with its user data in `home` (a fresh temp folder by default; pass the previous
   * run's to restart), optionally with a folder on the command line.
   */
  static async start(opts: { home?: string; folder?: string; answers?: DialogAnswers } = {}): Promise<DesktopApp> {
    await ensureRendererBuilt();
    ensureMainBuilt();
    const home = opts.home ?? mkdtempSync(join(tmpdir(), 'tandem-desktop-'));
    const userData = join(home, 'userData');
    mkdirSync(userData, { recursive: true });
    const child = forkChild(CHILD, opts.folder ? [opts.folder] : [], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, TANDEM_MAIN_ENTRY: MAIN_ENTRY, TANDEM_USER_DATA: userData, TANDEM_FAKE_HOME: home, TANDEM_APP_PATH: ROOT },
    });
    return new DesktopApp(child, home, opts.answers ?? {});
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The app's stderr so far (warnings it logged), for failure messages. */
  get log(): string {
    return this.stderr;
  }

  /**
   * Shows the app's window (the first one it opened) as a page of `context`: the init script plays
   * the preload, requests for the page's files go to the app's file protocol.
   */
  async openWindow(context: BrowserContext): Promise<Page> {
    const win = await this.nextWindow();
    await installOnce(context);
    const page = await context.newPage();
    this.pages.set(win.windowId, page);
    pageOwners.set(page, { app: this, windowId: win.windowId });
    page.on('close', () => {
      if (this.pages.get(win.windowId) === page) this.pages.delete(win.windowId);
    });
    await page.goto(toPageUrl(win.url));
    return page;
  }

  /** Clicks a native menu item, e.g. `menu('File', 'Settings…')`. */
  async menu(...labels: string[]): Promise<void> {
    await this.request({ kind: 'menu', labels });
  }

  /** Closes the window as the person would (the app quits when its last window closes, flushing first). */
  async closeWindow(page: Page): Promise<void> {
    const owner = pageOwners.get(page);
    if (owner) await this.request({ kind: 'closeWindow', windowId: owner.windowId }).catch(() => {});
    await this.exited;
    await page.close();
  }

  /** Quits cleanly (File › Quit): the app flushes every document, then exits. */
  async quit(): Promise<void> {
    if (this.alive) await this.request({ kind: 'quit' }).catch(() => {});
    const { code } = await this.exited;
    if (code !== 0) throw new Error(`the desktop app quit with ${code}:\n${this.stderr}`);
    await this.closePages();
  }

  /** A crash: SIGKILL, then the window goes with it. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
    await this.closePages();
  }

  private async closePages(): Promise<void> {
    for (const page of [...this.pages.values()]) await page.close().catch(() => {});
    this.pages.clear();
  }

  // ---------- the bridge ----------

  async invokeFrom(page: Page, frame: { url: string; main: boolean }, methodId: unknown, arg: unknown): Promise<unknown> {
    const owner = pageOwners.get(page);
    if (!owner) throw new Error('not a window of this app');
    const reply = await this.request({
      kind: 'invoke', windowId: owner.windowId, frameUrl: toFileUrl(frame.url), mainFrame: frame.main, methodId, arg: decodeBytes(arg),
    });
    return encodeBytes(reply);
  }

  async fetchFile(pageUrl: string): Promise<FileResponse> {
    return (await this.request({ kind: 'fetch', url: toFileUrl(pageUrl) })) as FileResponse;
  }

  private request(message: HostRequest): Promise<unknown> {
    if (!this.alive) return Promise.reject(new Error('the desktop app is not running'));
    const id = this.nextId++;
    return new Promise((res, rej) => {
      this.pending.set(id, { resolve: res, reject: rej });
      this.child.send({ ...message, id } as ToHost);
    });
  }

  private nextWindow(): Promise<HostWindow> {
    const opened = this.windows.shift();
    if (opened) return Promise.resolve(opened);
    return new Promise((res, rej) => {
      this.windowWaiters.push(res);
      void this.exited.then(() => rej(new Error(`the desktop app exited before opening a window:\n${this.stderr}`)));
    });
  }

  private onMessage(m: FromHost): void {
    switch (m.kind) {
      case 'window': {
        const waiter = this.windowWaiters.shift();
        if (waiter) waiter(m);
        else this.windows.push(m);
        return;
      }
      case 'send': {
        const page = this.pages.get(m.windowId);
        if (!page) return;
        page.evaluate(([channel, args]) => window.__tandemEvent?.(channel, args[0], args[1]), [m.channel, encodeBytes(m.args) as unknown[]] as const)
          .catch(() => { /* the page is gone or navigating: Electron drops such messages too */ });
        return;
      }
      case 'dialog': {
        this.dialogs.push({ method: m.method, options: (m.options ?? {}) as Record<string, unknown> });
        let value: unknown = { response: 0 };
        if (m.method === 'showOpenDialog') {
          const folder = this.answers.openFolder?.() ?? null;
          value = folder ? { canceled: false, filePaths: [folder] } : { canceled: true, filePaths: [] };
        }
        if (this.alive) this.child.send({ kind: 'answer', id: m.id, value } satisfies ToHost);
        return;
      }
      case 'openExternal':
        this.openedExternally.push(m.url);
        return;
      case 'reply': {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.ok) p.resolve(m.value);
        else p.reject(new Error(m.message));
        return;
      }
    }
  }
}

/** Which app and window a page shows; the binding and the file route look it up per call. */
const pageOwners = new WeakMap<Page, { app: DesktopApp; windowId: number }>();
const installed = new WeakSet<BrowserContext>();

/** A context keeps its storage across app restarts, as Electron's session does in the user data folder. */
async function installOnce(context: BrowserContext): Promise<void> {
  if (installed.has(context)) return;
  installed.add(context);
  await context.exposeBinding('__tandemInvoke', async (source, methodId: unknown, arg: unknown) => {
    const owner = pageOwners.get(source.page);
    if (!owner) throw new Error('this page is not a Tandem window');
    return owner.app.invokeFrom(source.page, { url: source.frame.url(), main: source.frame === source.page.mainFrame() }, methodId, arg);
  });
  await context.addInitScript(installHostBridge, { eventNames: [...EVENT_NAMES], eventChannel: IPC_EVENT_CHANNEL });
  await context.route(`${PAGE_ORIGIN}/**`, async (route) => {
    const page = route.request().frame().page();
    const owner = pageOwners.get(page);
    if (!owner) return route.abort();
    try {
      const file = await owner.app.fetchFile(route.request().url());
      await route.fulfill({ status: file.status, headers: Object.fromEntries(file.headers), body: Buffer.from(file.body) });
    } catch {
      await route.abort();
    }
  });
}
