/**
 * The day of the previous review, per workspace and period, kept in this browser (each person runs
 * their own meeting notes): the dashboard's trends are measured from it. A month before today until
 * someone picks the day.
 */
import { useCallback, useState } from 'react';
import { ALL_PERIODS } from '../../../shared/derive/review';
import { addDays, isIsoDay } from '../../../shared/model/period';

const key = (workspaceId: string, period: string) => `tandem.review.since.${workspaceId}.${period}`;

export const DEFAULT_REVIEW_INTERVAL_DAYS = 30;

export function readReviewSince(storage: Pick<Storage, 'getItem'>, workspaceId: string, period: string, today: string): string {
  let stored: string | null = null;
  try {
    stored = storage.getItem(key(workspaceId, period));
  } catch {
    // storage refused (private mode): the default
  }
  return isIsoDay(stored) && stored <= today ? stored : addDays(today, -DEFAULT_REVIEW_INTERVAL_DAYS);
}

export function useReviewSince(workspaceId: string, period: string, today: string): [string, (day: string) => void] {
  const [since, setSince] = useState(() => readReviewSince(localStorage, workspaceId, period, today));
  const set = useCallback((day: string) => {
    setSince(day);
    try {
      localStorage.setItem(key(workspaceId, period), day);
    } catch {
      // kept for this tab only
    }
  }, [workspaceId, period]);
  return [since, set];
}

/** The tab's title: "Plan Review — FY2027", or for every plan "Plan Review — all plans". */
export const periodTitle = (period: string): string => `Plan Review — ${period === ALL_PERIODS ? 'all plans' : period}`;
