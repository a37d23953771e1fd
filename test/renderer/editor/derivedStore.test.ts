import { newGoal, paragraph } from '../../../shared/model/blocks';
import { buildGoalTree } from '../../../shared/derive/goalTree';
import { type PlanSnapshot } from '../../../shared/model/planDoc';
import { DerivedStore } from '../../../renderer/editor/derivedStore';

const meta = (id: string, title: string) => ({ id, title, templateId: '', period: '', schemaVersion: 1, createdAt: '' });

describe('goal figures of the open plan', () => {
  it('show the same progress as the Goals view for a goal whose sub-goals are in other plans', () => {
    const company = newGoal({ id: 'goal_company', title: 'Grow revenue', metricUnit: '$', baseline: 10e6, target: 12e6 });
    const companyPlan: PlanSnapshot = { meta: meta('plan_company', 'Company'), content: [company, paragraph()] };
    const teamPlan: PlanSnapshot = {
      meta: meta('plan_team', 'West'),
      content: [newGoal({ title: 'West new revenue', metricUnit: '$', target: 1e6, current: 800e3, parentId: company.id, parentPlanId: 'plan_company' })],
    };
    const goalsView = buildGoalTree([companyPlan, teamPlan]).byId.get(company.id)!.progress;
    expect(goalsView.ratio).toBeCloseTo(0.4);

    const store = new DerivedStore(() => companyPlan.meta, undefined, () => [companyPlan, teamPlan]);
    store.recompute(companyPlan.content);
    expect(store.figuresOf(company.id)?.progress).toEqual(goalsView);
  });
});
