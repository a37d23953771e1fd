import { renderToStaticMarkup } from 'react-dom/server';
import { GoalTreePanel } from '../../../../renderer/contrib/goalTree/GoalTreeView';
import { buildGoalTree } from '../../../../shared/derive/goalTree';
import { newGoal } from '../../../../shared/model/blocks';
import { type Person } from '../../../../shared/model/people';

const meta = (id: string, title: string) => ({ id, title, templateId: 'annual', period: '', schemaVersion: 1, createdAt: '' });
const ana: Person = { id: 'person_ana', name: 'Ana Ortiz', email: '', team: 'sales', role: '', color: '#3366cc' };

describe('goal tree rendering', () => {
  const tree = buildGoalTree([
    { meta: meta('plan_co', 'Company plan'), content: [newGoal({ id: 'goal_rev', title: 'Revenue', metricUnit: 'M$', target: 10 })] },
    { meta: meta('plan_team', 'Team plan'), content: [
      newGoal({ id: 'goal_team', title: 'Team revenue', owners: ['person_ana'], metricUnit: 'M$', target: 4, current: 2, parentId: 'goal_rev', parentPlanId: 'plan_co' }),
      newGoal({ id: 'goal_orphan', title: 'Orphan goal', parentId: 'goal_deleted' }),
    ] },
  ]);
  const html = renderToStaticMarkup(<GoalTreePanel roots={tree.roots} people={[ana]} activePlanId="plan_co" onReveal={() => {}} onCascade={() => {}} />);

  it('nests the cascade across plans with levels, progress and owners', () => {
    expect(html).toMatch(/role="treeitem" aria-label="Revenue" aria-level="1" aria-expanded="true"/);
    expect(html).toMatch(/role="treeitem" aria-label="Team revenue" aria-level="2"/);
    // 2 of the 10 M$ come from the team goal: the parent rolls up to 20%.
    expect(html).toMatch(/aria-label="Progress of Revenue"[^>]*aria-valuenow="20"/);
    expect(html).toMatch(/aria-label="Progress of Team revenue"[^>]*aria-valuenow="50"/);
    expect(html).toContain('aria-label="Ana Ortiz"');
  });

  it('names the plan where the cascade crosses into another plan, and marks a missing parent', () => {
    expect([...html.matchAll(/class="tv-plan-tag"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(['Team plan', 'Team plan']); // the team goal under the company goal, and the orphan root
    expect(html).toMatch(/aria-label="Orphan goal"[^>]*aria-description="[^"]*its parent goal no longer exists/);
    expect(html).toContain('aria-label="Parent goal missing"');
  });
});
