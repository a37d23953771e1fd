/** Explorer: the plans view and the plan commands (palette, menus and the desktop's native menu use these ids). */
import { registerCommand } from '../../platform/commands';
import { registerView } from '../../workbench/views';
import { ExplorerView } from './ExplorerView';
import { deletePlanConfirmed, duplicatePlanInteractive, newPlanFromTemplate, renamePlanInteractive, targetPlan } from './planActions';

registerView({ id: 'explorer.plans', title: 'Plans', container: 'explorer', order: 10, component: ExplorerView });

registerCommand({
  id: 'plan.new', title: 'New Plan from Template…', category: 'Plan',
  when: ({ workbench }) => workbench.workspace !== null,
  run: ({ workbench }) => newPlanFromTemplate(workbench),
});

const onPlan = (id: string, title: string, act: typeof renamePlanInteractive) => registerCommand({
  id, title, category: 'Plan',
  when: ({ workbench }) => workbench.activePlanId !== null,
  run: async ({ workbench }, arg) => {
    const plan = targetPlan(workbench, arg);
    if (plan) await act(workbench, plan);
    else workbench.notify('Open a plan first, or pick one in the Explorer.', 'error');
  },
});
onPlan('plan.rename', 'Rename Plan…', renamePlanInteractive);
onPlan('plan.duplicate', 'Duplicate Plan', duplicatePlanInteractive);
onPlan('plan.delete', 'Delete Plan…', deletePlanConfirmed);
