/**
 * Export the active plan as Markdown. The file is handed over as a Blob link, which a browser
 * downloads and the desktop app saves with its download dialog: the same code in both hosts.
 */
import { planToMarkdown } from '../../../shared/derive/markdown';
import { type CommandContext } from '../../platform/commands';

/** A file name from a plan title: letters, digits, spaces, dashes; never empty. */
export function planFileName(title: string, extension = 'md'): string {
  const base = title.normalize('NFKD').replace(/[^\p{L}\p{N} _-]+/gu, '').trim().replace(/\s+/g, ' ');
  return `${base || 'plan'}.${extension}`;
}

/** Hands a file to the person: the browser downloads it, the desktop app asks where to save it. */
export function downloadFile(fileName: string, data: string | Blob, type = 'text/markdown;charset=utf-8'): void {
  const url = URL.createObjectURL(typeof data === 'string' ? new Blob([data], { type }) : data);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

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
