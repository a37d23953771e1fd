/**
 * The review benchmarks' workspace: ten plans of 200 goals (one in five the parent of the four after
 * it), 25 check-ins a goal over the year — 2,000 goals and 50,000 check-ins. Pure, so the Node suite
 * and the Chromium page build the very same documents.
 */
import type * as Y from 'yjs';
import { newGoal, paragraph } from '../../../shared/model/blocks';
import { addCheckIns, type NewCheckIn } from '../../../shared/model/checkIns';
import { createPlanDoc } from '../../../shared/model/planDoc';

export const PLANS = 10;
export const GOALS_PER_PLAN = 200;
export const CHECK_INS_PER_GOAL = 25;
export const REVIEW_DAY = { today: '2027-09-15', since: '2027-08-15' };
export const WORKLOAD = `${(PLANS * GOALS_PER_PLAN).toLocaleString('en-US')} goals, ${(PLANS * GOALS_PER_PLAN * CHECK_INS_PER_GOAL).toLocaleString('en-US')} check-ins`;

/** What the Chromium page measures in each run (ms), and how many goal rows it rendered. */
export type ReviewRun = { read: number; data: number; commit: number; painted: number; all: number; firstRows: number; rows: number };
export type ReviewBench = { ready: boolean; runs: ReviewRun[]; error: string | null };

export function reviewWorkspace(): Y.Doc[] {
  return Array.from({ length: PLANS }, (_, p) => {
    const goals = Array.from({ length: GOALS_PER_PLAN }, (_, g) => newGoal({
      title: `Goal ${p}.${g}`, team: ['sales', 'marketing', 'joint'][g % 3], owners: ['person_a'], metricUnit: '$', baseline: 0, target: 1_000_000,
      parentId: null,
    }));
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
