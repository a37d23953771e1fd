/**
 * Slate follows the browser's selection through `selectionchange`, throttled (up to 100 ms late).
 * A key pressed right after a click or a native caret move (End, Home) would otherwise act on the
 * selection from before it: an arrow moves, and the next letter lands, in the block clicked before.
 * Called first thing on a key in the plan text, this takes the caret the page shows.
 */
import { Range, Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import { type PlanSlateEditor } from './createPlanEditor';

export function takeCaretFromPage(editor: PlanSlateEditor): void {
  if (ReactEditor.isComposing(editor)) return;
  const dom = ReactEditor.getWindow(editor).getSelection();
  if (!dom || dom.rangeCount === 0) return;
  const editable = ReactEditor.toDOMNode(editor, editor);
  if (!editable.contains(dom.anchorNode) || !editable.contains(dom.focusNode)) return;
  const range = ReactEditor.toSlateRange(editor, dom, { exactMatch: false, suppressThrow: true });
  if (range && !(editor.selection && Range.equals(range, editor.selection))) Transforms.select(editor, range);
}
