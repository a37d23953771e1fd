import { describe, expect, it } from 'vitest';
import { heading, newAction, newGoal, newStageMatrix, paragraph } from '../../../../shared/model/blocks';
import { type GoalElement, type PlanContent, type StageMatrixElement } from '../../../../shared/model/elements';
import { adjacentChange, changedSections, diffCascade, diffPlans, type PlanChange } from '../../../../shared/derive/diff/planDiff';
import { diffToText } from '../../../../shared/derive/diff/diffText';
import { ana, ben, plan, withoutFields } from '../planFixture';

const people = [ana, ben];

function basePlan(): PlanContent {
  const revenue = newGoal({ id: 'goal_revenue', title: 'Grow revenue', metricName: 'Revenue', metricUnit: '$', baseline: 1_000_000, target: 1_200_000, owners: [ana.id] });
  const emea = newGoal({ id: 'goal_emea', title: 'EMEA pipeline', metricUnit: 'leads', target: 400, parentId: 'goal_revenue', owners: [ben.id] });
  const nps = newGoal({ id: 'goal_nps', title: 'Raise NPS', metricUnit: 'points', target: 40 });
  return [
    heading(1, 'Executive summary'),
    paragraph('We grow revenue by a fifth with one shared funnel.'),
    paragraph('Sales and marketing meet weekly.'),
    heading(1, 'Company goals'),
    revenue, emea, nps,
    heading(1, 'Stages'),
    newStageMatrix({ qualification: { sales: 'Call within a day', salesOwner: ana.id } }),
    heading(1, 'Actions'),
    newAction({ id: 'action_show', title: 'ABC trade show', owner: ben.id, budget: 40_000, goalId: 'goal_emea' }),
  ];
}

const edit = (content: PlanContent, fn: (c: PlanContent) => void): PlanContent => {
  const copy = structuredClone(content);
  fn(copy);
  return copy;
};
const goal = (c: PlanContent, id: string) => c.find((n) => 'type' in n && n.type === 'goal' && n.id === id) as GoalElement;
const matrix = (c: PlanContent) => c.find((n) => 'type' in n && n.type === 'stage-matrix') as StageMatrixElement;
/** The diff as text has each of these lines (each may be part of a longer line). */
const says = (text: string, lines: string[]) => {
  for (const line of lines) expect(text).toContain(line);
};
const kinds = (changes: PlanChange[]) => changes.map((c) => (c.kind === 'field' ? `${c.block}.${c.change.field}` : c.kind));

