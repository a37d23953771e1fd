/**
 * Export PDF on the desktop: the print view (one self-contained HTML page from the renderer) is loaded
 * into a hidden, script-less window of its own and printed with Chromium's printToPDF, the same engine
 * and options the end-to-end tests drive with page.pdf(). The person picks where the file goes first,
 * so cancelling costs nothing and nothing is rendered for nobody.
 */
import { BrowserWindow, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import { PDF_OPTIONS } from '../../shared/derive/publish/pdfOptions';
import { type PdfExportResult } from '../../shared/ipc/contract';

/** Chromium refuses URLs over 2 MiB; the print view travels as a data: URL. */
export const MAX_PRINT_URL = 2 * 1024 * 1024;

export const printViewUrl = (html: string) => `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;

/** Renders the print view to PDF bytes in a hidden window, which is always closed afterwards. */
export async function renderPdf(html: string): Promise<Uint8Array> {
  const url = printViewUrl(html);
  if (url.length > MAX_PRINT_URL) throw new Error('this plan is too long to print in one PDF: split it into smaller plans');
  const win = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, partition: 'tandem-print' },
  });
  try {
    // The print view has no scripts and goes nowhere: a link in it must not navigate the hidden window.
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    await win.loadURL(url);
    return new Uint8Array(await win.webContents.printToPDF(PDF_OPTIONS));
  } finally {
    win.destroy();
  }
}

/** Asks where to save `fileName`, then renders and writes the PDF there. */
export async function exportPdf(html: string, fileName: string, parent: BrowserWindow | null): Promise<PdfExportResult> {
  const options = { title: 'Export PDF', defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
  const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { outcome: 'cancelled' };
  const path = /\.pdf$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.pdf`;
  await writeFile(path, await renderPdf(html));
  return { outcome: 'saved', path };
}
