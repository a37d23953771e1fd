/**
 * Publishing end to end: the print view of a plan printed by real Chromium with page.pdf() (the
 * engine behind Electron's printToPDF), checked with poppler-utils as a reader would see the pages.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/chromium';
import { annualPlan, longPlan, PEOPLE } from '../support/publishFixtures';
import { planToPrintDocument } from '../../shared/derive/publish/printDocument';
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

async function printPlan(plan: PlanSnapshot, name: string, theme: 'light' | 'dark' = 'light') {
  const page = await browser.newPage({ colorScheme: theme });
  const t0 = performance.now();
  await page.setContent(printHtml(planToPrintDocument(plan, PEOPLE)), { waitUntil: 'load' });
  const rendered = performance.now() - t0;
  const pdf = await page.pdf(PDF_OPTIONS);
  const total = performance.now() - t0;
  await page.close();
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', file))![1]);
  return { file, pages, rendered, total, text: poppler('pdftotext', '-layout', file, '-'), reading: poppler('pdftotext', file, '-') };
}

/** Every goal card whole on one page: a card's first row (Owners) and its status row share a page. */
function splitCards(text: string): number[] {
  return text.split('\f').flatMap((page, i) => {
    const owners = (page.match(/^\s*Owners\s/gm) ?? []).length;
    const status = (page.match(/^\s*Status\s/gm) ?? []).length;
    return owners === status ? [] : [i + 1];
  });
}

/**
 * Words reaching into the outer half of the side margins (cut at, or about to run off, the page's edge),
 * from pdftotext's word boxes. Top and bottom are the margin boxes' place (title, page number); content
 * that runs long there moves on to the next page instead.
 */
/** Half the narrowest page margin (16 mm), in PDF points. */
const EDGE = (16 / 2) * (72 / 25.4);

function wordsOffPage(file: string): string[] {
  const html = poppler('pdftotext', '-bbox', file, '-');
  const out: string[] = [];
  let width = 0;
  let height = 0;
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[1]) { width = Number(m[1]); height = Number(m[2]); continue; }
    const [x0, y0, x1, y1] = [m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number];
    if (x0 < EDGE || x1 > width - EDGE || y0 < 0 || y1 > height) out.push(m[7]!);
  }
  return out;
}

describe('Publishing a plan as PDF', () => {
  it('prints the annual plan with every goal, owner and stage, page numbers and title in the margins, cards whole', async () => {
    const plan = annualPlan();
    const { file, pages, text, reading } = await printPlan(plan, 'annual');
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
    expect(splitCards(text)).toEqual([]);
    expect(wordsOffPage(file)).toEqual([]);
    poppler('pdftoppm', '-png', '-r', '60', '-f', '1', '-l', '4', file, artifactPath('publish-annual'));
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
    const { file, pages, text, reading, rendered, total } = await printPlan(plan, 'long');
    const flat = oneLine(reading);
    const last = goals[goals.length - 1]!.el.title;
    expect(flat).toContain(oneLine(last));
    expect(goals.filter(({ el }) => flat.includes(oneLine(el.title)))).toHaveLength(goals.length);
    expect(splitCards(text)).toEqual([]);
    expect(wordsOffPage(file)).toEqual([]);
    expect(pages).toBeGreaterThan(50);
    poppler('pdftoppm', '-png', '-r', '60', '-f', String(pages), '-l', String(pages), file, artifactPath('publish-long-last'));
    console.log(`1,500-block plan: print view rendered in ${Math.round(rendered)} ms, PDF of ${pages} pages in ${Math.round(total)} ms`);
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
