/**
 * A plan's standing against its approval: the edition it was last approved as, and the sections of
 * the plan as it is now that differ from that edition ("changed since approval", each needing a new
 * sign-off). Recomputed only when that plan's snapshot (a moment after someone stops typing), its
 * approvals or the people change; kept per plan for every reader (the header line, the headings).
 */
import { type DiffSection } from '../../../shared/derive/diff/planDiff';
import { approvedSignoff } from '../../../shared/editions/planApproval';
import { sectionsChangedSinceApproval } from '../../../shared/editions/signoff';
import { type EditionInfo } from '../../../shared/editions/editionsDoc';
import { computed, type Readable } from '../../workbench/services/observable';
import { type WorkspaceModel } from '../../workbench/services/workspaceModel';
import { allEditions, editionsOf } from './editionsModel';

export type SinceApproval = { approved: EditionInfo | null; changed: DiffSection[] };

const NOTHING: SinceApproval = { approved: null, changed: [] };
const sameSince = (a: SinceApproval, b: SinceApproval) =>
  a.approved?.id === b.approved?.id && a.changed.length === b.changed.length
  && a.changed.every((s, i) => s.title === b.changed[i]!.title && s.status === b.changed[i]!.status && s.changes === b.changed[i]!.changes);

const cache = new WeakMap<WorkspaceModel, Map<string, Readable<SinceApproval>>>();

export function sinceApproval(model: WorkspaceModel, planId: string): Readable<SinceApproval> {
  let perPlan = cache.get(model);
  if (!perPlan) cache.set(model, (perPlan = new Map()));
  let value = perPlan.get(planId);
  if (value) return value;
  const follower = editionsOf(model);
  // This plan's own inputs, each the same object while it is unchanged (another plan's edit changes none).
  const live = computed([model.snapshots], (all) => all.find((s) => s.meta.id === planId) ?? null);
  const approved = computed([model.get(allEditions), model.people], (all, people) => {
    const entry = all.get(planId);
    return entry ? approvedSignoff(entry.records, people)?.edition ?? null : null;
  }, (a, b) => a?.id === b?.id);
  value = computed([approved, live, model.people], (edition, snapshot, people) => {
    if (!edition || !snapshot) return NOTHING;
    try {
      return { approved: edition, changed: sectionsChangedSinceApproval(follower.snapshot(planId, edition.id), snapshot, people) };
    } catch {
      return { approved: edition, changed: [] }; // an edition that cannot be rebuilt marks nothing
    }
  }, sameSince);
  perPlan.set(planId, value);
  return value;
}
