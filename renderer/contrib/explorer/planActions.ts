/**
 * What the Explorer (and the commands behind it) does to plans: every step asks through the
 * workbench's quick pick and input box, and a refusal from the host is shown, never swallowed.
 */
import { countLinksToOtherPlans } from '../../../shared/model/planOps';
import { type PlanSummary } from '../../../shared/ipc/contract';
import { type WorkbenchServices } from '../../workbench/services/services';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Where a new plan cascades from: a goal of another plan that its top goals support. */
export type PlanParent = { planId: string; goalId: string; goalTitle: string };

async function attempt(wb: WorkbenchServices, what: string, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (err) {
    wb.notifications.notify(`Could not ${what}: ${message(err)}`, 'error');
  }
}

/** The plan a command acts on: its argument (a plan id), else the active plan. */
export function targetPlan(wb: WorkbenchServices, arg: unknown): PlanSummary | null {
  const id = typeof arg === 'string' ? arg : wb.editors.activePlanId.get();
  return wb.model.plans.get().find((p) => p.id === id) ?? null;
}

/**
 * Creates a plan from a template the user picks, titled as they type. With `parent`, the plan is a
 * cascade: its top goals support that goal of another plan.
 */
export async function newPlanFromTemplate(wb: WorkbenchServices, parent?: PlanParent): Promise<void> {
  const { quickInput, notifications } = wb;
  if (wb.templates.length === 0) {
    notifications.notify('There are no templates to start a plan from.', 'error');
    return;
  }
  const template = await quickInput.pick(
    wb.templates.map((t) => ({ label: t.name, description: t.description, value: t })),
    { placeholder: parent ? `Pick a template for the plan under ‘${parent.goalTitle}’` : 'Pick a template for the new plan' },
  );
  if (!template) return;
  // Let the closing quick pick hand focus back before the input box opens, or the hand-back would dismiss it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const title = await quickInput.prompt({ title: `New ${template.name}`, placeholder: 'Title of the plan', value: template.name });
  if (title === null) return;
  if (!title.trim()) {
    notifications.notify('A plan needs a title.', 'error');
    return;
  }
  await attempt(wb, 'create the plan', async () => {
    const plan = await wb.model.createPlan({
      templateId: template.id,
      title: title.trim(),
      ...(parent ? { parent: { planId: parent.planId, goalId: parent.goalId } } : {}),
    });
    wb.editors.openPlan(plan.id);
  });
}

export async function renamePlanInteractive(wb: WorkbenchServices, plan: PlanSummary): Promise<void> {
  const title = await wb.quickInput.prompt({ title: `Rename ‘${plan.title}’`, placeholder: 'New title', value: plan.title });
  if (title === null || title.trim() === plan.title) return;
  if (!title.trim()) {
    wb.notifications.notify('A plan needs a title.', 'error');
    return;
  }
  await attempt(wb, 'rename the plan', () => wb.model.renamePlan(plan.id, title.trim()));
}

export async function duplicatePlanInteractive(wb: WorkbenchServices, plan: PlanSummary): Promise<void> {
  // The plan as it is now (the snapshots lag behind by a debounce: a plan duplicated right after it
  // opened had none yet, and the person was not told that the copy's links were dropped).
  const source = await wb.model.readPlan(plan.id).catch(() => null);
  const links = source ? countLinksToOtherPlans(source) : 0;
  let done = false;
  await attempt(wb, 'duplicate the plan', async () => {
    const copy = await wb.model.duplicatePlan(plan.id);
    wb.editors.openPlan(copy.id);
    done = true;
  });
  if (done && links > 0) {
    wb.notifications.notify(`In “${plan.title} (copy)”, ${links === 1 ? 'the goal that supports a goal' : `the ${links} goals that support goals`} of another plan no longer ${links === 1 ? 'does' : 'do'}, `
      + 'so their progress is not counted twice. Link them again if the copy replaces the original.');
  }
}

/** Deletes after an explicit confirmation; dismissing the question keeps the plan. */
export async function deletePlanConfirmed(wb: WorkbenchServices, plan: PlanSummary): Promise<void> {
  const sure = await wb.quickInput.pick(
    [
      { label: `Delete ‘${plan.title}’`, description: 'for everyone in this workspace', value: true },
      { label: 'Keep it', value: false },
    ],
    { placeholder: `Delete the plan ‘${plan.title}’? This cannot be undone.` },
  );
  if (!sure) return;
  await attempt(wb, 'delete the plan', () => wb.model.deletePlan(plan.id));
}
