/**
 * Plan editor benchmarks in headless Chromium, each beside a baseline measured in the same run:
 * - typing latency (keydown → next animation frame, in the page) in a plan of 1,000 and of 10,000
 *   blocks (20% goals) vs plain slate-react rich text with the same number of paragraphs;
 * - opening the plan to its first full paint vs parsing its Yjs state alone, and vs plain
 *   slate-react showing the same number of paragraphs (what rendering every block costs at all).
 * Both editors use Slate's chunking (past 1,000 blocks) with content-visibility, as Slate advises.
 */
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../../support/chromium';
import { buildAndServeBenchPage } from '../editor/build';
import { median, percentile, row, type BenchRow } from '../report';

const SIZES = [1_000, 10_000];
const WARMUP_KEYS = 10;
const MEASURED_KEYS = 60;
const OPENS = 3;

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.waitForFunction(() => window.bench?.ready === true, undefined, { timeout: 120_000 });
  return page;
}

/** Types keys one at a time (a new key after the previous frame) and returns the measured latencies. */
async function typingLatencies(page: Page): Promise<number[]> {
  await page.evaluate(() => window.bench.placeCaret());
  await page.waitForTimeout(300);
  const letters = 'the joint plan keeps sales and marketing on one page ';
  for (let i = 0; i < WARMUP_KEYS + MEASURED_KEYS; i++) {
    await page.keyboard.press(letters[i % letters.length] === ' ' ? 'Space' : letters[i % letters.length]!);
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(100);
  const all = await page.evaluate(() => window.bench.latencies);
  return all.slice(WARMUP_KEYS);
}

async function measureSize(browser: Browser, base: string, blocks: number): Promise<BenchRow[]> {
  const plain = await openPage(browser, `${base}?mode=plain&blocks=${blocks}`);
  const plainPaint = await plain.evaluate(() => window.bench.firstPaintMs);
  const plainLat = await typingLatencies(plain);
  await plain.close();

  const paints: number[] = [];
  const parses: number[] = [];
  let planLat: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    const plan = await openPage(browser, `${base}?mode=plan&blocks=${blocks}`);
    const { firstPaintMs, parseMs } = await plan.evaluate(() => ({ firstPaintMs: window.bench.firstPaintMs, parseMs: window.bench.parseMs }));
    paints.push(firstPaintMs);
    parses.push(parseMs);
    if (i === OPENS - 1) planLat = await typingLatencies(plan);
    await plan.close();
  }
  const size = `${blocks.toLocaleString('en-US')} blocks`;
  const plainName = `plain slate-react, ${blocks.toLocaleString('en-US')} paragraphs`;
  return [
    row(`typing p50, plan of ${size} (20% goals)`, 'ms', percentile(planLat, 50), percentile(plainLat, 50), plainName),
    row(`typing p95, plan of ${size} (20% goals)`, 'ms', percentile(planLat, 95), percentile(plainLat, 95), plainName),
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
