/** Keyboard inside a card: Esc returns to the text after the card (Tab moves between fields natively). */
import { type KeyboardEvent } from 'react';
import { type Element } from 'slate';
import { ReactEditor } from 'slate-react';
import { caretAfterBlock } from '../editorCommands';
import { type PlanSlateEditor } from '../createPlanEditor';

export function leaveCardOnEscape(editor: PlanSlateEditor, element: Element) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    caretAfterBlock(editor, ReactEditor.findPath(editor, element));
    ReactEditor.focus(editor);
  };
}
