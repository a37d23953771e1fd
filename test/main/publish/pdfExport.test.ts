/** Export PDF on the desktop, with the Electron runtime mocked: what is asked, rendered, written and closed. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runtime = vi.hoisted(() => ({
  saveAs: null as string | null,
  windows: [] as { options: unknown; url: string | null; pdfOptions: unknown; destroyed: boolean }[],
  failPrint: false,
}));

vi.mock('electron', async () => {
  const base = (await import('../electronMock')).electronMock();
  class BrowserWindow {
    record = { options: null as unknown, url: null as string | null, pdfOptions: null as unknown, destroyed: false };
    webContents = {
      on: () => {},
      printToPDF: async (options: unknown) => {
        this.record.pdfOptions = options;
        if (runtime.failPrint) throw new Error('printing failed');
        return Buffer.from(`%PDF-1.7 of ${this.record.url?.length} chars`);
      },
    };
    constructor(options: unknown) { this.record.options = options; runtime.windows.push(this.record); }
    async loadURL(url: string) { this.record.url = url; }
    destroy() { this.record.destroyed = true; }
  }
  const dialog = {
    showSaveDialog: async () => (runtime.saveAs ? { canceled: false, filePath: runtime.saveAs } : { canceled: true, filePath: '' }),
  };
  return { ...base, default: { ...base.default, BrowserWindow, dialog }, BrowserWindow, dialog };
});

const { exportPdf, MAX_PRINT_URL } = await import('../../../main/publish/pdfExport');
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
    expect(Buffer.from(win!.url!.split(',')[1]!, 'base64').toString('utf8')).toBe(html);
    expect(win!.pdfOptions).toEqual(PDF_OPTIONS);
    expect(win!.destroyed).toBe(true);
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
    expect(existsSync(join(dir, 'failed.pdf'))).toBe(false);
  });

  it('refuses a print view too long for one PDF with a clear message', async () => {
    runtime.saveAs = join(dir, 'long.pdf');
    await expect(exportPdf('x'.repeat(MAX_PRINT_URL), 'long.pdf', null)).rejects.toThrow(/too long to print in one PDF/);
    expect(existsSync(join(dir, 'long.pdf'))).toBe(false);
  });
});
