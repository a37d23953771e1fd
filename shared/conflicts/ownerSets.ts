/**
 * Owners merge as a set (an observed-remove set over the field's history). Every write of `owners`
 * is a node whose parents are the write its author saw and, for a merge, the write it merged in. An
 * owner is in the merged list when some write added it (it is in that write and in none of its
 * parents) and no write that had seen that addition removed it. So two people adding different owners
 * offline both keep theirs, and a removal removes only what its author had seen.
 */
export type SetWrite = { known: boolean; value: unknown; parent: string | null };
/** Every write of one set field, by `<client>:<clock>`. */
export type SetHistory = Map<string, SetWrite>;

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * The list after merging the write `loser` (which lost a race) into the field's current write
 * `winner`; null when part of the history needed is no longer known (then the person is asked).
 */
export function mergeSetWrite(history: SetHistory, loser: string, winner: string, mergedFrom: (write: string) => string | undefined): string[] | null {
  const parentsOf = (id: string): string[] | null => {
    const w = history.get(id);
    if (!w) return null;
    const merged = mergedFrom(id);
    return [w.parent, merged].filter((p): p is string => typeof p === 'string');
  };
  const ancestry = new Map<string, Set<string>>();
  /** The write and every write it descends from. */
  const lineOf = (id: string): Set<string> | null => {
    const known = ancestry.get(id);
    if (known) return known;
    const line = new Set<string>([id]);
    const stack = [id];
    while (stack.length > 0) {
      const parents = parentsOf(stack.pop()!);
      if (!parents) return null;
      for (const p of parents) if (!line.has(p)) {
        line.add(p);
        stack.push(p);
      }
    }
    ancestry.set(id, line);
    return line;
  };
  const loserLine = lineOf(loser);
  const winnerLine = lineOf(winner);
  if (!loserLine || !winnerLine) return null;
  const nodes = [...new Set([...winnerLine, ...loserLine])];
  if (nodes.some((id) => !history.get(id)!.known)) return null;
  const valueOf = (id: string) => list(history.get(id)!.value);
  const adds: { at: string; owner: string }[] = [];
  const removals: { at: string; owner: string }[] = [];
  for (const id of nodes) {
    const now = new Set(valueOf(id));
    const before = new Set(parentsOf(id)!.flatMap(valueOf));
    for (const o of now) if (!before.has(o)) adds.push({ at: id, owner: o });
    for (const o of before) if (!now.has(o)) removals.push({ at: id, owner: o });
  }
  const present = (owner: string) => adds.some((a) => a.owner === owner
    && !removals.some((r) => r.owner === owner && lineOf(r.at)!.has(a.at)));
  const merged = valueOf(winner).filter(present);
  for (const a of adds) if (!merged.includes(a.owner) && present(a.owner)) merged.push(a.owner);
  return merged;
}
