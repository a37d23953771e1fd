/**
 * The Plan Review's data for a workspace of 2,000 goals and 50,000 check-ins (ten plans of 200 goals,
 * 25 check-ins a goal), beside reading those plans from their Y.Docs (snapshotPlan), which the review
 * needs first. Pure functions in Node: what the dashboard renders comes on top (budget ≤ 300 ms).
 */
import type * as Y from 'yjs';
import { newGoal, paragraph } from '../../../shared/model/blocks';
import { addCheckIns, type NewCheckIn } from '../../../shared/model/checkIns';
import { createPlanDoc, snapshotPlan } from '../../../shared/model/planDoc';
import { planReview, reviewSummaryMarkdown } from '../../../shared/derive/review';
import { median, row, type BenchRow } from '../report';

const PLANS = 10;
const GOALS_PER_PLAN = 200;
const CHECK_INS_PER_GOAL = 25;
const RUNS = 5;

function workspace(): Y.Doc[] {
  return Array.from({ length: PLANS }, (_, p) => {
    const goals = Array.from({ length: GOALS_PER_PLAN }, (_, g) => newGoal({
      title: `Goal ${p}.${g}`, team: ['sales', 'marketing', 'joint'][g % 3], owners: ['person_a'], metricUnit: '$', baseline: 0, target: 1_000_000,
      parentId: null,
    }));
    // One in five goals is a parent of the four after it.
    goals.forEach((g, i) => {
      if (i % 5 !== 0) g.parentId = goals[i - (i % 5)]!.id;
    });
    const doc = createPlanDoc({ id: `plan_${p}`, title: `Plan ${p}`, templateId: 'annual-joint-plan', period: 'FY2027', content: [...goals, paragraph()] });
    const checkIns: NewCheckIn[] = goals.flatMap((g, i) => Array.from({ length: CHECK_INS_PER_GOAL }, (_, k) => {
      const day = `2027-${String(1 + Math.floor(k / 3)).padStart(2, '0')}-${String(1 + (k % 3) * 9).padStart(2, '0')}`;
      return { goalId: g.id, value: 40_000 * k + i, status: k % 7 === 0 ? 'at-risk' as const : 'on-track' as const, confidence: null, note: '', date: day, author: 'Ana' };
    }));
    addCheckIns(doc, checkIns);
    return doc;
  });
}

export default async function run(): Promise<BenchRow[]> {
  const docs = workspace();
  const reads: number[] = [];
  const reviews: number[] = [];
  const summaries: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    const plans = docs.map(snapshotPlan);
    reads.push(performance.now() - t);
    t = performance.now();
    const review = planReview(plans, { today: '2027-09-15', since: '2027-08-15' });
    reviews.push(performance.now() - t);
    t = performance.now();
    reviewSummaryMarkdown(review);
    summaries.push(performance.now() - t);
  }
  const what = `${(PLANS * GOALS_PER_PLAN).toLocaleString('en-US')} goals, ${(PLANS * GOALS_PER_PLAN * CHECK_INS_PER_GOAL).toLocaleString('en-US')} check-ins`;
  return [
    row(`review data (planReview), ${what}`, 'ms', median(reviews), median(reads), 'read those plans (snapshotPlan)'),
    row(`review summary as Markdown, ${what}`, 'ms', median(summaries), median(reads), 'read those plans (snapshotPlan)'),
  ];
}
