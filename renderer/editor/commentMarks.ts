/**
 * What the plan editor shows of comments, filled by whoever reads them (the comments feature): a
 * count on each card and field (`goal:<id>`, `goal:<id>#target`), the ranges of prose that threads
 * are on (highlighted, with a count in the margin), whether this person may comment, and what a click
 * on a badge or a highlight opens. The editor only shows; it never reads the comments document.
 *
 * Ranges follow the editor's operations (typing here or a colleague's edits arriving) until the
 * feature sets them again from the anchors, so the highlight stays on its words between two readings.
 */
import { Path, Range, type BaseRange, type NodeEntry, type Operation, Text } from 'slate';
import { type BlockAnchor } from '../../shared/comments/anchors';

export type CommentCount = { open: number; resolved: number };
/** Open threads on a range of prose (a range stays inside one block). */
export type TextMark = { range: BaseRange; threadIds: readonly string[] };
/** What a click opens: a card's (or field's) threads, or the threads of a highlight. */
export type CommentOpen =
  | { kind: 'card'; key: string; anchor: BlockAnchor }
  | { kind: 'threads'; threadIds: readonly string[] }
  /** A new thread on these words (chosen in the page, so also where the text is read-only). */
  | { kind: 'text'; range: BaseRange };

/** The leaf property a highlighted piece of text carries: the open threads on it. */
export const COMMENT_LEAF = 'commentThreads';

type Indexed = TextMark & { block: string };

const blockOf = (range: BaseRange): Path => {
  const [start, end] = Range.edges(range);
  const common = Path.common(start.path, end.path);
  // A range inside one text node: decorate its element, which hands the range down to the text.
  return Path.equals(common, start.path) ? Path.parent(common) : common;
};

export class CommentMarks {
  private counts: ReadonlyMap<string, CommentCount> = new Map();
  private marks: Indexed[] = [];
  private byBlock: Map<string, Indexed[]> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly editListeners = new Set<() => void>();
  private version = 0;
  /** Whether this person may start threads (not a viewer). */
  canComment = false;
  onOpen: (what: CommentOpen) => void = () => {};
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Tells `listener` after every change of the text (where the margin's badges are may have moved). */
  readonly subscribeEdits = (listener: () => void): (() => void) => {
    this.editListeners.add(listener);
    return () => this.editListeners.delete(listener);
  };

  /** Changes whenever counts or marks are set (not when ranges only follow edits). */
  readonly getVersion = (): number => this.version;

  setCanComment(can: boolean): void {
    if (this.canComment === can) return;
    this.canComment = can;
    this.changed();
  }

  countOf = (key: string): CommentCount | undefined => this.counts.get(key);

  setCounts(counts: ReadonlyMap<string, CommentCount>): void {
    if (sameCounts(this.counts, counts)) return;
    this.counts = counts;
    this.changed();
  }

  setMarks(marks: readonly TextMark[]): void {
    const next = marks.filter((m) => !Range.isCollapsed(m.range)).map((m) => ({ ...m, block: blockOf(m.range).join(',') }));
    if (next.length === this.marks.length && next.every((m, i) => sameMark(m, this.marks[i]!))) return;
    this.marks = next;
    this.byBlock = null;
    this.changed();
  }

  textMarks(): readonly TextMark[] {
    return this.marks;
  }

  /** Moves the ranges with the editor's operations (its `onChange`); a range whose words were all deleted disappears. */
  follow(ops: readonly Operation[]): void {
    const changing = ops.filter((op) => op.type !== 'set_selection');
    if (changing.length === 0) return;
    for (const l of [...this.editListeners]) l();
    if (this.marks.length === 0) return;
    const next: Indexed[] = [];
    for (const mark of this.marks) {
      let range: BaseRange | null = mark.range;
      for (const op of changing) {
        range = Range.transform(range, op, { affinity: 'inward' });
        if (!range) break;
      }
      if (range && !Range.isCollapsed(range)) next.push({ ...mark, range, block: blockOf(range).join(',') });
    }
    this.marks = next;
    this.byBlock = null;
  }

  /** Slate's `decorate`: the marks of the element at `path`, carrying the thread ids on their leaves. */
  decorate = ([node, path]: NodeEntry): BaseRange[] => {
    if (this.marks.length === 0 || Text.isText(node)) return [];
    this.byBlock ??= groupBy(this.marks, (m) => m.block);
    const here = this.byBlock.get(path.join(','));
    return here ? here.map((m) => ({ ...m.range, [COMMENT_LEAF]: m.threadIds })) : [];
  };

  private changed(): void {
    this.version++;
    for (const l of [...this.listeners]) l();
  }
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) out.set(key(x), [...(out.get(key(x)) ?? []), x]);
  return out;
}

const sameCounts = (a: ReadonlyMap<string, CommentCount>, b: ReadonlyMap<string, CommentCount>) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k)?.open === v.open && b.get(k)?.resolved === v.resolved);

const sameMark = (a: TextMark, b: TextMark) => Range.equals(a.range, b.range) && a.threadIds.join() === b.threadIds.join();