describe('diffPlans', () => {
  const before = plan('plan_a', basePlan());

  it('finds nothing between equal plans, even when a side lacks fields Slate dropped', () => {
    const after = plan('plan_a', edit(before.content, (c) => {
      c[c.indexOf(goal(c, 'goal_nps'))] = withoutFields(goal(c, 'goal_nps'), 'baseline', 'current', 'parentId');
    }));
    const diff = diffPlans(before, after, people);
    expect(diff.changes).toEqual([]);
    expect(diffToText(diff)).toContain('No changes.');
  });

  it("names a goal's team as the workspace calls it", () => {
    const after = plan('plan_a', edit(before.content, (c) => { goal(c, 'goal_revenue').team = 'west-sales'; }));
    const teams = [{ id: 'west-sales', name: 'West Sales', kind: 'sales' as const }];
    const change = (d: ReturnType<typeof diffPlans>) => d.changes.find((c) => c.kind === 'field' && c.change.field === 'team');
    expect(change(diffPlans(before, after, people, { teams }))).toMatchObject({ change: { after: 'West Sales' } });
  });

  it('tells a target and an owner change with units and names', () => {
    const after = plan('plan_a', edit(before.content, (c) => {
      goal(c, 'goal_revenue').target = 1_500_000;
      goal(c, 'goal_revenue').owners = [ben.id];
      goal(c, 'goal_revenue').status = 'at-risk';
    }));
    const diff = diffPlans(before, after, people);
    expect(kinds(diff.changes)).toEqual(['goal.owners', 'goal.status', 'goal.target']);
    const target = diff.changes.find((c) => c.kind === 'field' && c.change.field === 'target')!;
    expect(target).toMatchObject({ kind: 'field', block: 'goal', blockId: 'goal_revenue', title: 'Grow revenue', change: { before: '$1,200,000', after: '$1,500,000' } });
    expect(target.anchor).toEqual({ side: 'after', blockId: 'goal_revenue', path: [4] });
    says(diffToText(diff), [
      '~ goal “Grow revenue”: target $1,200,000 → $1,500,000',
      '~ goal “Grow revenue”: owners Ana Ruiz → Ben Okafor',
      '~ goal “Grow revenue”: status On track → At risk',
    ]);
    expect(diff.sections.find((s) => s.title === 'Company goals')).toMatchObject({ status: 'changed', changes: 3 });
    expect(changedSections(diff).map((s) => s.title)).toEqual(['Company goals']);
  });

  it('tells goals added, removed and moved to another parent', () => {
    const after = plan('plan_a', edit(before.content, (c) => {
      goal(c, 'goal_nps').parentId = 'goal_revenue';
      c.splice(c.indexOf(goal(c, 'goal_emea')), 1, newGoal({ id: 'goal_apac', title: 'APAC pipeline' }));
    }));
    const diff = diffPlans(before, after, people);
    expect(kinds(diff.changes).sort()).toEqual(['action.goalId', 'goal-added', 'goal-moved', 'goal-removed']);
    const text = diffToText(diff);
    expect(text).toContain('~ action “ABC trade show”: serves EMEA pipeline → a goal that no longer exists');
    expect(text).toContain('+ goal “APAC pipeline” added');
    expect(text).toContain('- goal “EMEA pipeline” removed');
    expect(text).toContain('↳ goal “Raise NPS” now supports “Grow revenue” (supported none)');
    const removed = diff.changes.find((c) => c.kind === 'goal-removed')!;
    expect(removed.anchor).toMatchObject({ side: 'before', blockId: 'goal_emea' });
  });

  it('tells action and stage row fields, names for owners and goals, money in the plan currency', () => {
    const after = plan('plan_a', edit(before.content, (c) => {
      const show = c.find((n) => 'type' in n && n.type === 'action') as ReturnType<typeof newAction>;
      show.owner = ana.id;
      show.budget = 55_000;
      show.done = true;
      show.goalId = 'goal_revenue';
      const q = matrix(c).children[1]!;
      q.salesOwner = null;
      q.marketingOwner = ben.id;
      q.sales = 'Call within four hours';
    }));
    says(diffToText(diffPlans(before, after, people)), [
      '~ action “ABC trade show”: owner Ben Okafor → Ana Ruiz',
      '~ action “ABC trade show”: budget $40,000 → $55,000',
      '~ action “ABC trade show”: done not done → done',
      '~ action “ABC trade show”: serves EMEA pipeline → Grow revenue',
      '~ stage Qualification: sales owner Ana Ruiz → —',
      '~ stage Qualification: marketing owner — → Ben Okafor',
      '~ stage Qualification: sales does Call within a day → Call within four hours',
    ]);
  });

  it('tells actions and stage matrices added and removed, and word-diffs a long text field', () => {
    const after = plan('plan_a', edit(before.content, (c) => {
      c.splice(c.indexOf(matrix(c)), 1);
      c.push(newAction({ id: 'action_webinar', title: 'Webinar series' }));
      goal(c, 'goal_nps').rationale = 'Referrals drive a third of new deals.';
    }));
    const diff = diffPlans({ ...before, content: edit(before.content, (c) => { goal(c, 'goal_nps').rationale = 'Referrals drive new deals.'; }) }, after, people);
    expect(kinds(diff.changes)).toEqual(['goal.rationale', 'block-removed', 'block-added']);
    const why = diff.changes[0]!;
    expect(why.kind === 'field' && why.change.words?.filter((w) => w.op !== 'same').map((w) => [w.op, w.text.trim()])).toEqual([['added', 'a third of']]);
    const text = diffToText(diff);
    expect(text).toContain('- stage matrix “Track-selling stages” removed');
    expect(text).toContain('+ action “Webinar series” added');
  });

  it('diffs prose per section by words, and tells sections added, removed and renamed', () => {
    const after = plan('plan_a', edit(before.content, (c) => {
      c[1] = paragraph('We grow revenue by a quarter with one shared funnel.');
      c.splice(2, 1); // "Sales and marketing meet weekly." removed
      c[c.findIndex((n) => 'type' in n && n.type === 'heading' && (n.children[0] as { text: string }).text === 'Actions')] = heading(1, 'Action plan');
      c.push(heading(1, 'Risks'), paragraph('Hiring may lag.'));
    }));
    const diff = diffPlans(before, after, people);
    expect(diff.sections.map((s) => [s.title, s.status])).toEqual([
      ['Executive summary', 'changed'], ['Company goals', 'same'], ['Stages', 'same'], ['Action plan', 'changed'], ['Risks', 'added'],
    ]);
    expect(diff.sections[3]!.renamedFrom).toBe('Actions');
    const summary = diff.changes.find((c) => c.kind === 'prose' && c.section === diff.sections[0]!.key)!;
    expect(summary).toMatchObject({ changed: 1, removed: 1, added: 0 });
    says(diffToText(diff), [
      '~ We grow revenue by a [-fifth-]{+quarter+} with one shared funnel.',
      '- Sales and marketing meet weekly.',
      '## Action plan (renamed from “Actions”)',
      '~ [-Actions-]{+Action plan+}',
      '## Risks (new section)',
      '+ Hiring may lag.',
    ]);
  });

  it('tells the plan title and period, and orders changes for next / previous in reading order', () => {
    const after = { ...plan('plan_a', edit(before.content, (c) => {
      goal(c, 'goal_nps').target = 45;
      c[1] = paragraph('We grow revenue by a fifth, together.');
    })), meta: { ...before.meta, title: 'FY27 re-plan', period: 'FY27 H2' } };
    const diff = diffPlans(before, after, people);
    expect(diff.changes.map((c) => c.id)).toEqual(['plan:title', 'plan:period', `prose:${diff.sections[0]!.key}`, 'goal:goal_nps:target']);
    expect(adjacentChange(diff, -1, 'next')).toBe(0);
    expect(adjacentChange(diff, 3, 'next')).toBe(0);
    expect(adjacentChange(diff, 0, 'previous')).toBe(3);
    expect(diffToText(diff)).toContain('~ plan title: “Plan plan_a” → “FY27 re-plan”');
  });

  it('tells a goal that moved to another section, and marks both sections changed', () => {
    const after = plan('plan_a', edit(before.content, (c) => {
      const nps = goal(c, 'goal_nps');
      c.splice(c.indexOf(nps), 1);
      c.splice(2, 0, nps);
    }));
    const diff = diffPlans(before, after, people);
    expect(diff.changes.map((c) => c.kind)).toEqual(['block-moved']);
    expect(changedSections(diff).map((s) => s.title)).toEqual(['Executive summary', 'Company goals']);
    expect(diffToText(diff)).toContain('↳ goal “Raise NPS” moved here from “Company goals”');
  });
});

