/**
 * What the Explorer (and the commands behind it) does to plans: every step asks through the
 * workbench's quick pick and input box, and a refusal from the host is shown, never swallowed.
 */
import { countLinksToOtherPlans } from '../../../shared/model/planOps';
import { type PlanSummary } from '../../../shared/ipc/contract';
import { type WorkbenchApi } from '../../workbench/WorkbenchContext';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function attempt(wb: WorkbenchApi, what: string, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (err) {
    wb.notify(`Could not ${what}: ${message(err)}`, 'error');
  }
}

/** The plan a command acts on: its argument (a plan id), else the active plan. */
export function targetPlan(wb: WorkbenchApi, arg: unknown): PlanSummary | null {
  const id = typeof arg === 'string' ? arg : wb.activePlanId;
  return wb.plans.find((p) => p.id === id) ?? null;
}

/**
 * Creates a plan from a template the user picks, titled as they type. With `parent`, the plan is a
 * cascade: its top goals support that goal of another plan.
 */
export async function newPlanFromTemplate(wb: WorkbenchApi, parent?: { planId: string; goalId: string; goalTitle: string }): Promise<void> {
  if (wb.templates.length === 0) {
    wb.notify('There are no templates to start a plan from.', 'error');
    return;
  }
  const template = await wb.pick(
    wb.templates.map((t) => ({ label: t.name, description: t.description, value: t })),
    { placeholder: parent ? `Pick a template for the plan under ‘${parent.goalTitle}’` : 'Pick a template for the new plan' },
  );
  if (!template) return;
  // Let the closing quick pick hand focus back before the input box opens, or the hand-back would dismiss it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const title = await wb.prompt({ title: `New ${template.name}`, placeholder: 'Title of the plan', value: template.name });
  if (title === null) return;
  if (!title.trim()) {
    wb.notify('A plan needs a title.', 'error');
    return;
  }
  await attempt(wb, 'create the plan', async () => {
    const plan = await wb.createPlan({
      templateId: template.id,
      title: title.trim(),
      ...(parent ? { parent: { planId: parent.planId, goalId: parent.goalId } } : {}),
    });
    await wb.openPlan(plan.id);
  });
}

export async function renamePlanInteractive(wb: WorkbenchApi, plan: PlanSummary): Promise<void> {
  const title = await wb.prompt({ title: `Rename ‘${plan.title}’`, placeholder: 'New title', value: plan.title });
  if (title === null || title.trim() === plan.title) return;
  if (!title.trim()) {
    wb.notify('A plan needs a title.', 'error');
    return;
  }
  await attempt(wb, 'rename the plan', () => wb.renamePlan(plan.id, title.trim()));
}

export async function duplicatePlanInteractive(wb: WorkbenchApi, plan: PlanSummary): Promise<void> {
  // The plan as it is now (the snapshots lag behind by a debounce: a plan duplicated right after it
  // opened had none yet, and the person was not told that the copy's links were dropped).
  const source = await wb.readPlan(plan.id).catch(() => null);
  const links = source ? countLinksToOtherPlans(source) : 0;
  let done = false;
  await attempt(wb, 'duplicate the plan', async () => {
    await wb.duplicatePlan(plan.id);
    done = true;
  });
  if (done && links > 0) {
    wb.notify(`In “${plan.title} (copy)”, ${links === 1 ? 'the goal that supports a goal' : `the ${links} goals that support goals`} of another plan no longer ${links === 1 ? 'does' : 'do'}, `
      + 'so their progress is not counted twice. Link them again if the copy replaces the original.');
  }
}

/** Deletes after an explicit confirmation; dismissing the question keeps the plan. */
export async function deletePlanConfirmed(wb: WorkbenchApi, plan: PlanSummary): Promise<void> {
  const sure = await wb.pick(
    [
      { label: `Delete ‘${plan.title}’`, description: 'for everyone in this workspace', value: true },
      { label: 'Keep it', value: false },
    ],
    { placeholder: `Delete the plan ‘${plan.title}’? This cannot be undone.` },
  );
  if (!sure) return;
  await attempt(wb, 'delete the plan', () => wb.deletePlan(plan.id));
}
