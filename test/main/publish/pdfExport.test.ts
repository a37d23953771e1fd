/** Export PDF on the desktop, with the Electron runtime mocked: what is asked, rendered, written and closed. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { planToPrintDocument } from '../../../shared/derive/publish/printDocument';
import { ExportPdfArgs } from '../../../shared/ipc/contract';
import { printHtml } from '../../../renderer/contrib/publish/printHtml';
import { longPlan, PEOPLE } from '../../support/publishFixtures';

type RequestFilter = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
type WindowRecord = { options: unknown; file: string | null; loaded: string | null; pdfOptions: unknown; destroyed: boolean; filter: RequestFilter | null };

const runtime = vi.hoisted(() => ({
  saveAs: null as string | null,
  windows: [] as WindowRecord[],
  failPrint: false,
}));

vi.mock('electron', async () => {
  const base = (await import('../electronMock')).electronMock();
  class BrowserWindow {
    record: WindowRecord = { options: null, file: null, loaded: null, pdfOptions: null, destroyed: false, filter: null };
    webContents = {
      on: () => {},
      session: { webRequest: { onBeforeRequest: (filter: RequestFilter) => { this.record.filter = filter; } } },
      printToPDF: async (options: unknown) => {
        this.record.pdfOptions = options;
        if (runtime.failPrint) throw new Error('printing failed');
        return Buffer.from(`%PDF-1.7 of ${this.record.loaded?.length} chars`);
      },
    };
    constructor(options: unknown) { this.record.options = options; runtime.windows.push(this.record); }
    async loadFile(file: string) {
      const { readFileSync: read } = await import('node:fs');
      const { pathToFileURL: toUrl } = await import('node:url');
      // Chromium asks the session whether it may load the page, then reads it.
      let cancel = true;
      this.record.filter?.({ url: toUrl(file).href }, (r) => (cancel = r.cancel));
      if (cancel) throw new Error(`ERR_BLOCKED_BY_CLIENT (-20) loading '${toUrl(file).href}'`);
      this.record.file = file;
      this.record.loaded = read(file, 'utf8');
    }
    async loadURL(url: string) {
      if (url.length > 2 * 1024 * 1024) throw new Error('ERR_INVALID_URL (-300)');
      this.record.loaded = url.startsWith('data:') ? Buffer.from(url.split(',')[1]!, 'base64').toString('utf8') : null;
    }
    destroy() { this.record.destroyed = true; }
  }
  const dialog = {
    showSaveDialog: async () => (runtime.saveAs ? { canceled: false, filePath: runtime.saveAs } : { canceled: true, filePath: '' }),
  };
  return { ...base, default: { ...base.default, BrowserWindow, dialog }, BrowserWindow, dialog };
});

const { exportPdf } = await import('../../../main/publish/pdfExport');
const { PDF_OPTIONS } = await import('../../../shared/derive/publish/pdfOptions');

const dir = mkdtempSync(join(tmpdir(), 'tandem-pdf-'));
const html = '<!doctype html><title>FY27</title><h1>FY27 plan — Chloé</h1>';

beforeEach(() => { runtime.windows.length = 0; runtime.failPrint = false; });

describe('Export PDF on the desktop', () => {
  it('prints the print view in a hidden script-less window and saves the PDF where the person chose', async () => {
    runtime.saveAs = join(dir, 'FY27 plan');
    const result = await exportPdf(html, 'FY27 plan.pdf', null);
    expect(result).toEqual({ outcome: 'saved', path: join(dir, 'FY27 plan.pdf') });
    expect(readFileSync(join(dir, 'FY27 plan.pdf'), 'utf8')).toMatch(/^%PDF-/);
    const [win] = runtime.windows;
    expect(win!.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true } });
    expect(win!.loaded).toBe(html);
    expect(win!.pdfOptions).toEqual(PDF_OPTIONS);
    expect(win!.destroyed).toBe(true);
    expect(existsSync(dirname(win!.file!)), 'the print view\'s temp folder after the export').toBe(false);
  });

  it('lets the hidden window load its print view and inline images, and no other file or address', async () => {
    runtime.saveAs = join(dir, 'filtered.pdf');
    await exportPdf(html, 'filtered.pdf', null);
    const [win] = runtime.windows;
    const allowed = (url: string) => {
      let cancel = true;
      win!.filter!({ url }, (r) => (cancel = r.cancel));
      return !cancel;
    };
    expect(allowed('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(allowed(pathToFileURL('/etc/passwd').href)).toBe(false);
    expect(allowed('https://example.com/tracker.png')).toBe(false);
    expect(allowed(pathToFileURL(win!.file!).href), 'the print view once printed').toBe(false);
  });

  it('renders nothing when the person cancels the save dialog', async () => {
    runtime.saveAs = null;
    expect(await exportPdf(html, 'FY27 plan.pdf', null)).toEqual({ outcome: 'cancelled' });
    expect(runtime.windows).toHaveLength(0);
  });

  it('closes the hidden window and writes no file when printing fails', async () => {
    runtime.saveAs = join(dir, 'failed.pdf');
    runtime.failPrint = true;
    await expect(exportPdf(html, 'failed.pdf', null)).rejects.toThrow('printing failed');
    expect(runtime.windows[0]!.destroyed).toBe(true);
    expect(existsSync(dirname(runtime.windows[0]!.file!))).toBe(false);
    expect(existsSync(join(dir, 'failed.pdf'))).toBe(false);
  });

  it('exports a 10,000-block plan, whose print view is far over the 2 MiB a data: URL may carry', async () => {
    const plan = longPlan(10_000);
    const big = printHtml(planToPrintDocument(plan, PEOPLE));
    const asDataUrl = Math.ceil(Buffer.byteLength(big, 'utf8') / 3) * 4;
    expect(asDataUrl, 'the print view as a base64 data: URL').toBeGreaterThan(2 * 1024 * 1024);
    // It passes the door between the renderer and the main process …
    expect(ExportPdfArgs.safeParse({ html: big, fileName: 'Long plan.pdf' }).success).toBe(true);
    // … and is printed whole.
    runtime.saveAs = join(dir, 'Long plan.pdf');
    expect(await exportPdf(big, 'Long plan.pdf', null)).toEqual({ outcome: 'saved', path: join(dir, 'Long plan.pdf') });
    expect(runtime.windows[0]!.loaded).toBe(big);
    expect(readFileSync(join(dir, 'Long plan.pdf'), 'utf8')).toBe(`%PDF-1.7 of ${big.length} chars`);
    expect(existsSync(dirname(runtime.windows[0]!.file!))).toBe(false);
  }, 60_000);
});
