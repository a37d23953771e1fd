/**
 * Where a goal stands given its check-ins: the one rule every reader uses (goal card, Goals view,
 * quick open, Problems, Markdown, the print model, rollups over time).
 *
 * - A goal's **current value** is the value of its latest check-in that has one (a check-in of the
 *   status alone keeps the value before it); its **status** is its latest check-in's status.
 * - "Latest" is by the day the check-in is as of, then the time it was recorded, then its id, so
 *   every copy of the plan orders them alike.
 * - A goal without check-ins keeps its own `current` and `status` fields (plans written before
 *   check-ins, templates); see docs/plan-model.md.
 */
import { type GoalElement } from '../model/elements';
import { type CheckIn } from '../model/checkIns';

export const compareCheckIns = (a: CheckIn, b: CheckIn): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Check-ins grouped by goal, each list oldest first. */
export function checkInsByGoal(checkIns: readonly CheckIn[] | undefined): Map<string, CheckIn[]> {
  const out = new Map<string, CheckIn[]>();
  for (const c of checkIns ?? []) {
    const list = out.get(c.goalId);
    if (list) list.push(c);
    else out.set(c.goalId, [c]);
  }
  for (const list of out.values()) list.sort(compareCheckIns);
  return out;
}

/** The latest of a goal's check-ins (sorted oldest first), optionally as of a day (YYYY-MM-DD, inclusive). */
export function latestCheckIn(sorted: readonly CheckIn[] | undefined, asOf?: string): CheckIn | null {
  if (!sorted) return null;
  for (let i = sorted.length - 1; i >= 0; i--) if (asOf === undefined || sorted[i]!.date <= asOf) return sorted[i]!;
  return null;
}

/**
 * The goal as it stands (as of `asOf`, or now): its check-ins' current value and status over its own
 * fields. The same object when the goal has no check-ins. As of a day before its first check-in, a goal
 * that has check-ins has no value yet.
 */
export function goalAsOf(goal: GoalElement, sorted: readonly CheckIn[] | undefined, asOf?: string): GoalElement {
  if (!sorted || sorted.length === 0) return goal;
  const latest = latestCheckIn(sorted, asOf);
  if (!latest) return { ...goal, current: null, status: 'on-track' };
  let current: number | null = null;
  for (let i = sorted.indexOf(latest); i >= 0; i--) {
    if (sorted[i]!.value !== null) {
      current = sorted[i]!.value;
      break;
    }
  }
  return current === goal.current && latest.status === goal.status ? goal : { ...goal, current, status: latest.status };
}
