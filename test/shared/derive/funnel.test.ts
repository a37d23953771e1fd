/** Funnel math on worked examples: what each track-selling stage must produce for the revenue goal. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { newGoal, newStageMatrix, paragraph } from '../../../shared/model/blocks';
import { type StageFields, type StageMatrixElement } from '../../../shared/model/elements';
import { type StageId } from '../../../shared/model/stages';
import { funnelOf } from '../../../shared/derive/funnel';
import { findProblems } from '../../../shared/derive/problems';
import { parseTemplate } from '../../../shared/templates/templateSchema';
import { instantiateTemplate } from '../../../shared/templates/instantiate';
import { snapshotPlan } from '../../../shared/model/planDoc';
import { structuredBlocks } from '../../../shared/derive/walk';
import { plan } from './planFixture';

const revenue = newGoal({ id: 'goal_new_arr', title: 'New ARR', metricUnit: '$', target: 12e6 });

function matrix(rates: Partial<Record<StageId, number>>, planned: Partial<Record<StageId, Partial<StageFields>>> = {}, dealSize: number | null = 120_000): StageMatrixElement {
  const fill = Object.fromEntries(Object.entries(rates).map(([id, r]) => [id, { conversionRate: r, ...planned[id as StageId] }]));
  return newStageMatrix({ ...planned, ...fill }, { revenueGoalId: revenue.id, dealSize });
}

describe('funnel math', () => {
  it('works back from the won deals, rounding up only at the end', () => {
    // $12M at $120k a deal = 100 wins. Commitment 50% → 200; fill 80% → 250; sell 80% → 312.5;
    // agreement 50% → 625; qualification 40% → 1,562.5; approach 20% → 7,812.5.
    const f = funnelOf(matrix({ approach: 20, qualification: 40, 'agreement-on-need': 50, 'sell-the-company': 80, 'fill-the-need': 80, 'act-of-commitment': 50 }), [revenue]);
    expect(f.wins).toBe(100);
    expect(f.stages.map((s) => [s.stage, s.needed])).toEqual([
      ['approach', 7813], ['qualification', 1563], ['agreement-on-need', 625], ['sell-the-company', 313],
      ['fill-the-need', 250], ['act-of-commitment', 200], ['cement-the-sale', 100],
    ]);
    expect(f.stages[1]!.winRate).toBeCloseTo(0.4 * 0.5 * 0.8 * 0.8 * 0.5);
    expect(f.missing).toEqual([]);
  });

  it('finds a stage planned lower than it needs: “Qualification: 300 planned, 420 needed for $12M at a 25% win rate”', () => {
    // 105 wins of $114,286; 25% of qualified deals are won (50% × 80% × 100% × 100% × 62.5%).
    const m = matrix(
      { approach: 30, qualification: 50, 'agreement-on-need': 80, 'sell-the-company': 100, 'fill-the-need': 100, 'act-of-commitment': 62.5 },
      { qualification: { metricName: 'Qualified opportunities', metricTarget: 300, metricUnit: 'opportunities' },
        'act-of-commitment': { metricName: 'Proposals asked to sign', metricTarget: 170, metricUnit: 'proposals' },
        approach: { metricName: 'Meeting rate', metricTarget: 25, metricUnit: '%' } },
      114_286,
    );
    const f = funnelOf(m, [revenue]);
    expect(f.wins).toBe(105);
    const q = f.stages.find((s) => s.stage === 'qualification')!;
    expect([q.planned, q.needed, q.short]).toEqual([300, 420, true]);
    expect(q.message).toBe('Qualification: 300 planned, 420 needed for $12M at a 25% win rate');
    expect(f.stages.find((s) => s.stage === 'act-of-commitment')).toMatchObject({ planned: 170, needed: 168, short: false });
    expect(f.stages.find((s) => s.stage === 'approach')).toMatchObject({ planned: null, short: false }); // a rate, not a count
    const problems = findProblems([plan('p', [revenue, m, paragraph()])], []).filter((p) => p.code === 'funnel-stage-short');
    expect(problems.map((p) => [p.message, p.blockId, p.path])).toEqual([['Qualification: 300 planned, 420 needed for $12M at a 25% win rate.', m.id, [1, 1]]]);
    // Raising the plan to what the funnel needs clears the problem.
    const fixed = { ...m, children: m.children.map((s) => (s.stage === 'qualification' ? { ...s, metricTarget: 420 } : s)) };
    expect(findProblems([plan('p', [revenue, fixed, paragraph()])], []).filter((p) => p.code === 'funnel-stage-short')).toEqual([]);
  });

  it('says what is missing instead of guessing', () => {
    expect(funnelOf(matrix({ qualification: 50 }, {}, null), [revenue]).missing).toEqual([
      'the average deal size', 'a conversion rate for every stage up to the commitment',
    ]);
    const noGoal = funnelOf({ ...matrix({}), revenueGoalId: null }, [revenue]);
    expect(noGoal.missing[0]).toBe('the revenue goal');
    expect(noGoal.stages.every((s) => s.needed === null && !s.short)).toBe(true);
    const gone = { ...matrix({}), revenueGoalId: 'goal_deleted' };
    expect(findProblems([plan('p', [gone, paragraph()])], []).map((p) => p.code)).toContain('funnel-goal-missing');
  });

  it('in the annual template: $14M of new business at $70k a deal needs 613 qualified opportunities', () => {
    const template = parseTemplate(JSON.parse(readFileSync(fileURLToPath(new URL('../../../templates/annual-joint-plan.json', import.meta.url)), 'utf8')), 'annual-joint-plan.json');
    const snap = snapshotPlan(instantiateTemplate(template, { planId: 'plan_fy27', title: 'FY27' }));
    const { goals, matrices } = structuredBlocks(snap.content);
    const f = funnelOf(matrices[0]!.el, goals.map((g) => g.el));
    expect(f.revenueGoal?.title).toBe('New-customer revenue of $14M');
    expect(f.stages.map((s) => s.needed)).toEqual([2451, 613, 491, 417, 334, 250, 200]);
  });
});
