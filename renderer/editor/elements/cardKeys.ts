/** Keyboard inside a card: Esc returns to the text after the card (Tab moves between fields natively). */
import { type FocusEvent, type KeyboardEvent } from 'react';
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

/**
 * For the editable's onBlur: true (handled, Slate does nothing) when the blur comes from a field of a
 * card. Slate would otherwise put its own selection (the card) back into the page while the browser
 * is moving focus to the next field, which takes the keyboard back to the plan text.
 */
export function isCardFieldBlur(event: FocusEvent): boolean {
  const target = event.target as HTMLElement;
  return target !== event.currentTarget && target.closest('[contenteditable="false"]') !== null;
}
