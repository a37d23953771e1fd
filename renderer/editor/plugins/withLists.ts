/**
 * Lists hold list items, and list items live in lists: a text block inside a list becomes an item,
 * a list inside a list is flattened into it, and a stray item is wrapped in a bulleted list.
 * Enter on an empty item leaves the list; Backspace at the start of an item turns it into a paragraph.
 */
import { Editor, Element, type Node, type Path, Point, Range, Transforms } from 'slate';
import { setProps } from './setProps';

const LIST_TYPES: ReadonlySet<string> = new Set(['bulleted-list', 'numbered-list']);
const TEXT_BLOCKS: ReadonlySet<string> = new Set(['paragraph', 'heading', 'guidance']);

export const isList = (n: unknown): boolean => Element.isElement(n) && LIST_TYPES.has(n.type);

export function withLists<E extends Editor>(editor: E): E {
  const { normalizeNode, insertBreak, deleteBackward } = editor;

  editor.normalizeNode = (entry, options) => {
    const [node, path] = entry;
    if (Element.isElement(node) && LIST_TYPES.has(node.type)) {
      for (let i = 0; i < node.children.length; i++) {
        const child = node.children[i] as Node;
        const at = [...path, i];
        if (Element.isElement(child) && child.type === 'list-item') continue;
        if (Element.isElement(child) && TEXT_BLOCKS.has(child.type)) {
          setProps(editor, { type: 'list-item' }, at);
          Transforms.unsetNodes(editor, 'level', { at });
        } else if (Element.isElement(child) && LIST_TYPES.has(child.type)) {
          Transforms.unwrapNodes(editor, { at });
        } else if (!Element.isElement(child) || editor.isInline(child)) {
          Transforms.wrapNodes(editor, { type: 'list-item', children: [] }, { at });
        } else {
          continue; // a structured block: withStructuredBlocks moves it out
        }
        return;
      }
    }
    if (Element.isElement(node) && node.type === 'list-item' && path.length > 0) {
      const [parent] = Editor.parent(editor, path);
      if (!isList(parent)) {
        Transforms.wrapNodes(editor, { type: 'bulleted-list', children: [] }, { at: path });
        return;
      }
    }
    normalizeNode(entry, options);
  };

  editor.insertBreak = () => {
    const item = currentItem(editor);
    if (item && Editor.isEmpty(editor, item[0])) {
      liftItem(editor, item[1]);
      return;
    }
    insertBreak();
  };

  editor.deleteBackward = (unit) => {
    const item = currentItem(editor);
    if (item && editor.selection && Point.equals(editor.selection.anchor, Editor.start(editor, item[1]))) {
      liftItem(editor, item[1]);
      return;
    }
    deleteBackward(unit);
  };

  return editor;
}

function currentItem(editor: Editor): [Element, Path] | null {
  if (!editor.selection || !Range.isCollapsed(editor.selection)) return null;
  const entry = Editor.above(editor, { match: (n) => Element.isElement(n) && n.type === 'list-item' });
  return entry ? [entry[0] as Element, entry[1]] : null;
}

/** Turns the item into a paragraph outside its list (splitting the list around it). */
export function liftItem(editor: Editor, path: Path): void {
  Editor.withoutNormalizing(editor, () => {
    setProps(editor, { type: 'paragraph' }, path);
    Transforms.liftNodes(editor, { at: path });
  });
}
