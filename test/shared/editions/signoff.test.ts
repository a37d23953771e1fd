import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { heading, newGoal, paragraph } from '../../../shared/model/blocks';
import { type Person } from '../../../shared/model/people';
import { createPlanDoc, planContent, snapshotPlan } from '../../../shared/model/planDoc';
import {
  approveEdition, editionInfo, editionSnapshot, readApprovals, readEditions, readSignoffRequests, requestSignoff, saveEdition,
} from '../../../shared/editions/editionsDoc';
import { approvalLine, defaultSignoffPeople, sectionsChangedSinceApproval, signoffState } from '../../../shared/editions/signoff';
import { plan } from '../derive/planFixture';

const person = (id: string, name: string, team: Person['team'], role: string): Person => ({ id, name, team, role, email: `${id}@example.com`, color: '#336699' });
const ana = person('p_ana', 'Ana', 'sales', 'VP Sales');
const sam = person('p_sam', 'Sam', 'sales', 'Account executive');
const marc = person('p_marc', 'Marc', 'marketing', 'CMO');
const lea = person('p_lea', 'Lea', 'marketing', 'Campaign manager');
const people = [ana, sam, marc, lea];

describe('defaultSignoffPeople', () => {
  it('asks the sales and the marketing leader: a leader’s role first, then who owns most of the plan', () => {
    const p = plan('plan_a', [newGoal({ owners: [sam.id, lea.id] }), newGoal({ owners: [sam.id] })]);
    expect(defaultSignoffPeople(p, people).map((x) => x.name)).toEqual(['Ana', 'Marc']);
    expect(defaultSignoffPeople(p, [sam, lea, person('p_tom', 'Tom', 'sales', 'Rep')]).map((x) => x.name)).toEqual(['Sam', 'Lea']);
    expect(defaultSignoffPeople(p, [lea])).toEqual([lea]);
  });

  it("finds the leaders in the workspace's own teams by their kind", () => {
    const teams = [{ id: 'west-sales', name: 'West Sales', kind: 'sales' as const }, { id: 'demand-gen', name: 'Demand Gen', kind: 'marketing' as const }];
    const vp = person('p_vp', 'Vera', 'west-sales', 'VP Sales West');
    const head = person('p_head', 'Hugo', 'demand-gen', 'Head of Demand Gen');
    const p = plan('plan_b', [newGoal({ owners: [vp.id] })]);
    expect(defaultSignoffPeople(p, [head, vp, sam], teams).map((x) => x.name)).toEqual(['Vera', 'Hugo']);
  });
});

describe('sign-off', () => {
  function planWithEdition() {
    const doc = createPlanDoc({
      id: 'plan_fy27', title: 'FY27', templateId: 'annual-joint-plan', period: 'FY27',
      content: [heading(1, 'Summary'), paragraph('We grow.'), heading(1, 'Goals'), newGoal({ id: 'goal_rev', title: 'Revenue', target: 10 }), heading(1, 'Risks'), paragraph('Hiring.')],
    });
    const editions = new Y.Doc();
    const e = saveEdition(doc, editions, { name: 'FY27 v3', author: 'Ana' });
    return { doc, editions, e };
  }
  const state = (editions: Y.Doc) => signoffState(readEditions(editions).map(editionInfo), readSignoffRequests(editions), readApprovals(editions), people);

  it('reads “Approved by Ana (Sales) and Marc (Marketing) — FY27 v3” once both asked have approved', () => {
    const { editions, e } = planWithEdition();
    expect(approvalLine(state(editions))).toBeNull();
    requestSignoff(editions, { editionId: e.id, people: [ana.id, marc.id], requestedBy: 'Ana' });
    expect(approvalLine(state(editions))).toBe('Waiting for Ana (Sales) and Marc (Marketing) to approve FY27 v3');
    approveEdition(editions, { editionId: e.id, by: 'Ana' });
    approveEdition(editions, { editionId: 'edition_other', by: 'Marc' }); // another edition does not count
    expect(approvalLine(state(editions))).toBe('Waiting for Marc (Marketing) to approve FY27 v3 (approved by Ana (Sales))');
    approveEdition(editions, { editionId: e.id, by: 'Marc' });
    expect(state(editions)!.complete).toBe(true);
    expect(approvalLine(state(editions))).toBe('Approved by Ana (Sales) and Marc (Marketing) — FY27 v3');
  });

  it("names the leaders' teams as the workspace calls them, and no team for an id nobody knows", () => {
    const { editions, e } = planWithEdition();
    const teams = [{ id: 'west-sales', name: 'West Sales', kind: 'sales' as const }, { id: 'marketing', name: 'Brand & Demand', kind: 'marketing' as const }];
    const vera = person('p_vera', 'Vera', 'west-sales', 'VP Sales West');
    const olga = person('p_olga', 'Olga', 'team_gone', 'Advisor');
    requestSignoff(editions, { editionId: e.id, people: [vera.id, marc.id, olga.id], requestedBy: 'Ana' });
    const line = (t?: Parameters<typeof signoffState>[4]) =>
      approvalLine(signoffState(readEditions(editions).map(editionInfo), readSignoffRequests(editions), readApprovals(editions), [vera, marc, olga], t));
    expect(line(teams)).toBe('Waiting for Vera (West Sales), Marc (Brand & Demand) and Olga to approve FY27 v3');
    expect(line()).toBe('Waiting for Vera, Marc (Marketing) and Olga to approve FY27 v3');
  });

  it('marks the sections changed since the approved edition', () => {
    const { doc, editions, e } = planWithEdition();
    const approved = editionSnapshot(readEditions(editions), e.id);
    expect(sectionsChangedSinceApproval(approved, snapshotPlan(doc), people)).toEqual([]);
    const goal = (planContent(doc).toDelta() as { insert: Y.XmlText }[])[3]!.insert;
    goal.setAttribute('target', 12 as never);
    (planContent(doc).toDelta() as { insert: Y.XmlText }[])[5]!.insert.insert(0, 'Late ');
    expect(sectionsChangedSinceApproval(approved, snapshotPlan(doc), people).map((s) => [s.title, s.changes])).toEqual([['Goals', 1], ['Risks', 1]]);
  });
});
