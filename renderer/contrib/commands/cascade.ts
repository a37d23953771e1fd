/**
 * Cascade a goal to a team: pick a goal (company goals first), name the team's plan, and get a new
 * plan from the team cascade template whose top goals support the picked one and belong to the team. The plan opens.
 */
import { type GoalNode } from '../../../shared/derive/goalTree';
import { type Team } from '../../../shared/model/teams';
import { TEMPLATE_IDS } from '../../../shared/templates/templateIds';
import { type CommandContext } from '../../platform/commands';
import { goalTree } from '../../workbench/derived';


/** Goals in cascade order: roots (company goals) first, then deeper levels, each level in tree order. */
export function cascadeCandidates(roots: GoalNode[]): GoalNode[] {
  const out: GoalNode[] = [];
  let level = roots;
  while (level.length) {
    out.push(...level);
    level = level.flatMap((n) => n.children);
  }
  return out;
}

export async function cascadeGoal(ctx: CommandContext, arg?: unknown): Promise<void> {
  const { quickInput, notifications, model } = ctx;
  const tree = model.get(goalTree).get();
  const candidates = cascadeCandidates(tree.roots);
  let goal = typeof arg === 'string' ? tree.byId.get(arg) ?? null : null;
  if (!goal) {
    if (candidates.length === 0) {
      notifications.notify('There is no goal to cascade yet: write the company goals first.', 'error');
      return;
    }
    goal = await quickInput.pick(
      candidates.map((n) => ({
        label: n.goal.title.trim() || 'Untitled goal',
        description: n.depth === 0 ? `Company goal · ${n.planTitle}` : `${n.planTitle}`,
        value: n,
      })),
      { placeholder: 'Which goal does the team’s plan support?' },
    );
    if (!goal) return;
  }
  const team = await quickInput.pick<Team>(model.teams.get().map((t) => ({ label: t.name, value: t })), { placeholder: 'Which team is it for?' });
  if (!team) return;
  const title = await quickInput.prompt({
    title: 'Title of the team plan',
    value: `${team.name} — ${goal.goal.title.trim() || 'team plan'}`,
  });
  if (!title?.trim()) return;
  if (!ctx.templates.some((t) => t.id === TEMPLATE_IDS.teamCascadePlan)) {
    notifications.notify('The team cascade template is missing from this installation.', 'error');
    return;
  }
  const plan = await model.createPlan({ templateId: TEMPLATE_IDS.teamCascadePlan, title: title.trim(), parent: { planId: goal.planId, goalId: goal.goal.id, team: team.id } });
  ctx.editors.openPlan(plan.id);
}
