/**
 * A plan's period and the settings the whole workspace shares, through the quick input:
 * "Set Plan Period…" (the status bar's period entry runs it) asks for the label ("FY2027",
 * "Q3 FY2027") and keeps the dates it reads from it with the fiscal year, or takes other dates;
 * "Workspace Settings…" sets when the fiscal year starts and after how many days without a check-in a
 * goal shows in Problems. Everyone in the workspace sees the change live.
 */
import { formatDay, isIsoDay, periodFromLabel, planPeriod } from '../../../shared/model/period';
import { readPlanMeta, setPlanPeriod } from '../../../shared/model/planDoc';
import { setWorkspaceSettings } from '../../../shared/model/workspaceDoc';
import { type CommandContext } from '../../platform/commands';

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Asks for a day until it is one (or the person gives up). */
async function askDay(ctx: CommandContext, title: string, value: string, after?: string): Promise<string | null> {
  let heading = title;
  let current = value;
  for (;;) {
    const answer = await ctx.quickInput.prompt({ title: heading, value: current, placeholder: 'YYYY-MM-DD' });
    if (answer === null) return null;
    const day = answer.trim();
    if (isIsoDay(day) && (!after || day >= after)) return day;
    current = answer;
    heading = `${title} — ${isIsoDay(day) ? `it must not be before ${after}` : 'write the day as YYYY-MM-DD, e.g. 2027-01-31'}`;
  }
}

export async function setPeriod(ctx: CommandContext, arg?: unknown): Promise<void> {
  const planId = typeof arg === 'string' ? arg : ctx.editors.activePlanId.get();
  const session = planId ? ctx.editors.sessions.get().get(planId) : undefined;
  if (!planId || !session) {
    ctx.notifications.notify('Open a plan to set its period.', 'error');
    return;
  }
  if (session.readOnly) {
    ctx.notifications.notify('Your invite lets you read this plan, not change its period.', 'error');
    return;
  }
  const meta = readPlanMeta(session.doc);
  const { fiscalYearStartMonth } = ctx.model.workspaceSettings.get();
  const label = await ctx.quickInput.prompt({
    title: `Period of “${meta.title}” (e.g. FY2027, Q3 FY2027, H1 2027)`, value: meta.period, placeholder: 'FY2027',
  });
  if (label === null || !label.trim()) return;
  const read = periodFromLabel(label, fiscalYearStartMonth);
  const now = planPeriod(meta, fiscalYearStartMonth);
  let dates: { start: string; end: string } | null = null;
  const choice = read
    ? await ctx.quickInput.pick([
      { label: `${formatDay(read.start)} – ${formatDay(read.end)}`, description: `${label.trim()}, with the fiscal year starting in ${MONTHS[fiscalYearStartMonth - 1]}`, value: 'label' as const },
      { label: 'Other dates…', description: 'a period that does not follow the fiscal year', value: 'dates' as const },
    ], { placeholder: `When does ${label.trim()} run?` })
    : 'dates' as const;
  if (choice === null) return;
  if (choice === 'dates') {
    const start = await askDay(ctx, `First day of ${label.trim()}`, now?.start ?? '');
    if (start === null) return;
    const end = await askDay(ctx, `Last day of ${label.trim()}`, now?.end && now.end >= start ? now.end : '', start);
    if (end === null) return;
    dates = { start, end };
  }
  // Dates read from the label are not stored: the label is read again should the fiscal year setting change.
  setPlanPeriod(session.doc, { label: label.trim(), start: dates?.start ?? null, end: dates?.end ?? null });
  const shown = dates ?? read!;
  ctx.notifications.notify(`“${meta.title}” runs ${formatDay(shown.start)} – ${formatDay(shown.end)} (${label.trim()}).`);
}

export async function openWorkspaceSettings(ctx: CommandContext): Promise<void> {
  const doc = ctx.model.workspaceDoc.get();
  if (!doc) {
    ctx.notifications.notify('The workspace is not loaded yet; try again in a moment.', 'error');
    return;
  }
  const s = ctx.model.workspaceSettings.get();
  const which = await ctx.quickInput.pick([
    { label: 'Fiscal year starts in…', description: MONTHS[s.fiscalYearStartMonth - 1], value: 'fiscal' as const },
    { label: 'Check-in reminder…', description: `a goal with no check-in for ${s.staleCheckInDays} days shows in Problems`, value: 'stale' as const },
    { label: 'Teams…', description: 'add or rename the organisation’s teams (People view)', value: 'teams' as const },
  ], { placeholder: 'Workspace settings (shared by everyone in the workspace)' });
  if (which === 'teams') ctx.layout.showView('people.directory');
  if (which === 'fiscal') {
    const month = await ctx.quickInput.pick(MONTHS.map((m, i) => ({ label: m, description: i + 1 === s.fiscalYearStartMonth ? 'current' : undefined, value: i + 1 })),
      { placeholder: 'The month the fiscal year starts in (FY2027 is named after the year it ends in)' });
    if (month === null) return;
    setWorkspaceSettings(doc, { fiscalYearStartMonth: month });
    ctx.notifications.notify(`The fiscal year starts in ${MONTHS[month - 1]}.`);
  }
  if (which === 'stale') {
    let heading = 'Days without a check-in before a goal shows in Problems (1–366)';
    let value = String(s.staleCheckInDays);
    for (;;) {
      const answer = await ctx.quickInput.prompt({ title: heading, value });
      if (answer === null) return;
      const days = Number(answer.trim());
      if (Number.isInteger(days) && days >= 1 && days <= 366) {
        setWorkspaceSettings(doc, { staleCheckInDays: days });
        ctx.notifications.notify(`A goal with no check-in for ${days} days now shows in Problems.`);
        return;
      }
      value = answer;
      heading = 'Days without a check-in — a whole number from 1 to 366';
    }
  }
}