describe('diffCascade', () => {
  it('names parents across plans and tells a goal that moved from one plan to another', () => {
    const company = plan('plan_co', [heading(1, 'Goals'), newGoal({ id: 'goal_rev', title: 'Revenue $48M' }), newGoal({ id: 'goal_brand', title: 'Brand reach' })], { title: 'FY27 joint plan' });
    const team = plan('plan_team', [heading(1, 'Team goals'), newGoal({ id: 'goal_t1', title: 'EMEA deals', parentId: 'goal_rev', parentPlanId: 'plan_co' }), newGoal({ id: 'goal_t2', title: 'Webinars' })], { title: 'EMEA team plan' });
    const team2 = { ...team, content: edit(team.content, (c) => {
      goal(c, 'goal_t1').parentId = 'goal_brand';
      c.push(goal(company.content, 'goal_rev'));
    }) };
    const company2 = { ...company, content: company.content.filter((n) => !('type' in n && n.type === 'goal' && n.id === 'goal_rev')) };
    const cascade = diffCascade([company, team], [company2, team2], people);
    expect(cascade.plans.map((p) => [p.title, p.status])).toEqual([['FY27 joint plan', 'changed'], ['EMEA team plan', 'changed']]);
    const teamText = diffToText(cascade.plans[1]!.diff!);
    expect(teamText).toContain('↳ goal “EMEA deals” now supports “Brand reach (FY27 joint plan)” (was “Revenue $48M (FY27 joint plan)”)');
    expect(teamText).toContain('+ goal “Revenue $48M” added (moved from “FY27 joint plan”)');
    expect(diffToText(cascade.plans[0]!.diff!)).toContain('- goal “Revenue $48M” removed (moved to “EMEA team plan”)');
  });
});
