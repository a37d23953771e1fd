/**
 * What the editions commands do, step by step through the quick input: save an edition, open one,
 * compare versions, restore an edition (after a confirmation, as one change that Ctrl+Z takes back).
 * A refusal (a reader's invite, a plan that is not there) is said in a notification, never swallowed.
 */
import { ReactEditor } from 'slate-react';
import { saveEdition, type Edition } from '../../../shared/editions/editionsDoc';
import { editionSignoff } from '../../../shared/editions/planApproval';
import { RESTORE_EDITION_ORIGIN, restoreEdition } from '../../../shared/editions/restoreEdition';
import { approvalLine } from '../../../shared/editions/signoff';
import { previousCyclePlanId } from '../../../shared/model/nextCycle';
import { type PlanSlateEditor } from '../../editor/createPlanEditor';
import { runCommand } from '../../platform/commands';
import { type WorkbenchServices } from '../../workbench/services/services';
import { DIFF_EDITOR, diffId, EDITION_EDITOR, planOfTab, versionId, type PlanVersion } from './editionRefs';
import { editionsOf, type PlanEditions } from './editionsModel';
import { editionWhen } from './editionWords';

export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Runs a command from a button or a menu; what goes wrong is said in a notification. */
export function runFromUi(wb: WorkbenchServices, id: string, arg?: unknown): void {
  runCommand(id, arg).catch((err: unknown) => wb.notifications.notify(errorText(err), 'error'));
}

/** A command's plan: `{ planId }` or a plan id as its argument, else the active plan. */
export function planOf(wb: WorkbenchServices, arg: unknown): string | null {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && typeof (arg as { planId?: unknown }).planId === 'string') return (arg as { planId: string }).planId;
  return wb.editors.activePlanId.get() ?? planOfTab(wb.editors.activeInput.get());
}

/** A command's edition: `{ planId, editionId }` as its argument. */
export function editionOf(arg: unknown): { planId: string; editionId: string } | null {
  const a = arg as { planId?: unknown; editionId?: unknown } | null;
  return a && typeof a === 'object' && typeof a.planId === 'string' && typeof a.editionId === 'string' ? { planId: a.planId, editionId: a.editionId } : null;
}

export const planTitle = (wb: WorkbenchServices, planId: string): string => wb.model.planTitle(planId) ?? 'the plan';

/** Lets a closing quick pick hand focus back before the next question opens (it would dismiss it otherwise). */
export const nextQuestion = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The plan's editions once its editions document has loaded; null (after saying why) when the plan is not there. */
export async function loadedEditions(wb: WorkbenchServices, planId: string): Promise<PlanEditions | null> {
  const follower = editionsOf(wb.model);
  const entry = follower.get(planId);
  if (!entry) {
    wb.notifications.notify('That plan is no longer in this workspace.', 'error');
    return null;
  }
  await entry.session.ready;
  return follower.get(planId) ?? null;
}

/** Says why this person cannot write editions or sign-offs, when they cannot. */
export function refuseReader(wb: WorkbenchServices, entry: PlanEditions, what: string): boolean {
  if (!entry.readOnly) return false;
  wb.notifications.notify(`Your invite lets you read this plan’s editions, not ${what}: only editors can.`, 'error');
  return true;
}

/** Runs `act` on the plan's live document (held open meanwhile). */
async function withPlanDoc<T>(wb: WorkbenchServices, planId: string, act: (session: ReturnType<WorkbenchServices['model']['pool']['acquire']>) => T): Promise<T> {
  const session = wb.model.pool.acquire(planId);
  try {
    await session.ready;
    return act(session);
  } finally {
    wb.model.pool.release(planId);
  }
}

