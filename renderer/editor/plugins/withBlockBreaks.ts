/**
 * Enter where it should lead: after a heading comes a paragraph, and Enter on a selected card
 * (goal, action, stage matrix) opens a paragraph after it instead of splitting anything.
 */
import { Editor, Element, Path, Range, Transforms } from 'slate';
import { paragraph } from '../../../shared/model/blocks';

export function withBlockBreaks<E extends Editor>(editor: E): E {
  const { insertBreak } = editor;
  editor.insertBreak = () => {
    const { selection } = editor;
    if (!selection) return insertBreak();
    const card = Editor.above(editor, { at: selection, match: (n) => Element.isElement(n) && Editor.isVoid(editor, n) && !editor.isInline(n), mode: 'highest' })
      ?? Editor.above(editor, { at: selection, match: (n) => Element.isElement(n) && n.type === 'stage-matrix' });
    if (card) {
      const top = card[1].slice(0, 1);
      Transforms.insertNodes(editor, paragraph(), { at: Path.next(top), select: true });
      return;
    }
    const block = Editor.above(editor, { match: (n) => Element.isElement(n) && Editor.isBlock(editor, n) });
    if (block && Element.isElement(block[0]) && (block[0].type === 'heading' || block[0].type === 'guidance')
      && Range.isCollapsed(selection) && Editor.isEnd(editor, selection.anchor, block[1])) {
      Transforms.insertNodes(editor, paragraph(), { at: Path.next(block[1]), select: true });
      return;
    }
    insertBreak();
  };
  return editor;
}
