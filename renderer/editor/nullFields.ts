/**
 * Slate stores a property set to null as an absent property (and slate-yjs removes the Yjs
 * attribute). The plan model says "null" — no target, no owner — so a field cleared in a card is
 * written to the Y.Doc as an explicit null, straight on the block's Yjs attribute, under an origin the
 * editor's undo manager tracks; the editor receives it like any change and stays in step.
 */
import * as Y from 'yjs';
import { type Descendant, Element } from 'slate';
import { YjsEditor } from '@slate-yjs/core';
import { newGoal } from '../../shared/model/blocks';
import { type GoalElement } from '../../shared/model/elements';

export const CLEAR_FIELD_ORIGIN = Symbol('tandem-clear-field');

/** The Yjs element of a structured block at a top-level or stage path (their parents hold only elements). */
function yElementAt(root: Y.XmlText, path: number[]): Y.XmlText | null {
  let node: Y.XmlText = root;
  for (const index of path) {
    const item = node.toDelta()[index] as { insert?: unknown } | undefined;
    if (!item || !(item.insert instanceof Y.XmlText)) return null;
    node = item.insert;
  }
  return node;
}

/** Writes `field = null` on the block at `path`; false when the editor is not bound to a Y.Doc. */
export function clearField(editor: YjsEditor, path: number[], field: string): boolean {
  if (!YjsEditor.connected(editor)) return false;
  YjsEditor.flushLocalChanges(editor);
  const target = yElementAt(editor.sharedRoot, path);
  if (!target?.doc) return false;
  target.doc.transact(() => target.setAttribute(field, null as never), CLEAR_FIELD_ORIGIN);
  return true;
}

const GOAL_NULLABLE = Object.entries(newGoal()).filter(([, v]) => v === null).map(([k]) => k);

/** Goals with absent nullable fields read as null, for the derivations in shared/. */
export function withExplicitNulls(content: Descendant[]): Descendant[] {
  return content.map((n) => {
    if (!Element.isElement(n) || n.type !== 'goal') return n;
    if (GOAL_NULLABLE.every((k) => k in n)) return n;
    const filled = { ...n } as Record<string, unknown>;
    for (const k of GOAL_NULLABLE) if (!(k in filled)) filled[k] = null;
    return filled as GoalElement;
  });
}
