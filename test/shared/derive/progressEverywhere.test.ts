/** A goal's progress reads the same in the Goals view, quick open, the export and the card. */
import { newGoal, paragraph } from '../../../shared/model/blocks';
import { buildGoalTree } from '../../../shared/derive/goalTree';
import { planToMarkdown } from '../../../shared/derive/markdown';
import { progressText } from '../../../shared/derive/rollup';
import { type PlanSnapshot } from '../../../shared/model/planDoc';
import { quickOpenItems } from '../../../renderer/contrib/commands/quickOpen';
import { DerivedStore } from '../../../renderer/editor/derivedStore';

const meta = (id: string, title: string) => ({ id, title, templateId: '', period: '', schemaVersion: 1, createdAt: '' });
const company = newGoal({ id: 'goal_company', title: 'Grow revenue', metricUnit: '$', baseline: 10e6, target: 12e6 });
const companyPlan: PlanSnapshot = { meta: meta('plan_company', 'Company'), content: [company, paragraph()] };
const teamPlan: PlanSnapshot = {
  meta: meta('plan_team', 'West'),
  content: [newGoal({ title: 'West new revenue', metricUnit: '$', target: 1e6, current: 800e3, parentId: company.id, parentPlanId: 'plan_company' })],
};
const plans = [companyPlan, teamPlan];

it('Goals view, quick open, export and card agree on a company goal rolled up from another plan', () => {
  const view = buildGoalTree(plans).byId.get(company.id)!.progress;
  expect(progressText(view)).toBe('40% ($800k of the $2M increase, from 1 sub-goal)');
  const quick = quickOpenItems([], buildGoalTree(plans)).find((i) => i.value.goalId === company.id)!;
  expect(quick.detail).toBe(progressText(view));
  expect(planToMarkdown(companyPlan, [], { plans })).toContain(`progress ${progressText(view)}`);
  const card = new DerivedStore(() => companyPlan.meta, undefined, () => plans);
  card.recompute(companyPlan.content);
  expect(card.figuresOf(company.id)!.progress).toEqual(view);
});
