/**
 * The Plan Review benchmark page (never shipped): builds the review workspace's documents in the page,
 * then, several times, reads the plans (snapshotPlan, the baseline), computes the review (planReview)
 * and renders the real dashboard (ReviewBody) up to the first frame painted after it, then until every
 * goal is listed (the dashboard adds the rest of its rows in one transition after the first screen).
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { planReview } from '../../../shared/derive/review';
import { snapshotPlan } from '../../../shared/model/planDoc';
import { DEFAULT_TEAMS } from '../../../shared/model/teams';
import { ReviewBody } from '../../../renderer/contrib/review/ReviewDashboard';
import '../../../renderer/workbench/theme.css';
import '../../../renderer/workbench/workbench.css';
import '../../../renderer/workbench/widgets/viewList.css';
import { REVIEW_DAY, reviewWorkspace, type ReviewBench } from './reviewWorkspace';

const bench: ReviewBench = { ready: false, runs: [], error: null };
(window as unknown as { reviewBench: ReviewBench }).reviewBench = bench;
const RUNS = Number(new URLSearchParams(location.search).get('runs') ?? '5');

/** After the next frame has been painted (a task queued from the frame callback runs after the paint). */
const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

async function run(): Promise<void> {
  const docs = reviewWorkspace();
  const container = document.getElementById('root')!;
  for (let i = 0; i < RUNS; i++) {
    const root = createRoot(container);
    await painted();
    const t0 = performance.now();
    const plans = docs.map((d) => snapshotPlan(d));
    const t1 = performance.now();
    const review = planReview(plans, { ...REVIEW_DAY, teams: DEFAULT_TEAMS });
    const t2 = performance.now();
    flushSync(() => root.render(
      <ReviewBody review={review} people={[]} staleDays={30} onOpen={() => {}} title="Plan Review — FY2027" coverage="10 plans" showPlans
        since={{ value: REVIEW_DAY.since, set: () => {} }} onError={() => {}} />,
    ));
    const t3 = performance.now();
    await painted();
    const t4 = performance.now();
    const firstRows = container.querySelectorAll('.rv-goal-row').length;
    // The rest of the goals arrive in a transition after the first paint; its last frame is when every goal is listed.
    while (container.querySelectorAll('.rv-goal-row').length < 2_000 && performance.now() - t2 < 30_000) await painted();
    const t5 = performance.now();
    bench.runs.push({ read: t1 - t0, data: t2 - t1, commit: t3 - t2, painted: t4 - t2, all: t5 - t2, firstRows, rows: container.querySelectorAll('.rv-goal-row').length });
    root.unmount();
  }
  bench.ready = true;
}

run().catch((err: unknown) => {
  bench.error = err instanceof Error ? err.stack ?? err.message : String(err);
  bench.ready = true;
});
