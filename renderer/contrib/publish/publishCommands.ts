/** Publishing commands: the active plan's print view as PDF (saved on the desktop, printed from the browser) and as Word. */
import { planToPrintDocument, type PrintDocument } from '../../../shared/derive/publish/printDocument';
import { type CommandContext } from '../../platform/commands';
import { downloadFile, planFileName } from '../../workbench/widgets/downloadFile';
import { printHtml } from './printHtml';

/** The print model of the plan a command names (or the active plan), with the other plans for cross-plan names. */
export async function printDocumentFor(ctx: CommandContext, arg?: unknown): Promise<PrintDocument | null> {
  const { model } = ctx;
  const planId = typeof arg === 'string' ? arg : ctx.editors.activePlanId.get();
  if (!planId) {
    ctx.notifications.notify('Open a plan to export it.', 'error');
    return null;
  }
  const plan = await model.readPlan(planId);
  return planToPrintDocument(plan, model.people.get(), { plans: model.snapshots.get() });
}

export async function exportPdf(ctx: CommandContext, arg?: unknown): Promise<void> {
  const doc = await printDocumentFor(ctx, arg);
  if (!doc) return;
  const { notifications } = ctx;
  try {
    const result = await ctx.host.publish.exportPdf({ html: printHtml(doc), fileName: planFileName(doc.title, 'pdf') });
    if (result.outcome === 'saved') notifications.notify(`Exported “${doc.title}” as ${result.path}.`);
  } catch (e) {
    notifications.notify(`Could not export “${doc.title}” as PDF: ${(e as Error).message}`, 'error');
  }
}

export async function exportWord(ctx: CommandContext, arg?: unknown): Promise<void> {
  const doc = await printDocumentFor(ctx, arg);
  if (!doc) return;
  // docx is loaded when first used, not with the workbench.
  const [{ Packer }, { wordDocument }] = await Promise.all([import('docx'), import('./wordDocument')]);
  const fileName = planFileName(doc.title, 'docx');
  downloadFile(fileName, await Packer.toBlob(wordDocument(doc)));
  ctx.notifications.notify(`Exported “${doc.title}” as ${fileName}.`);
}
