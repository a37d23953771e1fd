/** The Problems panel's view model: problems grouped by plan, most severe first, with counts. */
import { type Problem, type ProblemSeverity } from '../../../shared/derive/problems';

export type SeverityCounts = Record<ProblemSeverity, number>;
export type ProblemGroup = { planId: string; planTitle: string; problems: Problem[]; counts: SeverityCounts };

export const SEVERITY_ORDER: readonly ProblemSeverity[] = ['error', 'warning', 'info'];
const rank = (s: ProblemSeverity) => SEVERITY_ORDER.indexOf(s);

export function countBySeverity(problems: Problem[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity]++;
  return counts;
}

/**
 * One group per plan, in the order plans first appear; inside a group errors come before warnings
 * before notes, and problems of the same severity keep their document order.
 */
export function groupProblems(problems: Problem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    let g = groups.get(p.planId);
    if (!g) {
      g = { planId: p.planId, planTitle: p.planTitle, problems: [], counts: { error: 0, warning: 0, info: 0 } };
      groups.set(p.planId, g);
    }
    g.problems.push(p);
    g.counts[p.severity]++;
  }
  for (const g of groups.values()) g.problems.sort((a, b) => rank(a.severity) - rank(b.severity));
  return [...groups.values()];
}

/** "2 errors, 5 warnings" — for headers and accessible names; "No problems" when there are none. */
export function describeCounts(counts: SeverityCounts): string {
  const parts = [
    counts.error && `${counts.error} ${counts.error === 1 ? 'error' : 'errors'}`,
    counts.warning && `${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}`,
    counts.info && `${counts.info} ${counts.info === 1 ? 'note' : 'notes'}`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'No problems';
}
