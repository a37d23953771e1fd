/**
 * Publishing end to end: the print view of a plan printed by real Chromium with page.pdf() (the
 * engine behind Electron's printToPDF), checked with poppler-utils as a reader would see the pages.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/chromium';
import { annualPlan, cardsAcrossPageEnds, longPlan, PEOPLE } from '../support/publishFixtures';
import { goalFacts, planToPrintDocument, type PrintDocument } from '../../shared/derive/publish/printDocument';
import { structuredBlocks } from '../../shared/derive/walk';
import { TRACK_SELLING_STAGES } from '../../shared/model/stages';
import { printHtml } from '../../renderer/contrib/publish/printHtml';
import { printInFrame } from '../../renderer/host-web/printFrame';
import { PDF_OPTIONS } from '../../shared/derive/publish/pdfOptions';
import { type PlanSnapshot } from '../../shared/model/planDoc';

const dir = mkdtempSync(join(tmpdir(), 'tandem-publish-'));
let browser: Browser;
beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => { await browser?.close(); });

const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

/** The page's content box: A4 less the print view's side margins (16 mm each), in CSS px. */
const CONTENT_WIDTH_PX = Math.floor(((210 - 2 * 16) * 96) / 25.4);

/**
 * What of the print view does not fit the page's content width, laid out as print at that width:
 * an element reaching past either side, or one whose content is wider than its box (a word running out
 * of its table cell). Chromium would shrink such a page to fit, or cut it at the edge.
 */
async function overflowing(page: Page): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: CONTENT_WIDTH_PX, height: 1000 });
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > limit) out.push(`the page: ${document.documentElement.scrollWidth} px wide in ${limit} px`);
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const what = `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 50)}"`;
      if (box.left < -0.5 || box.right > limit + 0.5) out.push(`${what}: from ${Math.round(box.left)} to ${Math.round(box.right)} px of ${limit}`);
      else if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline') out.push(`${what}: content ${el.scrollWidth} px wide in ${el.clientWidth} px`);
    }
    return out;
  });
}

async function printPlan(plan: PlanSnapshot, name: string, theme: 'light' | 'dark' = 'light') {
  const doc = planToPrintDocument(plan, PEOPLE);
  const page = await browser.newPage({ colorScheme: theme });
  const t0 = performance.now();
  await page.setContent(printHtml(doc), { waitUntil: 'load' });
  const rendered = performance.now() - t0;
  const overflow = await overflowing(page);
  const t1 = performance.now();
  const pdf = await page.pdf(PDF_OPTIONS);
  const printed = performance.now() - t1;
  await page.close();
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', file))![1]);
  return { doc, file, pages, rendered, printed, overflow, text: poppler('pdftotext', '-layout', file, '-'), reading: poppler('pdftotext', file, '-') };
}

const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
/** The page margins (18 mm top, 20 mm bottom) in PDF points: the margin boxes' place (title, page number). */
const TOP = (18 * 72) / 25.4;
const BOTTOM = (20 * 72) / 25.4;

