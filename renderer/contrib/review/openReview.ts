/**
 * "Open Plan Review": the review of the active plan's period, or the period picked from those the
 * workspace's plans are written for (or of every plan at once).
 */
import { ALL_PERIODS, reviewPeriods } from '../../../shared/derive/review';
import { type CommandContext } from '../../platform/commands';
import { REVIEW_EDITOR } from './reviewEditor';

export async function openReview(ctx: CommandContext, arg?: unknown): Promise<void> {
  const { model, editors, quickInput } = ctx;
  const snapshots = model.snapshots.get();
  const periods = reviewPeriods(snapshots, model.workspaceSettings.get().fiscalYearStartMonth);
  let period = typeof arg === 'string' ? arg : null;
  if (period === null) {
    const active = snapshots.find((s) => s.meta.id === editors.activePlanId.get())?.meta.period.trim();
    const ordered = active ? [active, ...periods.filter((p) => p !== active)] : periods;
    const count = (p: string) => snapshots.filter((s) => s.meta.period.trim() === p).length;
    const items = [
      ...ordered.map((p) => ({ label: p, description: `${count(p)} plan${count(p) === 1 ? '' : 's'}${p === active ? ' · the open plan’s period' : ''}`, value: p })),
      { label: 'All plans', description: `every plan of the workspace (${snapshots.length})`, value: ALL_PERIODS },
    ];
    period = items.length === 2 ? items[0]!.value : items.length === 1 ? ALL_PERIODS : await quickInput.pick(items, { placeholder: 'Review which period?' });
    if (period === null) return;
  }
  editors.open({ kind: REVIEW_EDITOR, id: period });
}
