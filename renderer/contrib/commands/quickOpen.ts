/** Quick open: every plan ("plan: …") and every goal of the workspace ("goal: …"); Enter opens or reveals it. */
import { type GoalTree } from '../../../shared/derive/goalTree';
import { progressText } from '../../../shared/derive/rollup';
import { type PlanSummary } from '../../../shared/ipc/contract';
import { type CommandContext } from '../../platform/commands';
import { goalTree } from '../../workbench/derived';

export type QuickOpenTarget = { planId: string; goalId?: string };

export type QuickOpenItem = { label: string; description: string; detail?: string; value: QuickOpenTarget };

export function quickOpenItems(plans: PlanSummary[], goalTree: GoalTree): QuickOpenItem[] {
  const planItems = [...plans]
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((p) => ({ label: `plan: ${p.title}`, description: 'Plan', value: { planId: p.id } as QuickOpenTarget }));
  const goalItems = [...goalTree.byId.values()]
    .map((n) => ({
      label: `goal: ${n.goal.title.trim() || 'Untitled goal'}`,
      description: n.planTitle,
      detail: progressText(n.progress),
      value: { planId: n.planId, goalId: n.goal.id } as QuickOpenTarget,
    }));
  return [...planItems, ...goalItems];
}

export async function quickOpen({ model, quickInput, editors }: CommandContext): Promise<void> {
  const target = await quickInput.pick(quickOpenItems(model.plans.get(), model.get(goalTree).get()), { placeholder: 'Go to a plan or goal by name' });
  if (target) editors.openPlan(target.planId, { revealBlockId: target.goalId });
}

export async function goToGoal({ model, quickInput, editors, notifications }: CommandContext): Promise<void> {
  const items = quickOpenItems([], model.get(goalTree).get());
  if (items.length === 0) {
    notifications.notify('This workspace has no goals yet. Insert one with “Insert Goal”.');
    return;
  }
  const target = await quickInput.pick(items, { placeholder: 'Go to a goal by name' });
  if (target) editors.openPlan(target.planId, { revealBlockId: target.goalId });
}
