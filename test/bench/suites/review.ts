/**
 * The Plan Review for a workspace of 2,000 goals and 50,000 check-ins (ten plans of 200 goals, 25
 * check-ins a goal; test/bench/review/reviewWorkspace.ts), beside reading those plans from their Y.Docs
 * (snapshotPlan), which the review needs first. In Node: the review's data and its Markdown summary.
 * In headless Chromium: the data and the real dashboard rendered up to the first frame painted after
 * it (budget ≤ 300 ms), beside reading the plans in the same page.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planReview, reviewSummaryMarkdown } from '../../../shared/derive/review';
import { snapshotPlan } from '../../../shared/model/planDoc';
import { launchChromium } from '../../support/chromium';
import { buildAndServeBenchPage } from '../editor/build';
import { median, row, type BenchRow } from '../report';
import { REVIEW_DAY, reviewWorkspace, WORKLOAD, type ReviewBench } from '../review/reviewWorkspace';

const RUNS = 5;

function inNode(): BenchRow[] {
  const docs = reviewWorkspace();
  const reads: number[] = [];
  const reviews: number[] = [];
  const summaries: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    const plans = docs.map((d) => snapshotPlan(d));
    reads.push(performance.now() - t);
    t = performance.now();
    const review = planReview(plans, REVIEW_DAY);
    reviews.push(performance.now() - t);
    t = performance.now();
    reviewSummaryMarkdown(review);
    summaries.push(performance.now() - t);
  }
  return [
    row(`review data (planReview), ${WORKLOAD}, Node`, 'ms', median(reviews), median(reads), 'read those plans (snapshotPlan)'),
    row(`review summary as Markdown, ${WORKLOAD}, Node`, 'ms', median(summaries), median(reads), 'read those plans (snapshotPlan)'),
  ];
}

type PageBench = { reviewBench?: ReviewBench };

async function inChromium(): Promise<BenchRow[]> {
  const page = await buildAndServeBenchPage(join(fileURLToPath(new URL('.', import.meta.url)), '..', 'review'));
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await tab.goto(`${page.url}?runs=${RUNS}`);
    await tab.waitForFunction(() => (window as PageBench).reviewBench?.ready === true, undefined, { timeout: 300_000 });
    const { runs, error } = await tab.evaluate(() => (window as PageBench).reviewBench!);
    if (error) throw new Error(`the review page failed: ${error}`);
    if (runs.some((r) => r.rows !== 2_000)) throw new Error(`the dashboard showed ${runs.map((r) => r.rows).join(', ')} goals, not 2,000`);
    const read = median(runs.map((r) => r.read));
    const baseline = 'read those plans (snapshotPlan), Chromium';
    return [
      row(`review dashboard shown: data + render to the painted frame, ${WORKLOAD}, Chromium (budget ≤ 300 ms)`, 'ms', median(runs.map((r) => r.data + r.painted)), read, baseline),
      row('  of which the review data (planReview)', 'ms', median(runs.map((r) => r.data)), read, baseline),
      row(`  of which React rendering the first screen (${runs[0]!.firstRows} goal rows, commit)`, 'ms', median(runs.map((r) => r.commit)), read, baseline),
      row('review dashboard: data + every one of the 2,000 goals listed and painted', 'ms', median(runs.map((r) => r.data + r.all)), read, baseline),
    ];
  } finally {
    await browser.close();
    await page.close();
  }
}

export default async function run(): Promise<BenchRow[]> {
  return [...inNode(), ...(await inChromium())];
}
