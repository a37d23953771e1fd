/**
 * Sign-off where people see it: the plan's approval line under its title ("Approved by Ana Ruiz
 * (Sales) and Marc Dubois (Marketing) — FY27 v3", and the sections changed since), the notes beside
 * those sections' headings, and the status bar entry that tells an approver a sign-off waits for them.
 */
import { type HeadingNote } from '../../editor/headingNotes';
import { planApproval, awaitingApprovalFrom, joinTitles } from '../../../shared/editions/planApproval';
import { runFromUi } from './editionActions';
import { LineIcon } from '../../workbench/icons';
import { computed, type Readable } from '../../workbench/services/observable';
import { useComputed, useServices } from '../../workbench/services/services';
import { type WorkbenchServices } from '../../workbench/services/services';
import { sinceApproval } from './approvalModel';
import { allEditions } from './editionsModel';
import { plural } from './editionWords';

export const EDITIONS_VIEW = 'explorer.editions';

/** Shows a plan's editions: the plan in the editor, the Editions view in the side bar. */
export function revealEditions(wb: WorkbenchServices, planId: string): void {
  wb.editors.openPlan(planId);
  wb.layout.showView(EDITIONS_VIEW);
}

export function ApprovalLine({ planId }: { planId: string }) {
  const wb = useServices();
  const { model, user } = wb;
  const shown = useComputed([model.get(allEditions), model.people, sinceApproval(model, planId), model.teams], (all, people, since, teams) => {
    const entry = all.get(planId);
    if (!entry) return null;
    const approval = planApproval(entry.records, people, since.changed, teams);
    const waiting = entry.readOnly ? null : awaitingApprovalFrom(entry.records, people, user.name);
    return approval.line ? { ...approval, approvedName: approval.approved?.edition?.name ?? '', waitingEdition: waiting?.request.editionId ?? null } : null;
  }, [planId, user.name], (a, b) => JSON.stringify(a) === JSON.stringify(b));
  if (!shown) return null;
  const changed = shown.changedSince.length > 0;
  const tone = changed ? 'is-changed' : shown.complete ? 'is-approved' : 'is-waiting';
  return (
    <div className={`ed-approval-line ${tone}`} role="status" aria-label="Sign-off">
      <LineIcon name={shown.complete && !changed ? 'signoff' : 'warning'} />
      <span className="ed-approval-text">
        {shown.line}
        {changed && (
          <span className="ed-approval-changed">
            {' · '}{plural(shown.changedSince.length, 'section')} changed since “{shown.approvedName}” was approved ({joinTitles(shown.changedSince)}): a new sign-off is needed
          </span>
        )}
      </span>
      {shown.waitingEdition && (
        <button type="button" className="tv-button" onClick={() => runFromUi(wb, 'editions.approve', { planId, editionId: shown.waitingEdition })}>Approve</button>
      )}
      <button type="button" className="ed-link" onClick={() => revealEditions(wb, planId)}>Editions</button>
    </div>
  );
}

const sameNotes = (a: ReadonlyMap<string, HeadingNote>, b: ReadonlyMap<string, HeadingNote>) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k)?.detail === v.detail);

/** The headings of the sections changed since the approved edition, marked "changed since approval". */
export function changedSinceApprovalNotes(planId: string, wb: WorkbenchServices): Readable<ReadonlyMap<string, HeadingNote>> {
  return computed([sinceApproval(wb.model, planId)], ({ approved, changed }) => {
    const notes = new Map<string, HeadingNote>();
    if (!approved) return notes;
    for (const s of changed) {
      if (s.status === 'removed') continue;
      notes.set(s.title, {
        label: 'changed since approval',
        detail: `This section changed after “${approved.name}” was approved: it needs a new sign-off.`,
      });
    }
    return notes as ReadonlyMap<string, HeadingNote>;
  }, sameNotes);
}

/** "Sign-off requested": the edition this person is asked to approve (the first of several); a click shows it. */
export function SignoffStatusItem() {
  const wb = useServices();
  const { model, user } = wb;
  const waiting = useComputed([model.get(allEditions), model.people, model.plans], (all, people, plans) => {
    const out: { planId: string; planTitle: string; edition: string }[] = [];
    for (const entry of all.values()) {
      if (entry.readOnly) continue;
      const state = awaitingApprovalFrom(entry.records, people, user.name);
      if (state?.edition) out.push({ planId: entry.planId, planTitle: plans.find((p) => p.id === entry.planId)?.title ?? 'a plan', edition: state.edition.name });
    }
    return out;
  }, [user.name], (a, b) => JSON.stringify(a) === JSON.stringify(b));
  if (waiting.length === 0) return null;
  const first = waiting[0]!;
  const label = waiting.length === 1
    ? `Sign-off requested: approve “${first.edition}” of “${first.planTitle}”`
    : `${waiting.length} sign-offs requested, the first “${first.edition}” of “${first.planTitle}”`;
  return (
    <button type="button" className="tandem-status-item ed-signoff-status" aria-label={label} title={label} onClick={() => revealEditions(wb, first.planId)}>
      <LineIcon name="signoff" /> {waiting.length === 1 ? `Approve ${first.edition}` : `${waiting.length} sign-offs requested`}
    </button>
  );
}