/** Each page's words outside the margin boxes, in reading order, from pdftotext's word boxes. */
function contentWords(file: string): string[][] {
  const pages: string[][] = [];
  let height = 0;
  for (const m of poppler('pdftotext', '-bbox', file, '-').matchAll(/<page width="[\d.]+" height="([\d.]+)">|<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[1]) {
      height = Number(m[1]);
      pages.push([]);
      continue;
    }
    const [y0, y1] = [Number(m[2]), Number(m[3])];
    if (pages.length > 1 && (y1 <= TOP || y0 >= height - BOTTOM)) continue; // a margin box (the cover has none)
    pages.at(-1)!.push(m[4]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
  }
  return pages;
}

/** Every text of the print model, as the print view shows it. */
function modelTexts(doc: PrintDocument): string[] {
  const runs = (rs: { text: string }[]) => rs.map((r) => r.text).join('');
  return [doc.title, doc.period, `Published ${doc.date}`, ...doc.toc.map((t) => t.text), ...doc.blocks.flatMap((b): string[] => {
    switch (b.kind) {
      case 'heading': return [b.text];
      case 'paragraph': return [runs(b.runs)];
      case 'list': return b.items.map(runs);
      case 'goal': return [b.goal.title, ...goalFacts(b.goal).flat()];
      case 'stages': return b.rows.flatMap((r) => [r.stage, r.assets, r.marketing, r.sales, r.marketingOwner, r.salesOwner, r.exitCriteria, r.metric]);
      case 'actions': return b.actions.flatMap((a) => [a.title, a.expectedResult, a.owner, a.due, a.budget, a.goal]);
    }
  })].filter((t) => squeeze(t) !== '');
}

/**
 * Texts of the print model not found whole in the PDF's text as often as the print view shows them:
 * cut at a page edge (Chromium clips what runs past the content box, and pdftotext then lacks it), or
 * lost. Counted, because the contents page repeats every heading.
 */
function missingText(doc: PrintDocument, file: string): string[] {
  const pdf = squeeze(contentWords(file).flat().join(''));
  const texts = modelTexts(doc).map(squeeze);
  const model = texts.join('\u0000');
  const count = (hay: string, needle: string) => hay.split(needle).length - 1;
  return [...new Set(texts)].filter((t) => count(pdf, t) < count(model, t));
}

/**
 * Goal cards not whole on one page: per card, in print order, the page of its title and the page of
 * the last words of its last row.
 */
function splitCards(doc: PrintDocument, file: string): string[] {
  const pages = contentWords(file).map((words) => squeeze(words.join('')));
  const starts: number[] = [];
  let all = '';
  for (const page of pages) {
    starts.push(all.length);
    all += page;
  }
  const pageAt = (i: number) => starts.filter((s) => s <= i).length;
  const split: string[] = [];
  let from = 0;
  for (const block of doc.blocks) {
    if (block.kind !== 'goal') continue;
    const title = all.indexOf(squeeze(block.goal.title), from);
    const lastRow = goalFacts(block.goal).at(-1)!.join(' ');
    const tail = squeeze(lastRow.split(/\s+/).slice(-3).join(' '));
    const end = all.indexOf(tail, title);
    if (title < 0 || end < 0) {
      split.push(`${block.goal.title}: not found`);
      continue;
    }
    const [first, last] = [pageAt(title), pageAt(end + tail.length - 1)];
    if (first !== last) split.push(`${block.goal.title}: pages ${first}–${last}`);
    from = end;
  }
  return split;
}

describe('Publishing a plan as PDF', () => {
  it('prints the annual plan with every goal, owner and stage, page numbers and title in the margins, cards whole', async () => {
    const plan = annualPlan();
    const { doc, file, pages, text, reading, overflow } = await printPlan(plan, 'annual');
    const flat = oneLine(reading);
    for (const { el } of structuredBlocks(plan.content).goals) expect(flat).toContain(oneLine(el.title));
    for (const p of PEOPLE) expect(flat).toContain(p.name);
    for (const s of TRACK_SELLING_STAGES) expect(flat).toContain(s.name);
    expect(flat).toContain('Page 2 of');
    expect(text.split('\f')[2]).toContain('FY27 joint sales & marketing plan');
    expect(flat).not.toContain('Write this last'); // a template hint
    expect(flat).toMatch(/Progress\s+50%/);
    expect(flat).toContain('$180,000');
    expect(pages).toBeGreaterThan(4);
    expect(pages).toBeLessThan(30);
    expect(splitCards(doc, file)).toEqual([]);
    expect(overflow).toEqual([]);
    expect(missingText(doc, file)).toEqual([]);
    poppler('pdftoppm', '-png', '-r', '60', '-f', '1', '-l', '4', file, artifactPath('publish-annual'));
  });

  it('keeps every goal card on one page where cards fall across page ends', async () => {
    const { doc, file, pages } = await printPlan(cardsAcrossPageEnds(), 'cards');
    expect(pages).toBeGreaterThan(15);
    expect(splitCards(doc, file)).toEqual([]);
    expect(missingText(doc, file)).toEqual([]);
    poppler('pdftoppm', '-png', '-r', '50', '-f', '10', '-l', '13', file, artifactPath('publish-cards'));
  });

  it('prints black on white from a dark theme too', async () => {
    const { file } = await printPlan(annualPlan(), 'annual-dark', 'dark');
    poppler('pdftoppm', '-png', '-r', '30', '-f', '3', '-l', '3', '-singlefile', file, join(dir, 'dark'));
    const ppm = poppler('pdftoppm', '-r', '10', '-f', '3', '-l', '3', '-singlefile', '-gray', file);
    // A mostly white page: the mean grey level of the page is near white.
    const bytes = Buffer.from(ppm, 'latin1');
    const pixels = bytes.subarray(bytes.length - bytes.length * 0.9);
    const mean = pixels.reduce((s, b) => s + b, 0) / pixels.length;
    expect(mean).toBeGreaterThan(200);
  });

  it('prints a 1,500-block plan whole, and reports how long it took', async () => {
    const plan = longPlan(1500);
    const goals = structuredBlocks(plan.content).goals;
    const { doc, file, pages, reading, rendered, printed, overflow } = await printPlan(plan, 'long');
    const flat = oneLine(reading);
    const last = goals[goals.length - 1]!.el.title;
    expect(flat).toContain(oneLine(last));
    expect(goals.filter(({ el }) => flat.includes(oneLine(el.title)))).toHaveLength(goals.length);
    expect(splitCards(doc, file)).toEqual([]);
    expect(overflow).toEqual([]);
    expect(missingText(doc, file)).toEqual([]);
    expect(pages).toBeGreaterThan(50);
    poppler('pdftoppm', '-png', '-r', '60', '-f', String(pages), '-l', String(pages), file, artifactPath('publish-long-last'));
    console.log(`1,500-block plan: print view rendered in ${Math.round(rendered)} ms, then its PDF of ${pages} pages in ${Math.round(printed)} ms`);
  });

  it('in the browser, opens the print dialog on the print view in a frame, not on the app\'s screen', async () => {
    const page = await browser.newPage();
    await page.setContent('<body><main>The app screen</main></body>');
    await page.evaluate(`window.__printInFrame = ${printInFrame.toString()}`);
    const html = printHtml(planToPrintDocument(annualPlan(), PEOPLE));
    // Headless Chromium has no dialog: note which document the print was asked for, then let it go.
    await page.evaluate(async (view) => {
      const w = window as unknown as { __printInFrame: (h: string) => Promise<void>; __printed: string[] };
      w.__printed = [];
      new MutationObserver(() => {
        const frame = document.querySelector('iframe');
        if (frame?.contentWindow) frame.contentWindow.print = () => { w.__printed.push(frame.contentDocument!.title); };
      }).observe(document.body, { childList: true });
      await w.__printInFrame(view);
    }, html);
    expect(await page.evaluate(() => (window as unknown as { __printed: string[] }).__printed)).toEqual(['FY27 joint sales & marketing plan']);
    await page.close();
  });
});
