import { newAction, newGoal, newStageMatrix, paragraph } from '../../../shared/model/blocks';
import { type ActionElement, type GoalElement, type StageMatrixElement } from '../../../shared/model/elements';
import { readPlanContent, readPlanMeta } from '../../../shared/model/planDoc';
import { parsePlanContent } from '../../../shared/model/schemas';
import { instantiateTemplate } from '../../../shared/templates/instantiate';
import { type PlanTemplate } from '../../../shared/templates/templateSchema';

const template: PlanTemplate = {
  id: 'team-cascade-plan',
  name: 'Team plan',
  description: 'x',
  period: 'Q1',
  content: [
    paragraph('intro'),
    newGoal({ id: 'top', title: 'Top' }),
    newGoal({ id: 'second-top', title: 'Second top' }),
    newGoal({ id: 'sub', title: 'Sub', parentId: 'top' }),
    newAction({ id: 'act', title: 'Act', goalId: 'sub' }),
    newStageMatrix(),
  ],
};

describe('instantiating a template', () => {
  it('makes a valid plan document with the template’s meta and fresh ids', () => {
    const doc = instantiateTemplate(template, { planId: 'plan_q1' });
    expect(readPlanMeta(doc)).toMatchObject({ id: 'plan_q1', title: 'Team plan', templateId: 'team-cascade-plan', period: 'Q1' });
    const content = parsePlanContent(readPlanContent(doc));
    const [, top, second, sub, act, matrix] = content as [unknown, GoalElement, GoalElement, GoalElement, ActionElement, StageMatrixElement];
    expect([top.id, second.id, sub.id].every((id) => /^goal_[0-9a-z]{10}$/.test(id))).toBe(true);
    expect(act.id).toMatch(/^action_/);
    expect(matrix.id).toMatch(/^stages_/);
    expect(sub.parentId).toBe(top.id);
    expect(act.goalId).toBe(sub.id);
    expect(top.parentId).toBeNull();
  });

  it('takes the title and period given', () => {
    const doc = instantiateTemplate(template, { planId: 'p', title: '  North region Q2 ', period: 'Q2 FY27' });
    expect(readPlanMeta(doc)).toMatchObject({ title: 'North region Q2', period: 'Q2 FY27' });
  });

  it('links the template’s top goals to a goal of another plan, and only those', () => {
    const doc = instantiateTemplate(template, { planId: 'p', parentGoal: { planId: 'plan_annual', goalId: 'goal_company' } });
    const goals = readPlanContent(doc).filter((n): n is GoalElement => 'type' in n && n.type === 'goal');
    expect(goals.map((g) => [g.title, g.parentId === 'goal_company', g.parentPlanId])).toEqual([
      ['Top', true, 'plan_annual'], ['Second top', true, 'plan_annual'], ['Sub', false, null],
    ]);
  });

  it('gives the linked top goals the team the plan is cascaded to, and leaves the others as the template made them', () => {
    const doc = instantiateTemplate(template, { planId: 'p', parentGoal: { planId: 'plan_annual', goalId: 'goal_company', team: 'marketing' } });
    const goals = readPlanContent(doc).filter((n): n is GoalElement => 'type' in n && n.type === 'goal');
    expect(goals.map((g) => [g.title, g.team])).toEqual([['Top', 'marketing'], ['Second top', 'marketing'], ['Sub', 'joint']]);
    expect(parsePlanContent(readPlanContent(doc))).toHaveLength(template.content.length);
  });

  it('never changes the template it was made from', () => {
    const before = JSON.stringify(template);
    instantiateTemplate(template, { planId: 'p', parentGoal: { planId: 'a', goalId: 'b' } });
    expect(JSON.stringify(template)).toBe(before);
  });
});
