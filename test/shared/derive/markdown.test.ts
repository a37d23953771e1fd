import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { heading, newAction, newGoal, newStageMatrix, paragraph } from '../../../shared/model/blocks';
import { blocksAsMarkdown, planToMarkdown } from '../../../shared/derive/markdown';
import { snapshotPlan } from '../../../shared/model/planDoc';
import { instantiateTemplate } from '../../../shared/templates/instantiate';
import { parseTemplate } from '../../../shared/templates/templateSchema';
import { ana, ben, plan } from './planFixture';

describe('Markdown export', () => {
  it('writes prose with marks, links, lists and mentions by their current name', () => {
    const md = planToMarkdown(plan('p', [
      heading(1, 'Summary'),
      { type: 'paragraph', children: [
        { text: 'We grow ' }, { text: 'together ', bold: true }, { text: 'with ' },
        { type: 'mention', personId: 'person_ana', name: 'Ana (old name)', children: [{ text: '' }] },
        { text: ', see ' }, { type: 'link', url: 'https://example.com/plan (v2)', children: [{ text: 'the plan', italic: true }] },
        { text: ' and ' }, { text: 'npm run x', code: true }, { text: ' — 2*3 [sic] | ok' },
      ] },
      { type: 'guidance', children: [{ text: 'Write what matters.' }] },
      { type: 'bulleted-list', children: [{ type: 'list-item', children: [{ text: 'one' }] }, { type: 'list-item', children: [{ text: 'two', underline: true }] }] },
      { type: 'numbered-list', children: [{ type: 'list-item', children: [{ text: 'first' }] }] },
    ], { title: 'FY27 plan' }), [ana]);
    expect(md).toBe([
      '# FY27 plan', '', '*FY27*', '', '## Summary', '',
      'We grow **together** with **@Ana Ruiz**, see [*the plan*](https://example.com/plan%20%28v2%29) and `npm run x` — 2\\*3 \\[sic\\] \\| ok',
      '', '- one', '- <u>two</u>', '', '1. first', '',
    ].join('\n'));
  });

  it('keeps guidance only when asked', () => {
    const p = plan('p', [{ type: 'guidance', children: [{ text: 'Write what matters.' }] }]);
    expect(planToMarkdown(p, [])).not.toContain('Write what matters');
    expect(planToMarkdown(p, [], { guidance: true })).toContain('> 💡 *Write what matters.*');
  });

  it('writes a goal as a readable block with owners, metric, status, due date, reason and parent', () => {
    const parent = newGoal({ id: 'g_p', title: 'Grow revenue' });
    const goal = newGoal({
      id: 'g_c', title: 'New-customer revenue', team: 'sales', owners: ['person_ana', 'person_ben', 'person_gone'],
      metricName: 'New revenue', metricUnit: '$', baseline: 11_000_000, target: 14_000_000, current: 12_500_000,
      due: '2027-06-30', status: 'at-risk', rationale: 'The gap was new business.', parentId: 'g_p',
    });
    const md = planToMarkdown(plan('p', [parent, goal]), [ana, ben]);
    expect(md).toContain([
      '> **🎯 New-customer revenue**  ',
      '> Sales goal · owned by Ana Ruiz, Ben Okafor, someone not in the directory · At risk · due 2027-06-30  ',
      '> **Metric:** New revenue: $11,000,000 → $14,000,000 (now $12,500,000)  ',
      '> **Supports:** Grow revenue  ',
      '> **Why:** The gap was new business.',
    ].join('\n'));
    const teamGoal = newGoal({ title: 'North region', parentId: 'g_p', parentPlanId: 'annual' });
    expect(planToMarkdown(plan('team', [teamGoal]), [])).toContain('> **Supports:** a goal in another plan');
    expect(planToMarkdown(plan('team', [teamGoal]), [], { plans: [plan('annual', [parent], { title: 'FY27 plan' })] }))
      .toContain('> **Supports:** Grow revenue (FY27 plan)');
  });

  it('writes part of a plan (a copy) with goals and people named from the whole plan, without a title', () => {
    const parent = newGoal({ id: 'g_p', title: 'Grow revenue' });
    const goal = newGoal({ id: 'g_c', title: 'New logos', owners: ['person_ben'], parentId: 'g_p' });
    const content = [parent, paragraph('Why it matters'), goal];
    const md = blocksAsMarkdown([paragraph('it matters'), goal], { id: 'p', content }, [ana, ben]);
    expect(md.startsWith('it matters\n\n> **🎯 New logos**')).toBe(true);
    expect(md).toContain('owned by Ben Okafor');
    expect(md).toContain('> **Supports:** Grow revenue');
    expect(md).not.toContain('# ');
  });

  it('writes the stage matrix as a table and actions as a task list', () => {
    const matrix = newStageMatrix({ approach: { marketing: 'Webinars | events', sales: 'Calls\nand visits', marketingOwner: 'person_ben', metricName: 'Meetings booked', metricTarget: 25, metricUnit: '%' } });
    const goal = newGoal({ id: 'g1', title: 'Leads' });
    const md = planToMarkdown(plan('p', [goal, matrix,
      newAction({ title: 'Trade show', owner: 'person_ana', due: '2027-03-01', budget: 90000, goalId: 'g1', expectedResult: '60 meetings' }),
      newAction({ title: 'Old task', done: true })]), [ana, ben]);
    expect(md).toContain('| Stage | Marketing does | Sales does | Owners | Exit criteria | Metric |');
    expect(md).toContain('| **Approach** | Webinars \\| events | Calls<br>and visits | Marketing: Ben Okafor<br>Sales: — | — | Meetings booked: 25% |');
    expect(md.match(/^\| \*\*/gm)).toHaveLength(7);
    expect(md).toContain('- [ ] **Trade show** — Ana Ruiz · due 2027-03-01 · budget 90,000 · serves ‘Leads’  \n  Expected result: 60 meetings\n- [x] **Old task** — no owner yet · serves no goal yet\n');
  });

  it('exports the annual plan template so that it reads well (reviewed, then kept)', async () => {
    const file = fileURLToPath(new URL('../../../templates/annual-joint-plan.json', import.meta.url));
    const template = parseTemplate(JSON.parse(readFileSync(file, 'utf8')), 'annual-joint-plan.json');
    const doc = instantiateTemplate(template, { planId: 'plan_fy27', title: 'FY27 joint sales & marketing plan', period: 'FY27' });
    await expect(planToMarkdown(snapshotPlan(doc), [])).toMatchFileSnapshot('__snapshots__/annual-joint-plan.md');
  });
});

