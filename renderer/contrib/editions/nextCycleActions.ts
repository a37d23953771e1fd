/** "Start Next Cycle…": next period's plan made from this one (asks the period, then the title), opened at once. */
import { suggestNextPeriod, suggestNextTitle } from '../../../shared/model/nextCycle';
import { type WorkbenchServices } from '../../workbench/services/services';
import { comparePreviousCycle, errorText, nextQuestion, planOf } from './editionActions';

export async function startNextCycleInteractive(wb: WorkbenchServices, arg: unknown): Promise<void> {
  const planId = planOf(wb, arg);
  if (!planId) {
    wb.notifications.notify('Open the plan whose next cycle you want to start.', 'error');
    return;
  }
  let source;
  try {
    source = await wb.model.readPlan(planId);
  } catch (err) {
    wb.notifications.notify(`Could not read the plan: ${errorText(err)}`, 'error');
    return;
  }
  const { title, period } = source.meta;
  const nextPeriod = await wb.quickInput.prompt({
    title: `Start the next cycle of “${title}”: its period`,
    placeholder: 'e.g. FY28, Q1 FY28, H2 2027',
    value: suggestNextPeriod(period) || period,
  });
  if (nextPeriod === null) return;
  if (!nextPeriod.trim()) {
    wb.notifications.notify('The next cycle needs a period.', 'error');
    return;
  }
  await nextQuestion();
  const nextTitle = await wb.quickInput.prompt({
    title: `Title of the ${nextPeriod.trim()} plan`,
    placeholder: 'Title of the new plan',
    value: suggestNextTitle(title, period, nextPeriod),
  });
  if (nextTitle === null) return;
  if (!nextTitle.trim()) {
    wb.notifications.notify('A plan needs a title.', 'error');
    return;
  }
  try {
    const plan = await wb.model.startNextCycle({ planId, title: nextTitle.trim(), period: nextPeriod.trim() });
    wb.editors.openPlan(plan.id);
    const told = wb.notifications.notify(
      `Started “${plan.title}” from “${title}”: goals keep their owners and targets, each starts from last cycle’s value, and check-ins and done actions start over.`,
      'info',
      { actions: [{ label: 'Compare with Previous Cycle', run: () => { wb.notifications.dismiss(told); return comparePreviousCycle(wb, plan.id); } }] },
    );
  } catch (err) {
    wb.notifications.notify(`Could not start the next cycle: ${errorText(err)}`, 'error');
  }
}
