/**
 * Plan editor benchmarks in headless Chromium, each beside a baseline measured in the same run:
 * - typing latency (keydown → next animation frame, in the page) in a plan of 1,000 and of 10,000
 *   blocks (20% goals) vs plain slate-react rich text with the same number of paragraphs;
 * - opening the plan to its first full paint vs parsing its Yjs state alone.
 * Both editors use Slate's chunking (past 1,000 blocks) with content-visibility, as Slate advises.
 */
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../../support/chromium';
import { buildAndServeBenchPage } from '../editor/build';

/** One result row: a figure beside its baseline from the same run. */
export type BenchRow = {
  suite: string;
  name: string;
  unit: 'ms';
  p50: number;
  p99: number;
  baseline: { name: string; p50: number; p99: number };
  ratio: number;
  budget: string;
  samples: number;
  note?: string;
};

const SIZES = [1_000, 10_000];
const WARMUP_KEYS = 10;
const MEASURED_KEYS = 60;
const OPENS = 3;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const round = (x: number) => Math.round(x * 100) / 100;

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
  const p95 = quantile(planLat, 0.95);
  const plainP95 = quantile(plainLat, 0.95);
  const label = `${blocks.toLocaleString('en-US')} blocks (20% goals)`;
  return [
    {
      suite: 'editor',
      name: `typing latency, plan of ${label}`,
      unit: 'ms',
      p50: round(quantile(planLat, 0.5)),
      p99: round(quantile(planLat, 0.99)),
      baseline: { name: `plain slate-react, ${blocks.toLocaleString('en-US')} paragraphs`, p50: round(quantile(plainLat, 0.5)), p99: round(quantile(plainLat, 0.99)) },
      ratio: round(p95 / plainP95),
      budget: 'p95 ≤ 16 ms and ≤ 1.5× plain Slate',
      samples: planLat.length,
      note: `p95 ${round(p95)} ms vs plain p95 ${round(plainP95)} ms (ratio of p95s); keydown → next animation frame`,
    },
    {
      suite: 'editor',
      name: `open to first paint, plan of ${label}`,
      unit: 'ms',
      p50: round(quantile(paints, 0.5)),
      p99: round(Math.max(...paints)),
      baseline: { name: 'parse the Yjs state alone', p50: round(quantile(parses, 0.5)), p99: round(Math.max(...parses)) },
      ratio: round(quantile(paints, 0.5) / quantile(parses, 0.5)),
      budget: 'first paint ≤ 500 ms',
      samples: paints.length,
      note: 'from loading the local state to the first frame showing every block',
    },
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
