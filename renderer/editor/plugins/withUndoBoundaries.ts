/**
 * Undo steps follow what the user did: typing in the text is one kind of edit, typing in one card
 * field another. Y.UndoManager merges changes made within its capture timeout into one step; this
 * plugin closes the step whenever the kind of edit changes, so Ctrl+Z after filling a stage cell and
 * then typing a sentence takes back the sentence, not the cell as well.
 */
import { type Editor } from 'slate';
import { type YHistoryEditor } from '@slate-yjs/core';

const LAST_EDIT = new WeakMap<Editor, string>();

/** Call before a local edit; `kind` names what is edited (e.g. `field:3:target` or `text`). */
export function beginEdit(editor: Editor, kind: string): void {
  const last = LAST_EDIT.get(editor);
  if (last !== undefined && last !== kind) (editor as Editor & Partial<YHistoryEditor>).undoManager?.stopCapturing();
  LAST_EDIT.set(editor, kind);
}

export function withUndoBoundaries<E extends Editor>(editor: E): E {
  const { onChange } = editor;
  // Runs before the Yjs binding writes this change into the document (it writes in its own onChange).
  editor.onChange = (options) => {
    if (editor.operations.some((op) => op.type !== 'set_selection' && op.type !== 'set_node')) beginEdit(editor, 'text');
    onChange(options);
  };
  return editor;
}
