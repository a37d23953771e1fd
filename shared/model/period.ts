/**
 * A plan's period: what it is called ("FY2027", "Q3 FY2027") and the days it starts and ends.
 *
 * Plans keep the label and, since schema 2, the dates in their `meta`. A label alone is read the way
 * people write it, with the workspace's fiscal year: a fiscal year is named after the calendar year it
 * ends in, so with a year starting in February FY2027 runs 1 Feb 2026 – 31 Jan 2027.
 */
export type PlanPeriod = { label: string; start: string; end: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const isIsoDay = (s: unknown): s is string => typeof s === 'string' && DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** The day as YYYY-MM-DD (UTC). */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** The first day of `month` (1–12, may run past 12) of `year`, and the day before another such day. */
const firstOf = (year: number, month: number) => new Date(Date.UTC(year, month - 1, 1));
const dayBefore = (d: Date) => new Date(d.getTime() - 86_400_000);

const DAY_AND_YEAR = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const DAY_ONLY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** A day as people read it: "14 Mar 2027", or "14 Mar" without the year. */
export const formatDay = (day: string, opts: { year?: boolean } = {}): string =>
  (opts.year === false ? DAY_ONLY : DAY_AND_YEAR).format(new Date(`${day}T00:00:00Z`));

/** Whole days from `from` to `to` (YYYY-MM-DD each). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(day: string, days: number): string {
  return isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/**
 * The dates of a period label, or null when the label names none: "FY2027", "FY27", "2027",
 * "Q3 FY2027", "FY27 Q3", "Q3 2027", "H1 FY2027", "H2 2027". `fiscalYearStartMonth` 1 = January.
 */
export function periodFromLabel(label: string, fiscalYearStartMonth = 1): PlanPeriod | null {
  const text = label.trim().toUpperCase().replace(/[’']/g, '');
  const year = /(?:FY\s*-?\s*)?(\d{4}|(?<=FY\s*-?\s*)\d{2})\b/.exec(text);
  if (!year) return null;
  const fiscal = /FY/.test(text);
  const y = fullYear(year[1]!);
  if (y < 1900 || y > 2200) return null;
  const startMonth = fiscal ? Math.min(12, Math.max(1, Math.round(fiscalYearStartMonth))) : 1;
  // FY2027 ends in 2027: it starts in 2027 only when the fiscal year starts in January.
  const yearStart = firstOf(startMonth === 1 ? y : y - 1, startMonth);
  const part = /\b([QH])\s*(\d)\b/.exec(text);
  if (part && (Number(part[2]) < 1 || Number(part[2]) > 4)) return null;
  let from = yearStart;
  let months = 12;
  if (part) {
    const n = Number(part[2]);
    if (part[1] === 'H' && n > 2) return null;
    months = part[1] === 'Q' ? 3 : 6;
    from = firstOf(yearStart.getUTCFullYear(), yearStart.getUTCMonth() + 1 + (n - 1) * months);
  }
  const end = dayBefore(firstOf(from.getUTCFullYear(), from.getUTCMonth() + 1 + months));
  return { label: label.trim(), start: isoDay(from), end: isoDay(end) };
}

/**
 * The plan's period: its own dates when both are set and in order, otherwise read from its label;
 * null when neither says.
 */
export function planPeriod(meta: { period: string; periodStart?: string | null; periodEnd?: string | null }, fiscalYearStartMonth = 1): PlanPeriod | null {
  if (isIsoDay(meta.periodStart) && isIsoDay(meta.periodEnd) && meta.periodStart <= meta.periodEnd) {
    return { label: meta.period.trim(), start: meta.periodStart, end: meta.periodEnd };
  }
  return periodFromLabel(meta.period, fiscalYearStartMonth);
}
