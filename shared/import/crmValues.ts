/**
 * Dates and numbers as CRM exports write them. Salesforce writes dates in the exporting user's locale
 * (3/14/2027 in the US, 14/03/2027 in the UK, 14.03.2027 in Germany) and amounts as plain numbers or,
 * with several currencies, "USD 125,000.00"; HubSpot writes "2027-03-14 16:20" (or just the day) and
 * plain numbers; monthly reports write the month ("2027-03", "Mar 2027"), read as its last day. A column's dates are read all one way: day-first when any of them can only be read
 * day-first, month-first otherwise (the US default), ISO always.
 */

export type DateOrder = 'month-first' | 'day-first';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[AP]M)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?)?$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NAMED = /^(?:(\d{1,2})\s+([a-z]{3,9})\.?|([a-z]{3,9})\.?\s+(\d{1,2}),?)\s+(\d{4})$/i;
/** A month of a monthly report ("2027-03", "Mar 2027", "March 2027"): as of its last day. */
const MONTH_ONLY = /^(?:(\d{4})-(\d{1,2})|([a-z]{3,9})\.?\s+(\d{4}))$/i;

const pad = (n: number) => String(n).padStart(2, '0');

function day(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Which way a column's slashed dates are written (null when none are slashed). */
export function dateOrderOf(values: readonly string[]): DateOrder | null {
  let seen = false;
  for (const v of values) {
    const m = SLASHED.exec(v.trim());
    if (!m) continue;
    seen = true;
    if (Number(m[1]) > 12) return 'day-first';
  }
  return seen ? 'month-first' : null;
}

/** A CRM date as YYYY-MM-DD, or null when it is not a date. */
export function parseCrmDate(text: string, order: DateOrder = 'month-first'): string | null {
  const t = text.trim();
  let m = ISO.exec(t);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  m = SLASHED.exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return order === 'day-first' ? day(y, b, a) : day(y, a, b);
  }
  m = MONTH_ONLY.exec(t);
  if (m) {
    const y = Number(m[1] ?? m[4]);
    const month = m[2] ? Number(m[2]) : MONTHS.indexOf(m[3]!.slice(0, 3).toLowerCase()) + 1;
    if (month < 1 || month > 12) return null;
    return day(y, month, new Date(Date.UTC(y, month, 0)).getUTCDate());
  }
  m = NAMED.exec(t);
  if (m) {
    const month = MONTHS.indexOf((m[2] ?? m[3])!.slice(0, 3).toLowerCase()) + 1;
    return month > 0 ? day(Number(m[5]), month, Number(m[1] ?? m[4])) : null;
  }
  return null;
}

/**
 * A CRM number, or null when it is not one: "125000", "125,000.00", "USD 125,000.00", "$1.2M" is not
 * (abbreviations are refused rather than guessed), "(1,200)" is −1200, "25%" is 25, "1.250.000,50"
 * and "1 250 000,50" (European) are read as such.
 */
export function parseCrmNumber(text: string): number | null {
  let t = text.trim().replace(/\u00a0/g, ' ');
  if (t === '') return null;
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  t = t.replace(/^[A-Z]{3}\s+/, '').replace(/\s+[A-Z]{3}$/, '').replace(/^[$€£¥]\s*/, '').replace(/\s*[$€£¥]$/, '').replace(/%$/, '').trim();
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1).trim();
  }
  let normal: string;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) || /^\d+(\.\d+)?$/.test(t)) normal = t.replace(/,/g, '');
  else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) || /^\d{1,3}( \d{3})+(,\d+)?$/.test(t) || /^\d+,\d+$/.test(t)) normal = t.replace(/[ .]/g, '').replace(',', '.');
  else return null;
  const n = Number(normal);
  return Number.isFinite(n) ? (negative ? -n : n) : null;
}