/** "Save Edition…": names the plan as it is now. Returns the edition saved (null when cancelled or refused). */
export async function saveEditionInteractive(wb: WorkbenchServices, planId: string): Promise<Edition | null> {
  const entry = await loadedEditions(wb, planId);
  if (!entry || refuseReader(wb, entry, 'save them')) return null;
  const title = planTitle(wb, planId);
  const period = wb.model.snapshots.get().find((s) => s.meta.id === planId)?.meta.period.trim();
  const name = await wb.quickInput.prompt({
    title: `Save an edition of “${title}”`,
    placeholder: 'Name it, e.g. Board draft, Approved FY27',
    value: `${period || 'Edition'} v${entry.editions.length + 1}`,
  });
  if (name === null) return null;
  if (!name.trim()) {
    wb.notifications.notify('An edition needs a name.', 'error');
    return null;
  }
  try {
    const edition = await withPlanDoc(wb, planId, (plan) => saveEdition(plan.doc, entry.session.doc, { name, author: wb.user.name }));
    wb.notifications.notify(`Saved “${edition.name}”, an edition of “${title}”.`);
    return edition;
  } catch (err) {
    wb.notifications.notify(`Could not save the edition: ${errorText(err)}`, 'error');
    return null;
  }
}

type EditionPick = { planId: string; editionId: string | null };

/** Picks one of the plan's editions, newest first (and "the plan as it is now" when `current`); null when dismissed. */
export async function pickVersion(wb: WorkbenchServices, entry: PlanEditions, placeholder: string, opts: { current?: boolean; exclude?: string } = {}): Promise<EditionPick | null> {
  const people = wb.model.people.get();
  const items = [...entry.records.editions].reverse().filter((e) => e.id !== opts.exclude).map((e) => ({
    label: e.name,
    description: `${e.author} · ${editionWhen(e.createdAt)}`,
    detail: approvalLine(editionSignoff(entry.records, e.id, people, wb.model.teams.get())) ?? undefined,
    value: { planId: entry.planId, editionId: e.id } as EditionPick,
  }));
  if (opts.current) items.unshift({ label: 'The plan as it is now', description: planTitle(wb, entry.planId), detail: undefined, value: { planId: entry.planId, editionId: null } });
  if (items.length === 0) {
    wb.notifications.notify(`“${planTitle(wb, entry.planId)}” has no editions yet: Save Edition… names the plan as it is now.`, 'error');
    return null;
  }
  return wb.quickInput.pick(items, { placeholder });
}

export function openEdition(wb: WorkbenchServices, v: { planId: string; editionId: string }): void {
  wb.editors.open({ kind: EDITION_EDITOR, id: versionId(v) });
}

export function openDiff(wb: WorkbenchServices, before: PlanVersion, after: PlanVersion): void {
  wb.editors.open({ kind: DIFF_EDITOR, id: diffId({ before, after }) });
}

/** "Compare with Edition…": an edition (the argument's, or one picked) beside the plan as it is now. */
export async function compareWithEdition(wb: WorkbenchServices, arg: unknown): Promise<void> {
  const given = editionOf(arg);
  if (given) return openDiff(wb, given, { planId: given.planId, editionId: null });
  const planId = planOf(wb, arg);
  const entry = planId ? await loadedEditions(wb, planId) : null;
  if (!entry) return;
  const picked = await pickVersion(wb, entry, `Compare “${planTitle(wb, entry.planId)}” as it is now with…`);
  if (picked?.editionId) openDiff(wb, picked, { planId: picked.planId, editionId: null });
}

/** "Compare Two Editions…": any two versions of the plan, older on the left; `{ planId, before, after }` (edition ids) names them. */
export async function compareEditions(wb: WorkbenchServices, arg: unknown): Promise<void> {
  const pair = arg as { planId?: unknown; before?: unknown; after?: unknown } | null;
  if (pair && typeof pair.planId === 'string' && typeof pair.before === 'string' && typeof pair.after === 'string') {
    return openDiff(wb, { planId: pair.planId, editionId: pair.before }, { planId: pair.planId, editionId: pair.after });
  }
  const planId = planOf(wb, arg);
  const entry = planId ? await loadedEditions(wb, planId) : null;
  if (!entry) return;
  const first = editionOf(arg) ?? await pickVersion(wb, entry, 'Compare which edition…');
  if (!first) return;
  await nextQuestion();
  const second = await pickVersion(wb, entry, `…with which version? (the first is “${entry.records.editions.find((e) => e.id === first.editionId)?.name}”)`, { current: true, exclude: first.editionId ?? undefined });
  if (!second) return;
  const order = (v: EditionPick) => (v.editionId ? entry.records.editions.findIndex((e) => e.id === v.editionId) : Infinity);
  const [before, after] = order(first) <= order(second) ? [first, second] : [second, first];
  openDiff(wb, before, after);
}

