/**
 * Concurrent edits to the same field of a structured block are surfaced, not silently dropped.
 *
 * Rule: when this user changes a field (a goal's target, an action's owner, a stage cell) the change
 * is remembered until the sync server confirms it. If, before that, a change from someone else sets
 * the same field to a different value — typically when two people edited it while one was offline and
 * Yjs kept the other's value — the card shows a notice with both values and a "Restore mine" button.
 * Once the server has confirmed every local change, nothing is pending and no notice can arise.
 */
import { type Editor, Element, Node, type Operation } from 'slate';
import { YjsEditor } from '@slate-yjs/core';
import { setBlockField } from './editorCommands';
import { CLEAR_FIELD_ORIGIN } from './nullFields';

export type FieldConflict = { key: string; blockKey: string; field: string; mine: unknown; theirs: unknown; by: string };

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

/** Sets one field of the block at `path` as this user, remembering it until the server confirms it. */
export function setTrackedField(editor: Editor, conflicts: FieldConflicts, path: number[], field: string, value: unknown): void {
  const key = blockKeyOf(editor, path);
  if (key) conflicts.recordLocal(key, field, value);
  setBlockField(editor, path, field, value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class FieldConflicts {
  private pending = new Map<string, unknown>();
  private conflicts = new Map<string, FieldConflict[]>();
  private listeners = new Set<() => void>();

  constructor(private readonly whoElse: () => string) {}

  /** Call when this user sets a field. */
  recordLocal(blockKey: string, field: string, value: unknown): void {
    this.pending.set(`${blockKey}\u0000${field}`, value);
    this.dismiss(blockKey, field);
  }

  /** Call when the server has confirmed every local change. */
  allConfirmed(): void {
    this.pending.clear();
  }

  /** Watches remote set_node operations on the editor; returns the undo of the wrapping. */
  watch(editor: Editor): () => void {
    const { apply } = editor;
    editor.apply = (op: Operation) => {
      if (op.type === 'set_node' && this.pending.size > 0 && YjsEditor.isYjsEditor(editor) && !YjsEditor.isLocal(editor)
        && YjsEditor.origin(editor) !== CLEAR_FIELD_ORIGIN) {
        this.check(editor, op.path, op.newProperties as Record<string, unknown>);
      }
      apply(op);
    };
    return () => {
      editor.apply = apply;
    };
  }

  private check(editor: Editor, path: number[], props: Record<string, unknown>): void {
    let blockKey: string | null;
    try {
      blockKey = blockKeyOf(editor, path);
    } catch {
      return;
    }
    if (!blockKey) return;
    for (const [field, theirs] of Object.entries(props)) {
      const key = `${blockKey}\u0000${field}`;
      if (!this.pending.has(key)) continue;
      const mine = this.pending.get(key);
      this.pending.delete(key);
      if (same(mine, theirs ?? null)) continue;
      const list = (this.conflicts.get(blockKey) ?? []).filter((c) => c.field !== field);
      list.push({ key, blockKey, field, mine, theirs: theirs ?? null, by: this.whoElse() });
      this.conflicts.set(blockKey, list);
      this.emit();
    }
  }

  of(blockKey: string): FieldConflict[] {
    return this.conflicts.get(blockKey) ?? NONE;
  }

  dismiss(blockKey: string, field: string): void {
    const list = this.conflicts.get(blockKey);
    if (!list?.some((c) => c.field === field)) return;
    const rest = list.filter((c) => c.field !== field);
    if (rest.length > 0) this.conflicts.set(blockKey, rest);
    else this.conflicts.delete(blockKey);
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

const NONE: FieldConflict[] = [];
