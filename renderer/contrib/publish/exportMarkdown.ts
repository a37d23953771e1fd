/**
 * Export the active plan as Markdown. The file is handed over as a Blob link, which a browser
 * downloads and the desktop app saves with its download dialog: the same code in both hosts.
 */
import { planToMarkdown } from '../../../shared/derive/markdown';
import { type CommandContext } from '../../platform/commands';
import { downloadFile, planFileName } from '../../workbench/widgets/downloadFile';

export async function exportActivePlan(ctx: CommandContext, arg?: unknown): Promise<void> {
  const { model, notifications } = ctx;
  const planId = typeof arg === 'string' ? arg : ctx.editors.activePlanId.get();
  if (!planId) {
    notifications.notify('Open a plan to export it.', 'error');
    return;
  }
  const plan = await model.readPlan(planId);
  const fileName = planFileName(plan.meta.title);
  // The other plans name (and roll up progress from) the goals this plan supports or is supported by.
  downloadFile(fileName, planToMarkdown(plan, model.people.get(), { plans: model.snapshots.get() }));
  notifications.notify(`Exported “${plan.meta.title}” as ${fileName}.`);
}
