/** Small plan snapshots for the derivation tests. */
import { type CheckIn } from '../../../shared/model/checkIns';
import { type PlanContent } from '../../../shared/model/elements';
import { type PlanSnapshot } from '../../../shared/model/planDoc';
import { type Person } from '../../../shared/model/people';

export function plan(id: string, content: PlanContent, extra: { title?: string; templateId?: string } = {}): PlanSnapshot {
  return {
    meta: { id, title: extra.title ?? `Plan ${id}`, templateId: extra.templateId ?? 'annual-joint-plan', period: 'FY27', schemaVersion: 1, createdAt: '2026-01-01T00:00:00.000Z' },
    content,
  };
}

export const ana: Person = { id: 'person_ana', name: 'Ana Ruiz', email: 'ana@example.com', team: 'sales', role: 'VP Sales', color: '#3366cc' };
export const ben: Person = { id: 'person_ben', name: 'Ben Okafor', email: 'ben@example.com', team: 'marketing', role: 'CMO', color: '#cc6633' };

/** A block as a live editor may hold it: Slate drops a property set to null, so these fields are absent. */
export function withoutFields<T extends object>(el: T, ...keys: (keyof T)[]): T {
  const copy: Partial<T> = { ...el };
  for (const key of keys) delete copy[key];
  return copy as T;
}

let seq = 0;
/** A check-in of the card's form, recorded at 9:00 on its day. */
export const checkIn = (goalId: string, date: string, value: number | null, extra: Partial<CheckIn> = {}): CheckIn => ({
  id: `checkin_${String(++seq).padStart(4, '0')}`, goalId, value, status: 'on-track', confidence: null, note: '', date,
  at: `${date}T09:00:00.000Z`, author: 'Ana', source: 'card', ...extra,
});
