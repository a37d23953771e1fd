/** Which plan elements are void (no editable text of their own) and which are inline. */
import { type Editor } from 'slate';
import { INLINE_TYPES, VOID_TYPES } from '../../../shared/model/elements';

export function withPlanSchema<E extends Editor>(editor: E): E {
  const { isVoid, isInline, markableVoid } = editor;
  editor.isVoid = (el) => VOID_TYPES.has(el.type) || isVoid(el);
  editor.isInline = (el) => INLINE_TYPES.has(el.type) || isInline(el);
  // A mention takes the marks around it (a bold sentence keeps its mention bold).
  editor.markableVoid = (el) => el.type === 'mention' || markableVoid(el);
  return editor;
}