/** "Compare with Previous Cycle": last cycle's plan beside this one, goal by goal. */
export async function comparePreviousCycle(wb: WorkbenchServices, arg: unknown): Promise<void> {
  const planId = planOf(wb, arg);
  // A plan made a moment ago may not have its first snapshot yet: read it.
  const snapshot = planId ? (wb.model.snapshots.get().find((s) => s.meta.id === planId) ?? await wb.model.readPlan(planId).catch(() => null)) : null;
  if (!planId || !snapshot) {
    wb.notifications.notify('Open a plan to compare it with its previous cycle.', 'error');
    return;
  }
  const previous = previousCyclePlanId(snapshot);
  if (!previous || !wb.model.planTitle(previous)) {
    wb.notifications.notify(`“${snapshot.meta.title}” does not continue a plan of this workspace. Start Next Cycle… on last cycle’s plan makes one that does.`, 'error');
    return;
  }
  openDiff(wb, { planId: previous, editionId: null }, { planId, editionId: null });
}

/** Resolves with the plan's editor once it is on screen in the active group (the plan was just opened). */
function planEditorShown(wb: WorkbenchServices, planId: string, timeoutMs = 10_000): Promise<PlanSlateEditor> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const editor = wb.editors.activePlanId.get() === planId ? wb.editors.activeEditor.get() : null;
      if (!editor) return false;
      off();
      clearTimeout(timer);
      resolve(editor);
      return true;
    };
    const off = wb.editors.activeEditor.subscribe(check);
    const timer = setTimeout(() => {
      off();
      reject(new Error('the plan did not open'));
    }, timeoutMs);
    check();
  });
}

/**
 * "Restore This Edition…": after a confirmation, the plan becomes as it was in the edition, as one
 * new change everyone receives. The plan is opened first, so that its editor's undo (Ctrl+Z) takes
 * the restore back.
 */
export async function restoreInteractive(wb: WorkbenchServices, arg: unknown): Promise<void> {
  const planId = planOf(wb, arg);
  const entry = planId ? await loadedEditions(wb, planId) : null;
  if (!entry) return;
  const target = editionOf(arg) ?? await pickVersion(wb, entry, 'Restore which edition?');
  if (!target?.editionId) return;
  const edition = entry.records.editions.find((e) => e.id === target.editionId);
  if (!edition) return;
  const title = planTitle(wb, entry.planId);
  if (!editionOf(arg)) await nextQuestion();
  const sure = await wb.quickInput.pick(
    [
      { label: `Restore “${edition.name}”`, description: 'a new change everyone receives; Undo takes it back', value: true },
      { label: 'Keep the plan as it is', value: false },
    ],
    { placeholder: `Make “${title}” as it was in “${edition.name}” (${editionWhen(edition.createdAt)})?` },
  );
  if (!sure) return;
  try {
    wb.editors.openPlan(entry.planId);
    const editor = await planEditorShown(wb, entry.planId);
    const session = wb.editors.sessions.get().get(entry.planId);
    if (!session || session.readOnly) throw new Error('your invite lets you read this plan, not change it');
    editor.undoManager.stopCapturing();
    const { changes } = restoreEdition(session.doc, entry.editions, edition.id, RESTORE_EDITION_ORIGIN);
    editor.undoManager.stopCapturing();
    ReactEditor.focus(editor);
    wb.notifications.notify(changes === 0
      ? `“${title}” is already as it was in “${edition.name}”.`
      : `Restored “${edition.name}”: everyone now sees “${title}” as it was then. Undo (Ctrl+Z) takes it back.`);
  } catch (err) {
    wb.notifications.notify(`Could not restore “${edition.name}”: ${errorText(err)}`, 'error');
  }
}
