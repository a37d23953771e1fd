/** Fuzzy filtering for the quick input (palette, quick open, pickers), with the matched characters to highlight. */
import fuzzysort from 'fuzzysort';

export type Filterable = { label: string; description?: string };
export type FilterMatch<T> = { item: T; indexes: readonly number[] };

/**
 * Empty query: every item in its order. Otherwise the matches over label and description (a goal's
 * plan, a command's category), best first; ties keep the given order. Highlights are in the label.
 */
export function filterItems<T extends Filterable>(query: string, items: readonly T[]): FilterMatch<T>[] {
  const q = query.trim();
  if (!q) return items.map((item) => ({ item, indexes: [] }));
  const results = fuzzysort.go(q, items, { keys: ['label', (i: T) => i.description ?? ''], threshold: 0.2, limit: 200 });
  return results.map((r) => ({ item: r.obj, indexes: r[0]?.indexes ?? [] }));
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
