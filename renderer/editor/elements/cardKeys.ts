/**
 * A card's fields own the keyboard while they have focus. Slate must not restore the browser's
 * selection then: while an input or textarea of a card has focus, Chromium reports the
 * document selection as a caret in the card's (non-editable) markup, which Slate maps to the card
 * itself; once the card is Slate's selection (a click into a card selects it), Slate "restores" that
 * caret into the card's spacer, and setting a selection inside the editable moves focus there. The
 * keys meant for the field then reach the plan text with the card selected: Ctrl+A selects the whole
 * plan and the next letter, Backspace, Delete or Ctrl+X replaces it.
 */
import { type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { Editor, type Element, Range, Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import { caretAfterBlock } from '../editorCommands';
import { type PlanSlateEditor } from '../createPlanEditor';

/** True when focus is on a field (input, select, button…) inside a card of the editable `editable`. */
export function isCardFieldFocused(editable: HTMLElement): boolean {
  const active = editable.ownerDocument.activeElement;
  return active instanceof HTMLElement && active !== editable && editable.contains(active)
    && active.closest('[contenteditable="false"]') !== null;
}

/**
 * For the editable's ref (returns the cleanup): Ctrl+Z / Ctrl+Y in a card field undo that field only.
 * The browser keeps one undo history per page, and the plan's typed text is in it (Slate lets the
 * browser insert plain letters itself); undo in a field with nothing of its own to undo would take
 * back the plan's text instead, and Slate answers such an undo with its own (the whole last edit,
 * anywhere in the plan). Listening on the document in the capture phase comes before Slate's listener.
 */
export function keepPlanUndoOutOfCardFields(editable: HTMLElement): () => void {
  const doc = editable.ownerDocument;
  const onInput = (event: Event) => {
    const type = (event as InputEvent).inputType;
    if ((type !== 'historyUndo' && type !== 'historyRedo') || event.target !== editable || !isCardFieldFocused(editable)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  doc.addEventListener('beforeinput', onInput, true);
  doc.addEventListener('input', onInput, true);
  return () => {
    doc.removeEventListener('beforeinput', onInput, true);
    doc.removeEventListener('input', onInput, true);
  };
}

/**
 * The events of a card's non-editable part: Esc returns to the text after the card (Tab moves
 * between fields natively); a click selects the card (so colleagues see where you are) without
 * letting Slate map the browser's selection, which is the field's, onto the plan.
 */
export function cardEvents(editor: PlanSlateEditor, element: Element) {
  return {
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      caretAfterBlock(editor, ReactEditor.findPath(editor, element));
      ReactEditor.focus(editor);
    },
    onClick: (event: MouseEvent) => {
      event.stopPropagation();
      let at;
      try {
        at = Editor.start(editor, ReactEditor.findPath(editor, element));
      } catch {
        return; // the card was removed by what the click did
      }
      if (!editor.selection || !Range.equals(editor.selection, { anchor: at, focus: at })) Transforms.select(editor, at);
    },
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