describe('Markdown export of hostile field text', () => {
  const attack = '<img src=x onerror=alert(1)>';
  /** Live HTML: a `<` that is not escaped and is not one of the exporter's own <br> and <u> tags. */
  const liveHtml = /(^|[^\\])<(?!br>|u>|\/u>)/m;

  it('escapes person names, goal period, metric unit, plan period, dates, link targets and every other field', () => {
    const mallory = { ...ana, id: 'person_mal', name: `Mallory ${attack}` };
    const goal = newGoal({
      id: 'g1', title: `Goal ${attack}`, owners: ['person_mal'], period: `Q1 ${attack}`, metricName: `Leads ${attack}`,
      metricUnit: attack, baseline: 1, target: 2, current: 1.5, rationale: attack,
    });
    const undated = newGoal({ id: 'g2', title: 'Dated', due: attack as unknown as string, metricUnit: attack, target: 3 });
    const action = newAction({ title: attack, owner: 'person_mal', due: attack as unknown as string, goalId: 'g1', expectedResult: attack });
    const matrix = newStageMatrix({ approach: { marketing: attack, marketingOwner: 'person_mal', salesOwner: 'person_mal', metricName: attack, metricUnit: attack, metricTarget: 5 } });
    const link = { type: 'paragraph' as const, children: [{ type: 'link' as const, url: `javascript:alert(1)//${attack}`, children: [{ text: 'click' }] }] };
    const mention = { type: 'paragraph' as const, children: [{ type: 'mention' as const, personId: 'person_gone', name: attack, children: [{ text: '' as const }] as [{ text: '' }] }] };
    const p = plan('p', [heading(1, attack), paragraph(attack), goal, undated, matrix, action, link, mention], { title: attack });
    p.meta.period = `FY27 ${attack}`;
    const md = planToMarkdown(p, [mallory]);
    expect(md).not.toMatch(liveHtml);
    expect(md).not.toContain('](javascript:');
    expect(md).toContain('Mallory \\<img');
    expect(blocksAsMarkdown([goal, action, matrix], { id: 'p', content: p.content }, [mallory])).not.toMatch(liveHtml);
  });
});
