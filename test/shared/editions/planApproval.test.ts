import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { heading, newGoal, paragraph } from '../../../shared/model/blocks';
import { type Person } from '../../../shared/model/people';
import { createPlanDoc, planContent, snapshotPlan } from '../../../shared/model/planDoc';
import { approveEdition, requestSignoff, saveEdition } from '../../../shared/editions/editionsDoc';
import {
  approvedSignoff, awaitingApprovalFrom, editionCover, editionSignoff, editionsRecords, joinTitles, liveCover, liveCoverOf, planApproval,
} from '../../../shared/editions/planApproval';
import { sectionsChangedSinceApproval } from '../../../shared/editions/signoff';

const person = (id: string, name: string, team: Person['team'], role: string): Person => ({ id, name, team, role, email: `${id}@example.com`, color: '#336699' });
const ana = person('p_ana', 'Ana Ruiz', 'sales', 'VP Sales');
const marc = person('p_marc', 'Marc Dubois', 'marketing', 'CMO');
const people = [ana, marc];
const at = (day: number) => new Date(Date.UTC(2026, 11, day, 10));

function fixture() {
  const plan = createPlanDoc({
    id: 'plan_fy27', title: 'FY27 joint plan', templateId: 'annual-joint-plan', period: 'FY27',
    content: [heading(1, 'Goals'), newGoal({ id: 'goal_rev', title: 'Revenue', target: 10 }), heading(1, 'Risks'), paragraph('Hiring.')],
  });
  const editions = new Y.Doc();
  const v1 = saveEdition(plan, editions, { name: 'Board draft', author: 'Ana Ruiz', now: at(1) });
  const v2 = saveEdition(plan, editions, { name: 'FY27 v2', author: 'Ana Ruiz', now: at(2) });
  return { plan, editions, v1, v2, records: () => editionsRecords(editions).records };
}

/** The Risks paragraph, edited in the live plan. */
function editRisks(plan: Y.Doc): void {
  const blocks = planContent(plan).toDelta() as { insert: Y.XmlText }[];
  blocks[3]!.insert.insert(0, 'Late ');
}

describe('the plan’s sign-off', () => {
  it('tells each edition’s sign-off apart, and whom it waits for', () => {
    const { editions, v1, v2, records } = fixture();
    requestSignoff(editions, { editionId: v1.id, people: [ana.id], requestedBy: 'Ana Ruiz' });
    requestSignoff(editions, { editionId: v2.id, people: [ana.id, marc.id], requestedBy: 'Ana Ruiz' });
    approveEdition(editions, { editionId: v1.id, by: 'Ana Ruiz' });
    expect(editionSignoff(records(), v1.id, people)?.complete).toBe(true);
    expect(editionSignoff(records(), v2.id, people)?.complete).toBe(false);
    expect(editionSignoff(records(), 'edition_none', people)).toBeNull();
    // The latest request waits for both; each sees it until they approve.
    expect(awaitingApprovalFrom(records(), people, 'Marc Dubois')?.request.editionId).toBe(v2.id);
    approveEdition(editions, { editionId: v2.id, by: 'Marc Dubois' });
    expect(awaitingApprovalFrom(records(), people, 'Marc Dubois')).toBeNull();
    expect(awaitingApprovalFrom(records(), people, 'Ana Ruiz')?.edition?.name).toBe('FY27 v2');
    expect(awaitingApprovalFrom(records(), people, 'Someone else')).toBeNull();
  });

  it('is approved as the newest edition everyone asked approved, also while a newer request waits', () => {
    const { editions, v1, v2, records } = fixture();
    expect(approvedSignoff(records(), people)).toBeNull();
    requestSignoff(editions, { editionId: v1.id, people: [ana.id, marc.id], requestedBy: 'Ana Ruiz' });
    approveEdition(editions, { editionId: v1.id, by: 'Ana Ruiz' });
    expect(approvedSignoff(records(), people)).toBeNull();
    approveEdition(editions, { editionId: v1.id, by: 'Marc Dubois' });
    expect(approvedSignoff(records(), people)?.edition?.name).toBe('Board draft');
    requestSignoff(editions, { editionId: v2.id, people: [ana.id, marc.id], requestedBy: 'Ana Ruiz' });
    const state = planApproval(records(), people);
    expect(state.line).toBe('Waiting for Ana Ruiz (Sales) and Marc Dubois (Marketing) to approve FY27 v2');
    expect(state.complete).toBe(false);
    expect(state.approved?.edition?.name).toBe('Board draft');
  });

  it('names the sections changed since approval only when there is an approval', () => {
    const { plan, editions, v1, records } = fixture();
    const sections = sectionsChangedSinceApproval(snapshotPlan(plan), { ...snapshotPlan(plan), content: [] }, people);
    expect(planApproval(records(), people, sections).changedSince).toEqual([]);
    requestSignoff(editions, { editionId: v1.id, people: [ana.id], requestedBy: 'Ana Ruiz' });
    approveEdition(editions, { editionId: v1.id, by: 'Ana Ruiz' });
    expect(planApproval(records(), people, sections).changedSince).toEqual(['Goals', 'Risks']);
    expect(joinTitles(['Goals', 'Risks', 'Budget'])).toBe('“Goals”, “Risks” and “Budget”');
  });
});

describe('the published cover', () => {
  it('says the approved edition and who approved it when, and that the plan changed since when it did', () => {
    const { plan, editions, v2, records } = fixture();
    expect(liveCoverOf(editions, snapshotPlan(plan), people)).toBeNull();
    requestSignoff(editions, { editionId: v2.id, people: [ana.id, marc.id], requestedBy: 'Ana Ruiz' });
    approveEdition(editions, { editionId: v2.id, by: 'Ana Ruiz', now: at(3) });
    approveEdition(editions, { editionId: v2.id, by: 'Marc Dubois', now: at(4) });
    expect(liveCoverOf(editions, snapshotPlan(plan), people)).toEqual({
      edition: 'Edition: FY27 v2',
      signoff: 'Approved by Ana Ruiz (Sales) and Marc Dubois (Marketing) on 4 December 2026',
    });
    editRisks(plan);
    expect(liveCoverOf(editions, snapshotPlan(plan), people)).toEqual({
      edition: 'Draft based on FY27 v2',
      signoff: 'FY27 v2: Approved by Ana Ruiz (Sales) and Marc Dubois (Marketing) on 4 December 2026. Changed since then: “Risks”.',
    });
    expect(liveCover(records(), people, [])?.edition).toBe('Edition: FY27 v2');
  });

  it('describes an edition printed as it was saved, with its own sign-off', () => {
    const { editions, v1, v2, records } = fixture();
    requestSignoff(editions, { editionId: v2.id, people: [ana.id, marc.id], requestedBy: 'Ana Ruiz' });
    approveEdition(editions, { editionId: v2.id, by: 'Marc Dubois', now: at(4) });
    expect(editionCover(records(), v1.id, people)).toEqual({ edition: 'Edition: Board draft, saved by Ana Ruiz on 1 December 2026', signoff: null });
    expect(editionCover(records(), v2.id, people)).toEqual({
      edition: 'Edition: FY27 v2, saved by Ana Ruiz on 2 December 2026',
      signoff: 'Waiting for Ana Ruiz (Sales) to approve FY27 v2 (approved by Marc Dubois (Marketing))',
    });
    expect(editionCover(records(), 'edition_none', people)).toBeNull();
  });
});
