/** The workspace's problems, derived from every plan's snapshot and the people directory, and their counts by severity. */
import { findProblems, type Problem } from '../../../shared/derive/problems';
import { computed } from '../../workbench/services/observable';
import { defineDerived } from '../../workbench/services/workspaceModel';
import { countBySeverity, type SeverityCounts } from './problemGroups';

const sameProblem = (a: Problem, b: Problem) =>
  a.code === b.code && a.message === b.message && a.planId === b.planId && a.planTitle === b.planTitle && a.blockId === b.blockId && a.path.join() === b.path.join();
const sameProblems = (a: Problem[], b: Problem[]) => a.length === b.length && a.every((p, i) => sameProblem(p, b[i]!));

/**
 * Kept as the same list while nothing changed in it: typing prose re-renders nothing here. Judged as
 * of today with the workspace's settings (a goal not checked in on for that many days, the fiscal year).
 */
export const problems = defineDerived('problems', (model) => computed(
  [model.snapshots, model.people, model.workspaceSettings, model.today],
  (plans, people, settings, today) => findProblems(plans, people, { today, ...settings }),
  sameProblems,
));

const sameCounts = (a: SeverityCounts, b: SeverityCounts) => a.error === b.error && a.warning === b.warning && a.info === b.info;

/** The counts stay the same object while they are equal, so the status bar entry renders only when they change. */
export const problemCounts = defineDerived('problems.counts', (model) => computed([model.get(problems)], countBySeverity, sameCounts));
