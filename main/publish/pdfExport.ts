/**
 * Export PDF on the desktop: the print view (one self-contained HTML page from the renderer) is written
 * to a file of its own in a fresh temp folder, loaded from there into a hidden, script-less window and
 * printed with Chromium's printToPDF, the same engine and options the end-to-end tests drive with
 * page.pdf(). (It used to travel as a data: URL, which Chromium refuses over 2 MiB: plans of about
 * 5,000 blocks and more could not be exported.) The window loads that file and nothing else; the
 * folder is removed afterwards. The person picks where the file goes first, so cancelling costs
 * nothing and nothing is rendered for nobody.
 */
import { BrowserWindow, dialog } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDF_OPTIONS } from '../../shared/derive/publish/pdfOptions';
import { type PdfExportResult } from '../../shared/ipc/contract';

const PRINT_PARTITION = 'tandem-print';
/** The print views being printed: the only URLs their windows may load (besides inline data: images). */
const printing = new Set<string>();

/** Renders the print view to PDF bytes in a hidden window, which is always closed afterwards. */
export async function renderPdf(html: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-print-'));
  const file = join(dir, 'print.html');
  const page = pathToFileURL(file).href;
  let win: BrowserWindow | null = null;
  try {
    await writeFile(file, html, 'utf8');
    printing.add(page);
    win = new BrowserWindow({
      show: false,
      webPreferences: { javascript: false, sandbox: true, contextIsolation: true, partition: PRINT_PARTITION },
    });
    // The print view has no scripts and goes nowhere: a link in it must not navigate the hidden window,
    // and, loaded from a file, it must not reach any other file.
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    win.webContents.session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !printing.has(details.url) && !details.url.startsWith('data:') }));
    await win.loadFile(file);
    return new Uint8Array(await win.webContents.printToPDF(PDF_OPTIONS));
  } finally {
    win?.destroy();
    printing.delete(page);
    await rm(dir, { recursive: true, force: true });
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
