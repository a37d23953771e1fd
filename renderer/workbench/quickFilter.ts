/** Fuzzy filtering for the quick input (palette, quick open, pickers), with the matched characters to highlight. */
import fuzzysort from 'fuzzysort';

export type Filterable = { label: string; description?: string };
export type FilterMatch<T> = { item: T; indexes: readonly number[] };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * How the label's title (what follows a category, as in "Plan: Cascade Goal to a Team…") holds the
 * query as words: 0 when it starts with them, 1 when it has them as whole words, 2 otherwise.
 */
function wordTier(label: string, query: string): number {
  const colon = label.indexOf(': ');
  const title = colon >= 0 ? label.slice(colon + 2) : label;
  const words = new RegExp(`(^|[^\\p{L}\\p{N}])${escape(query)}($|[^\\p{L}\\p{N}])`, 'iu');
  if (!words.test(title)) return 2;
  return title.toLowerCase().startsWith(query.toLowerCase()) ? 0 : 1;
}

/**
 * Empty query: every item in its order. Otherwise the matches over label and description (a goal's
 * plan, a command's category): labels that start with the query's words first ("Cascade" → "Cascade
 * Goal to a Team…"), then labels that have them as words, then the other fuzzy matches, each best
 * first; ties keep the given order. Highlights are in the label.
 */
export function filterItems<T extends Filterable>(query: string, items: readonly T[]): FilterMatch<T>[] {
  const q = query.trim();
  if (!q) return items.map((item) => ({ item, indexes: [] }));
  const results = fuzzysort.go(q, items, { keys: ['label', (i: T) => i.description ?? ''], threshold: 0.2, limit: 200 });
  const ranked = results.map((r, order) => ({ match: { item: r.obj, indexes: r[0]?.indexes ?? [] }, tier: wordTier(r.obj.label, q), order }));
  return ranked.sort((a, b) => a.tier - b.tier || a.order - b.order).map((r) => r.match);
}

/** Splits a label into runs for rendering: [{ text, match }]. */
export function highlightRuns(label: string, indexes: readonly number[]): { text: string; match: boolean }[] {
  const set = new Set(indexes);
  const runs: { text: string; match: boolean }[] = [];
  for (let i = 0; i < label.length; i++) {
    const match = set.has(i);
    const last = runs[runs.length - 1];
    if (last && last.match === match) last.text += label[i];
    else runs.push({ text: label[i]!, match });
  }
  return runs;
}
