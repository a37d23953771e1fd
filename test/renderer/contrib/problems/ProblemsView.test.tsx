import { renderToStaticMarkup } from 'react-dom/server';
import { PROBLEMS_SHOWN_PER_PLAN, ProblemsList } from '../../../../renderer/contrib/problems/ProblemsView';
import { type Problem } from '../../../../shared/derive/problems';

const problem = (planId: string, severity: Problem['severity'], message: string): Problem =>
  ({ code: 'goal-without-owner', severity, message, planId, planTitle: `Plan ${planId}`, blockId: 'goal_1', path: [0] });

describe('Problems panel rendering', () => {
  it('shows the counts, one group per plan and each problem with its severity', () => {
    const html = renderToStaticMarkup(<ProblemsList
      problems={[problem('a', 'warning', 'Who owns it?'), problem('b', 'error', 'Parent gone'), problem('a', 'info', 'Targets exceed')]}
      onReveal={() => {}}
    />);
    expect(html).toContain('role="status" aria-label="1 error, 1 warning, 1 note"');
    expect(html).toContain('aria-label="Plan a, 2 problems"');
    expect(html).toContain('aria-label="Plan b, 1 problem"');
    expect(html).toContain('aria-label="Warning: Who owns it?"');
    expect(html).toContain('aria-label="Error: Parent gone"');
    expect(html.indexOf('Who owns it?')).toBeLessThan(html.indexOf('Targets exceed'));
  });

  it('lists the first problems of a huge plan and offers the rest, most severe first', () => {
    const many = Array.from({ length: PROBLEMS_SHOWN_PER_PLAN + 50 }, (_, i) => problem('a', 'warning', `Warning ${i}`));
    many.push(problem('a', 'error', 'The one error'));
    const html = renderToStaticMarkup(<ProblemsList problems={many} onReveal={() => {}} />);
    expect(html.match(/<li id="problems-a_\d+" role="treeitem" aria-label="[^"]+" aria-level="2"/g)).toHaveLength(PROBLEMS_SHOWN_PER_PLAN);
    expect(html).toContain('aria-label="Error: The one error"');
    expect(html).toContain('Show 51 more');
    expect(html).toContain('aria-label="Plan a, 151 problems"');
  });

  it('says so when there is nothing to fix', () => {
    const html = renderToStaticMarkup(<ProblemsList problems={[]} onReveal={() => {}} />);
    expect(html).toContain('aria-label="No problems"');
    expect(html).toContain('No problems have been found');
  });
});
