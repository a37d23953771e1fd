/** Publishing commands: the active plan's print view as PDF (saved on the desktop, printed from the browser) and as Word. */
import { planToPrintDocument, type PrintDocument } from '../../../shared/derive/publish/printDocument';
import { editionSnapshot } from '../../../shared/editions/editionsDoc';
import { editionCover, editionsRecords, liveCoverOf, type EditionCover } from '../../../shared/editions/planApproval';
import { type PlanSnapshot } from '../../../shared/model/planDoc';
import { sideDocId } from '../../../shared/sync/rooms';
import { type CommandContext } from '../../platform/commands';
import { downloadFile, planFileName } from '../../workbench/widgets/downloadFile';
import { printHtml } from './printHtml';

/**
 * What is published: the plan as it is now, or one of its editions as it was saved (`{ planId,
 * editionId }`), with what the cover says of its edition and sign-off — read from the plan's
 * editions document, which is held open meanwhile.
 */
async function publishedVersion(ctx: CommandContext, planId: string, editionId: string | null): Promise<{ plan: PlanSnapshot; cover: EditionCover | null }> {
  const { model } = ctx;
  const people = model.people.get();
  const teams = model.teams.get();
  const docId = sideDocId(planId, 'editions');
  const editions = model.pool.acquire(docId);
  try {
    await editions.ready;
    if (editionId) {
      const { editions: all, records } = editionsRecords(editions.doc);
      return { plan: editionSnapshot(all, editionId), cover: editionCover(records, editionId, people, teams) };
    }
    const plan = await model.readPlan(planId);
    let cover: EditionCover | null = null;
    try {
      cover = liveCoverOf(editions.doc, plan, people, teams);
    } catch (err) {
      console.warn(`the cover leaves out the sign-off: ${(err as Error).message}`); // an approved edition that cannot be rebuilt
    }
    return { plan, cover };
  } finally {
    model.pool.release(docId);
  }
}

/** The print model of the plan a command names (a plan id, or `{ planId, editionId }`), or the active plan, with the other plans for cross-plan names. */
export async function printDocumentFor(ctx: CommandContext, arg?: unknown): Promise<PrintDocument | null> {
  const { model } = ctx;
  const named = arg as { planId?: unknown; editionId?: unknown } | null;
  const planId = typeof arg === 'string' ? arg : typeof named?.planId === 'string' ? named.planId : ctx.editors.activePlanId.get();
  if (!planId) {
    ctx.notifications.notify('Open a plan to export it.', 'error');
    return null;
  }
  const { plan, cover } = await publishedVersion(ctx, planId, typeof named?.editionId === 'string' ? named.editionId : null);
  return planToPrintDocument(plan, model.people.get(), { plans: model.snapshots.get(), edition: cover });
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
