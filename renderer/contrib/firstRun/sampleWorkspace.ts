/**
 * A sample workspace a newcomer can explore: a few people in the directory, the annual joint plan,
 * and a team cascade plan linked to its first company goal, so the goal tree, People and Problems
 * all have something to show.
 */
import { type Person } from '../../../shared/model/people';
import { type PlanSnapshot } from '../../../shared/model/planDoc';
import { upsertPerson } from '../../../shared/model/workspaceDoc';
import { structuredBlocks } from '../../../shared/derive/walk';
import { TEMPLATE_IDS } from '../../../shared/templates/templateIds';
import { type WorkbenchServices } from '../../workbench/services/services';


export const SAMPLE_PEOPLE: Person[] = [
  { id: 'person_sampledana', name: 'Dana Whitfield', email: 'dana@example.com', team: 'leadership', role: 'VP Sales', color: '#2563eb' },
  { id: 'person_samplemarc', name: 'Marcus Lee', email: 'marcus@example.com', team: 'marketing', role: 'CMO', color: '#db2777' },
  { id: 'person_samplepriy', name: 'Priya Natarajan', email: 'priya@example.com', team: 'sales', role: 'Regional Sales Manager, West', color: '#059669' },
  { id: 'person_sampletomb', name: 'Tom Becker', email: 'tom@example.com', team: 'marketing', role: 'Demand Generation Lead', color: '#d97706' },
  { id: 'person_sampleaish', name: 'Aisha Okafor', email: 'aisha@example.com', team: 'joint', role: 'Revenue Operations', color: '#7c3aed' },
];

/** The first goal of a plan that supports nothing above it: the company goal a team cascades from. */
export function firstCompanyGoal(plan: PlanSnapshot): { id: string; title: string } | null {
  const goal = structuredBlocks(plan.content).goals.find((g) => g.el.parentId === null);
  return goal ? { id: goal.el.id, title: goal.el.title } : null;
}

export async function createSampleWorkspace({ model, editors, notifications }: WorkbenchServices): Promise<void> {
  const doc = model.workspaceDoc.get();
  if (!doc) throw new Error('the workspace is still opening; try again in a moment');
  for (const person of SAMPLE_PEOPLE) upsertPerson(doc, person);
  const year = new Date().getFullYear();
  const annual = await model.createPlan({ templateId: TEMPLATE_IDS.annualJointPlan, title: `Joint sales & marketing plan ${year}` });
  const snapshot = await model.readPlan(annual.id);
  const goal = firstCompanyGoal(snapshot);
  const cascade = await model.createPlan({
    templateId: TEMPLATE_IDS.teamCascadePlan,
    title: `West region — Q1 ${year}`,
    parent: goal ? { planId: annual.id, goalId: goal.id } : undefined,
  });
  editors.openPlan(cascade.id);
  editors.openPlan(annual.id);
  notifications.notify('Sample workspace created: an annual plan, a team cascade plan and five people.');
}
