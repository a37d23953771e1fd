import { excerpt, findMatches, queryPattern, searchPlans } from '../../../shared/derive/search';
import { heading, newAction, newGoal, newStageMatrix, paragraph } from '../../../shared/model/blocks';
import { type PlanContent } from '../../../shared/model/elements';
import { type PlanSnapshot } from '../../../shared/model/planDoc';
import { type Person } from '../../../shared/model/people';

const plan = (id: string, title: string, content: PlanContent): PlanSnapshot => ({
  meta: { id, title, templateId: 'annual', period: 'FY27', schemaVersion: 1, createdAt: '' },
  content,
});
const ana: Person = { id: 'person_ana', name: 'Ana Ortiz', email: 'ana@example.com', team: 'sales', role: 'VP Sales', color: '#3366cc' };

const company = plan('plan_company', 'Company plan', [
  heading(1, 'Pipeline goals'),
  paragraph('We grow pipeline through webinars and partner events.'),
  newGoal({ id: 'goal_rev', title: 'Grow revenue to 12 M$', owners: ['person_ana'], rationale: 'Enterprise pipeline doubled last year' }),
  newStageMatrix({ qualification: { sales: 'Run a BANT call within two days', exitCriteria: 'Budget confirmed' } }),
  newAction({ id: 'action_webinar', title: 'Monthly webinar series', goalId: 'goal_rev', expectedResult: '300 qualified leads' }),
]);
const team = plan('plan_team', 'EMEA team plan', [
  newGoal({ id: 'goal_emea', title: 'EMEA pipeline 4 M$', parentId: 'goal_rev', parentPlanId: 'plan_company' }),
]);

describe('searchPlans', () => {
  it('finds prose and every structured field, grouped by plan in document order', () => {
    const r = searchPlans([company, team], 'pipeline');
    expect(r.groups.map((g) => g.planTitle)).toEqual(['Company plan', 'EMEA team plan']);
    expect(r.groups[0]!.hits.map((h) => h.where)).toEqual([
      'Heading',
      'Text',
      'Goal ‘Grow revenue to 12 M$’ · Why',
    ]);
    expect(r.groups[1]!.hits.map((h) => [h.where, h.blockId])).toEqual([['Goal title', 'goal_emea']]);
    expect(r).toMatchObject({ hits: 4, matches: 4, truncated: false });
  });

  it('finds a stage cell and points at the stage inside its matrix', () => {
    const r = searchPlans([company, team], 'bant');
    expect(r.groups).toHaveLength(1);
    const [hit] = r.groups[0]!.hits;
    expect(hit).toMatchObject({ where: 'Stage ‘Qualification’ · Sales does', kind: 'stage', path: [3, 1] });
    expect(hit!.blockId).toBe((company.content[3] as { id: string }).id);
    expect(hit!.excerpt.slice(hit!.ranges[0]![0], hit!.ranges[0]![1])).toBe('BANT');
  });

  it('searches action fields and owner names through the people directory', () => {
    expect(searchPlans([company], 'qualified leads').groups[0]!.hits[0]).toMatchObject({
      where: 'Action ‘Monthly webinar series’ · Expected result', blockId: 'action_webinar', path: [4],
    });
    expect(searchPlans([company], 'ortiz').hits).toBe(0);
    const byOwner = searchPlans([company], 'ortiz', { people: [ana] });
    expect(byOwner.groups[0]!.hits.map((h) => h.where)).toEqual(['Goal ‘Grow revenue to 12 M$’ · Owner']);
  });

  it('honours case sensitivity and whole words', () => {
    expect(searchPlans([company], 'Pipeline', { caseSensitive: true }).hits).toBe(1);
    expect(searchPlans([company], 'web').hits).toBe(2);
    expect(searchPlans([company], 'web', { wholeWord: true }).hits).toBe(0);
    expect(searchPlans([company], 'webinar', { wholeWord: true }).hits).toBe(1);
  });

  it('treats the query as text, not as a pattern, and ignores a blank query', () => {
    expect(searchPlans([company], 'M$').hits).toBe(1);
    expect(searchPlans([company], '(').hits).toBe(0);
    expect(searchPlans([company], '   ')).toEqual({ groups: [], hits: 0, matches: 0, truncated: false });
  });

  it('sees a new snapshot of a plan and a new people directory at once', () => {
    expect(searchPlans([company], 'renamed goal').hits).toBe(0);
    const edited = plan('plan_company', 'Company plan', [newGoal({ id: 'goal_rev', title: 'Renamed goal', owners: ['person_ana'] })]);
    expect(searchPlans([edited], 'renamed goal').hits).toBe(1);
    expect(searchPlans([edited], 'ortiz', { people: [ana] }).hits).toBe(1);
    expect(searchPlans([edited], 'ortiz', { people: [{ ...ana, name: 'Ana Silva' }] }).hits).toBe(0);
  });

  it('stops at maxHits and says the result was cut', () => {
    const many = plan('plan_many', 'Many', Array.from({ length: 30 }, (_, i) => paragraph(`lead ${i}`)));
    const r = searchPlans([many], 'lead', { maxHits: 10 });
    expect(r).toMatchObject({ hits: 10, truncated: true });
    expect(searchPlans([many], 'lead', { maxHits: 30 }).truncated).toBe(false);
  });
});

describe('search excerpts', () => {
  it('counts every match and keeps the ranges on the matched text', () => {
    const text = 'lead scoring, lead routing and LEAD follow-up';
    const found = findMatches(text, queryPattern('lead')!);
    expect(found).toHaveLength(3);
    const shown = excerpt(text, found);
    expect(shown.ranges.map(([s, e]) => shown.excerpt.slice(s, e))).toEqual(['lead', 'lead', 'LEAD']);
  });

  it('shortens a long field around the first match, starting on a word', () => {
    const text = `${'padding words here '.repeat(20)}the needle sits here${' and more'.repeat(40)}`;
    const found = findMatches(text, queryPattern('needle')!);
    const shown = excerpt(text, found, 20, 80);
    expect(shown.excerpt.startsWith('…')).toBe(true);
    expect(shown.excerpt.endsWith('…')).toBe(true);
    expect(shown.excerpt.length).toBeLessThanOrEqual(82);
    expect(shown.excerpt.slice(1, 2)).not.toBe(' ');
    const [[s, e]] = shown.ranges as [[number, number]];
    expect(shown.excerpt.slice(s, e)).toBe('needle');
  });

  it('does not cut the first word of a field in half', () => {
    const text = 'Confirm need, budget, authority and timing in the first meeting';
    const shown = excerpt(text, findMatches(text, queryPattern('authority')!), 16);
    expect(shown.excerpt.startsWith('Confirm need')).toBe(true);
  });

  it('puts a multi-line field on one line', () => {
    const shown = excerpt('first line\nsecond line', [[11, 17]]);
    expect(shown.excerpt).toBe('first line second line');
    expect(shown.excerpt.slice(11, 17)).toBe('second');
  });
});
