import { heading, newAction, newGoal, newStageMatrix, paragraph } from '../../../shared/model/blocks';
import { planToPrintDocument } from '../../../shared/derive/publish/printDocument';
import { ana, ben, plan } from './planFixture';

describe('The print model of a plan', () => {
  const top = newGoal({ id: 'g_top', title: 'Grow revenue to $48M', metricUnit: '€', target: 48 });
  const annual = plan('annual', [top], { title: 'FY27 plan' });

  it('gives a cover, contents of the headings that head something, and goal cards with names and progress', () => {
    const goal = newGoal({
      id: 'g_n', title: 'North region', team: 'sales', owners: ['person_ana', 'person_ben'], metricName: 'Revenue', metricUnit: '€',
      baseline: 10, target: 20, current: 15, status: 'at-risk', rationale: 'Biggest gap.', parentId: 'g_top', parentPlanId: 'annual',
    });
    const doc = planToPrintDocument(plan('team', [
      heading(1, 'Goals'), { type: 'guidance', children: [{ text: 'Name the goals.' }] }, goal,
      heading(1, 'Risks'), { type: 'guidance', children: [{ text: 'List the risks.' }] },
      heading(1, 'Plan'), paragraph('We will '), { type: 'paragraph', children: [{ type: 'mention', personId: 'person_ben', name: 'Ben', children: [{ text: '' }] }] },
      newAction({ title: 'Fair', owner: 'person_ana', budget: 9000, goalId: 'g_n' }), newAction({ title: 'Calls' }),
      newStageMatrix(),
    ], { title: 'North plan' }), [ana, ben], { plans: [annual], now: new Date('2026-12-02T10:00:00Z') });

    expect(doc).toMatchObject({ title: 'North plan', period: 'FY27', date: '2 December 2026' });
    expect(doc.toc.map((t) => t.text)).toEqual(['Goals', 'Plan']);
    expect(JSON.stringify(doc)).not.toContain('Name the goals');
    expect(doc.blocks[1]).toEqual({ kind: 'goal', goal: {
      id: 'g_n', title: 'North region', team: 'Sales', owners: 'Ana Ruiz, Ben Okafor', metric: 'Revenue: €10 → €20', current: '€15',
      progress: '50%', status: 'At risk', checkIn: null, due: null, rationale: 'Biggest gap.', supports: 'Grow revenue to $48M (FY27 plan)',
    } });
    expect(doc.blocks[4]).toEqual({ kind: 'paragraph', runs: [{ text: '@Ben Okafor', bold: true }] });
    expect(doc.blocks[5]).toMatchObject({ kind: 'actions', actions: [
      { title: 'Fair', owner: 'Ana Ruiz', budget: '€9,000', goal: 'North region' },
      { title: 'Calls', owner: 'No owner yet', budget: '', goal: 'no goal yet' },
    ] });
    expect(doc.blocks[6]).toMatchObject({ kind: 'stages' });
    expect((doc.blocks[6] as { rows: unknown[] }).rows).toHaveLength(7);
  });

  it('rolls a goal\'s progress up from its sub-goals in other plans', () => {
    const sub = newGoal({ id: 'g_sub', title: 'North', metricUnit: '%', target: 10, current: 10, parentId: 'g_top', parentPlanId: 'annual' });
    const doc = planToPrintDocument(annual, [], { plans: [plan('team', [sub])] });
    expect(doc.blocks[0]).toMatchObject({ kind: 'goal', goal: { title: 'Grow revenue to $48M', progress: '100% (average of 1 sub-goal)', supports: null } });
  });

  it('keeps only web and mail links as links', () => {
    const doc = planToPrintDocument(plan('p', [{ type: 'paragraph', children: [
      { type: 'link', url: 'javascript:alert(1)', children: [{ text: 'bad' }] }, { text: ' and ' },
      { type: 'link', url: 'https://example.com', children: [{ text: 'good' }] },
    ] }]), []);
    expect(doc.blocks[0]).toEqual({ kind: 'paragraph', runs: [{ text: 'bad' }, { text: ' and ' }, { text: 'good', href: 'https://example.com' }] });
  });
});
