/** The workspace's problems, derived from every plan's snapshot and the people directory, and their counts by severity. */
import { findProblems } from '../../../shared/derive/problems';
import { computed } from '../../workbench/services/observable';
import { defineDerived } from '../../workbench/services/workspaceModel';
import { countBySeverity, type SeverityCounts } from './problemGroups';

export const problems = defineDerived('problems', (model) => computed([model.snapshots, model.people], findProblems));

const sameCounts = (a: SeverityCounts, b: SeverityCounts) => a.error === b.error && a.warning === b.warning && a.info === b.info;

/** The counts stay the same object while they are equal, so the status bar entry renders only when they change. */
export const problemCounts = defineDerived('problems.counts', (model) => computed([model.get(problems)], countBySeverity, sameCounts));
