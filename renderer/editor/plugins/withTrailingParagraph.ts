/** A plan always ends with an editable paragraph, so there is always a place to type after a card. */
import { type Editor, Transforms } from 'slate';
import { paragraph } from '../../../shared/model/blocks';

export function withTrailingParagraph<E extends Editor>(editor: E): E {
  const { normalizeNode } = editor;
  editor.normalizeNode = (entry, options) => {
    const [, path] = entry;
    if (path.length === 0) {
      const last = editor.children[editor.children.length - 1];
      if (!last || !('type' in last) || last.type !== 'paragraph') {
        Transforms.insertNodes(editor, paragraph(), { at: [editor.children.length], select: false });
        return;
      }
    }
    normalizeNode(entry, options);
  };
  return editor;
}
