/**
 * The conflict notices of the open plan: values of this device that a concurrent change replaced
 * (found and recorded in the plan document by shared/conflicts/watchConflicts.ts, whenever the change
 * arrives), until the person restores theirs, keeps the other, or sets the field again.
 */
import type * as Y from 'yjs';
import { type Editor, Element, Node } from 'slate';
import { conflictMap, openConflicts, settleConflict, writerOf } from '../../shared/conflicts/conflictRecords';
import { setBlockField } from './editorCommands';

export type FieldConflict = { key: string; blockKey: string; field: string; mine: unknown; theirs: unknown; by: string; at: string };

/** The key a card uses for its fields: a goal's or action's id, a stage's matrix id and stage. */
export function blockKeyOf(editor: Editor, path: number[]): string | null {
  const node = Node.get(editor, path);
  if (!Element.isElement(node)) return null;
  if (node.type === 'goal' || node.type === 'action') return node.id;
  if (node.type === 'stage' && path.length > 1) {
    const matrix = Node.get(editor, path.slice(0, -1));
    if (Element.isElement(matrix) && matrix.type === 'stage-matrix') return `${matrix.id}:${node.stage}`;
  }
  return null;
}

/** Sets one field of the block at `path` as this user; an open conflict of that field is settled by it. */
export function setTrackedField(editor: Editor, conflicts: FieldConflicts, path: number[], field: string, value: unknown): void {
  const key = blockKeyOf(editor, path);
  setBlockField(editor, path, field, value);
  if (key) conflicts.settleField(key, field, value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const NONE: FieldConflict[] = [];

export class FieldConflicts {
  private byBlock = new Map<string, FieldConflict[]>();
  private listeners = new Set<() => void>();
  private readonly onChange = () => {
    this.read();
    for (const l of this.listeners) l();
  };

  constructor(private readonly doc: Y.Doc, private readonly device: string) {
    this.read();
  }

  private read(): void {
    const next = new Map<string, FieldConflict[]>();
    for (const r of openConflicts(this.doc, this.device)) {
      const list = next.get(r.block) ?? [];
      list.push({ key: r.id, blockKey: r.block, field: r.field, mine: r.mine, theirs: r.theirs, at: r.at, by: writerOf(this.doc, r.byClient)?.name ?? 'A colleague' });
      next.set(r.block, list);
    }
    // Unchanged blocks keep their array, so their cards do not re-render.
    for (const [block, list] of next) {
      const prev = this.byBlock.get(block);
      if (prev && JSON.stringify(prev) === JSON.stringify(list)) next.set(block, prev);
    }
    this.byBlock = next;
  }

  of(blockKey: string): FieldConflict[] {
    if (this.listeners.size === 0) this.read(); // nobody is told of changes: read them now
    return this.byBlock.get(blockKey) ?? NONE;
  }

  /** "Keep theirs". */
  keepTheirs(c: FieldConflict): void {
    settleConflict(this.doc, c.key, 'kept');
  }

  /** The person set the field: their conflicts on it are settled (restored when they set their value back). */
  settleField(blockKey: string, field: string, value: unknown): void {
    for (const c of this.of(blockKey)) if (c.field === field) settleConflict(this.doc, c.key, same(value, c.mine) ? 'restored' : 'kept');
  }

  subscribe(listener: () => void): () => void {
    if (this.listeners.size === 0) {
      this.read();
      conflictMap(this.doc).observe(this.onChange);
    }
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) conflictMap(this.doc).unobserve(this.onChange);
    };
  }
}
