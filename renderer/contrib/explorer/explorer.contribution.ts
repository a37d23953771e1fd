/** Explorer: the plans view and the plan commands (palette, menus and the desktop's native menu use these ids). */
import { registerCommand } from '../../platform/commands';
import { registerView } from '../../workbench/views';
import { ExplorerView } from './ExplorerView';
import { deletePlanConfirmed, duplicatePlanInteractive, newPlanFromTemplate, renamePlanInteractive, targetPlan, type PlanParent } from './planActions';

registerView({ id: 'explorer.plans', title: 'Plans', container: 'explorer', order: 10, component: ExplorerView });

const isParent = (arg: unknown): arg is PlanParent =>
  typeof arg === 'object' && arg !== null && ['planId', 'goalId', 'goalTitle'].every((k) => typeof (arg as Record<string, unknown>)[k] === 'string');

/** With a goal as its argument ({ planId, goalId, goalTitle }), the new plan's top goals support that goal. */
registerCommand({
  id: 'plan.new',
  run: (wb, arg) => newPlanFromTemplate(wb, isParent(arg) ? arg : undefined),
});

const onPlan = (id: string, act: typeof renamePlanInteractive) => registerCommand({
  id,
  when: ({ editors }) => editors.activePlanId.get() !== null,
  run: async (wb, arg) => {
    const plan = targetPlan(wb, arg);
    if (plan) await act(wb, plan);
    else wb.notifications.notify('Open a plan first, or pick one in the Explorer.', 'error');
  },
});
onPlan('plan.rename', renamePlanInteractive);
onPlan('plan.duplicate', duplicatePlanInteractive);
onPlan('plan.delete', deletePlanConfirmed);
