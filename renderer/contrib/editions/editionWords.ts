/** How the editions feature writes times and counts for people. */
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const DAY_YEAR = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

const sameDay = (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** "today 14:05", "yesterday 09:12", "3 Dec 14:05", "3 Dec 2025" (an ISO time, in this computer's time zone). */
export function editionWhen(iso: string, now: Date = new Date()): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (sameDay(t, now)) return `today ${TIME.format(t)}`;
  if (sameDay(t, yesterday)) return `yesterday ${TIME.format(t)}`;
  if (t.getFullYear() === now.getFullYear()) return `${DAY.format(t)} ${TIME.format(t)}`;
  return DAY_YEAR.format(t);
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "Ana", "Ana and Marc", "Ana, Sam and Marc". */
export function joinNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
