/**
 * @slate-yjs/core locates every local operation and every selection (for undo and shared cursors)
 * by reading the delta of the plan's top-level Y.XmlText: one entry per top-level block, rebuilt
 * three or four times per keystroke (about 30 ms per keystroke in a plan of 10,000 blocks). Typing
 * changes the text inside a block, never the top-level sequence of blocks, so the delta is kept
 * until the top level itself changes:
 * - a change to the top level (local, remote, undo) ends in a transaction whose observers run
 *   before anyone reads again, and the observer drops the cached delta;
 * - inside a transaction that has already changed the top level, reads compute afresh (the
 *   transaction's `changed` set says so synchronously), so several operations in one transaction
 *   each see the state left by the previous one.
 */
import type * as Y from 'yjs';

type DeltaEntry = { insert: unknown; attributes?: Record<string, unknown> };

const cached = new WeakSet<Y.XmlText>();

const isText = (entry: DeltaEntry): boolean => typeof entry.insert === 'string';
/** Text entries are copied on every read: slate-yjs merges adjacent text entries in place. */
const copyText = (entry: DeltaEntry): DeltaEntry => (isText(entry) ? { ...entry } : entry);

export function cacheTopLevelDelta(root: Y.XmlText): void {
  if (cached.has(root)) return;
  cached.add(root);
  const computeDelta = root.toDelta.bind(root);
  let delta: DeltaEntry[] | null = null;
  let holdsText = false;
  root.observe(() => {
    delta = null;
  });
  root.toDelta = (...args: Parameters<Y.XmlText['toDelta']>): DeltaEntry[] => {
    if (args.some((arg) => arg !== undefined)) return computeDelta(...args) as DeltaEntry[];
    if (root.doc?._transaction?.changed.has(root as unknown as Y.AbstractType<Y.YEvent<Y.XmlText>>)) return computeDelta() as DeltaEntry[];
    if (!delta) {
      delta = computeDelta() as DeltaEntry[];
      holdsText = delta.some(isText);
    }
    // Blocks are embedded XmlTexts: a plan's top level normally holds no text at all.
    return holdsText ? delta.map(copyText) : delta;
  };
}
