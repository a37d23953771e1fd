/**
 * Plan editor benchmarks in headless Chromium, each beside a baseline measured in the same run:
 * - typing latency (keydown → next animation frame, in the page) in a plan of 1,000 and of 10,000
 *   blocks (20% goals) vs plain slate-react rich text with the same number of paragraphs, typed in
 *   alternating rounds so that both editors see the same load on a shared machine;
 * - opening the plan to its first full paint vs parsing its Yjs state alone, and vs plain
 *   slate-react showing the same number of paragraphs (what rendering every block costs at all);
 * - opening the plan of 10,000 blocks from the explorer of the real workbench (web app, side views
 *   and all) vs parsing its Yjs state alone, and the same plan with 500 comment threads vs without
 *   (comments are read after the plan's first paint; when they show is reported beside it);
 * - typing in the plan of 10,000 blocks whose 2,000 goals have 8,000 check-ins, while a colleague checks
 *   in every second, vs the same plan without check-ins (a check-in must add no typing latency);
 * Both editors use Slate's chunking (past 1,000 blocks) with content-visibility, as Slate advises.
 */
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../../support/chromium';
import { buildAndServeBenchPage } from '../editor/build';
import { workbenchOpenTimes } from '../editor/workbenchOpen';
import { median, percentile, row, type BenchRow } from '../report';

const SIZES = [1_000, 10_000];
const WARMUP_KEYS = 10;
/** Keys are typed in rounds alternating between the two editors, so both see the same machine load. */
const ROUNDS = 4;
const KEYS_PER_ROUND = 15;
const OPENS = 3;
/** The size also opened in the real workbench. */
const WORKBENCH_SIZE = 10_000;
/** Comment threads on the plan opened in the workbench beside the same plan without comments. */
const THREADS = 500;
/** Opens of each plan in the workbench, alternating between the two (single opens vary by ±50% on a loaded machine). */
const WORKBENCH_OPENS = 10;
const LETTERS = 'the joint plan keeps sales and marketing on one page ';

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.waitForFunction(() => window.bench?.ready === true, undefined, { timeout: 120_000 });
  return page;
}

/** Types keys one at a time (a new key after the previous frame). */
async function typeKeys(page: Page, count: number): Promise<void> {
  await page.bringToFront();
  for (let i = 0; i < count; i++) {
    const letter = LETTERS[i % LETTERS.length]!;
    await page.keyboard.press(letter === ' ' ? 'Space' : letter);
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(100);
}

/** Puts the caret in the middle of the document and types the warm-up keys, which are not counted. */
async function prepareTyping(page: Page): Promise<void> {
  await page.evaluate(() => window.bench.placeCaret());
  await page.waitForTimeout(300);
  await typeKeys(page, WARMUP_KEYS);
  await page.evaluate(() => {
    window.bench.latencies = [];
  });
}

/** Typing latencies of the editors, measured in alternating rounds. */
async function typingLatencies(pages: Page[]): Promise<number[][]> {
  for (const page of pages) await prepareTyping(page);
  for (let r = 0; r < ROUNDS; r++) {
    for (const page of pages) await typeKeys(page, KEYS_PER_ROUND);
  }
  return Promise.all(pages.map((page) => page.evaluate(() => window.bench.latencies)));
}

async function measureSize(browser: Browser, base: string, blocks: number): Promise<BenchRow[]> {
  const plain = await openPage(browser, `${base}?mode=plain&blocks=${blocks}`);
  const plainPaint = await plain.evaluate(() => window.bench.firstPaintMs);

  const paints: number[] = [];
  const parses: number[] = [];
  let plan: Page | null = null;
  for (let i = 0; i < OPENS; i++) {
    plan = await openPage(browser, `${base}?mode=plan&blocks=${blocks}`);
    const { firstPaintMs, parseMs } = await plan.evaluate(() => ({ firstPaintMs: window.bench.firstPaintMs, parseMs: window.bench.parseMs }));
    paints.push(firstPaintMs);
    parses.push(parseMs);
    if (i < OPENS - 1) await plan.close();
  }
  const withCheckIns = blocks === WORKBENCH_SIZE ? await openPage(browser, `${base}?mode=plan&blocks=${blocks}&checkins=1`) : null;
  const [planLat, plainLat, checkInLat] = await typingLatencies([plan!, plain, ...(withCheckIns ? [withCheckIns] : [])]);
  const lat = { plan: planLat!, plain: plainLat! };
  await plan!.close();
  await plain.close();
  await withCheckIns?.close();
  const size = `${blocks.toLocaleString('en-US')} blocks`;
  const plainName = `plain slate-react, ${blocks.toLocaleString('en-US')} paragraphs`;
  const opened = blocks === WORKBENCH_SIZE ? await workbenchOpenTimes(browser, blocks, WORKBENCH_OPENS, THREADS) : null;
  const workbench = opened ? [
    row(`open from the explorer in the workbench, plan of ${size}`, 'ms', median(opened.plain), median(parses), 'parse the Yjs state alone'),
    row(`open from the explorer in the workbench, plan of ${size} with ${THREADS} comment threads`, 'ms', median(opened.commented), median(opened.plain), 'the same plan without comments'),
    row(`its comments showing (badges, highlights) after the click`, 'ms', median(opened.commentsShown), median(opened.commented), 'the plan\'s first paint'),
  ] : [];
  const checkIns = checkInLat ? [
    row(`typing p50, plan of ${size}, 8,000 check-ins, a colleague checking in every second`, 'ms', percentile(checkInLat, 50), percentile(lat.plan, 50), `the same plan without check-ins`),
    row(`typing p95, plan of ${size}, 8,000 check-ins, a colleague checking in every second`, 'ms', percentile(checkInLat, 95), percentile(lat.plan, 95), `the same plan without check-ins`),
  ] : [];
  return [
    ...workbench,
    ...checkIns,
    row(`typing p50, plan of ${size} (20% goals)`, 'ms', percentile(lat.plan, 50), percentile(lat.plain, 50), plainName),
    row(`typing p95, plan of ${size} (20% goals)`, 'ms', percentile(lat.plan, 95), percentile(lat.plain, 95), plainName),
    row(`open to first paint, plan of ${size}`, 'ms', median(paints), median(parses), 'parse the Yjs state alone'),
    row(`open to first paint, plan of ${size}`, 'ms', median(paints), plainPaint, `${plainName} (first paint)`),
  ];
}

export default async function run(): Promise<BenchRow[]> {
  const page = await buildAndServeBenchPage();
  const browser = await launchChromium();
  try {
    const rows: BenchRow[] = [];
    for (const size of SIZES) rows.push(...(await measureSize(browser, page.url, size)));
    return rows;
  } finally {
    await browser.close();
    await page.close();
  }
}
