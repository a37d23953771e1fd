import { sameGoalOptions } from '../../../renderer/workbench/EditorPane';

const option = (id: string, title = 'Grow revenue') => ({ id, planId: 'plan_annual', planTitle: 'FY27 plan', title });

describe('goal options kept while the same', () => {
  it('counts options with the same goals, plans and titles as the same', () => {
    expect(sameGoalOptions([], [])).toBe(true);
    expect(sameGoalOptions([option('g1'), option('g2')], [option('g1'), option('g2')])).toBe(true);
  });

  it('sees a goal added, removed, reordered or renamed, and a plan renamed', () => {
    expect(sameGoalOptions([option('g1')], [option('g1'), option('g2')])).toBe(false);
    expect(sameGoalOptions([option('g1'), option('g2')], [option('g2'), option('g1')])).toBe(false);
    expect(sameGoalOptions([option('g1')], [option('g1', 'Grow revenue to $48M')])).toBe(false);
    expect(sameGoalOptions([option('g1')], [{ ...option('g1'), planTitle: 'FY28 plan' }])).toBe(false);
  });
});
