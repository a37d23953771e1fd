/**
 * A plan always ends with an editable paragraph, so there is always a place to type after a card.
 *
 * An entirely empty plan — one whose content has not arrived yet (opened offline, or before the
 * server's copy is in), or a new plan with no text — gets that paragraph only in this editor: it is
 * not written to the document until the user acts in it (puts the caret there, types, inserts a
 * block). Content that arrives from elsewhere in the meantime replaces it, so nobody's copy gains an
 * empty paragraph just because a plan was opened.
 */
import { type Editor, type Node, Text, Transforms } from 'slate';
import { YjsEditor } from '@slate-yjs/core';
import { paragraph } from '../../../shared/model/blocks';

/** The origin of changes that stay in this editor: slate-yjs writes only changes of its local origins. */
const THIS_EDITOR_ONLY = Symbol('plan-editor-only');

/** The paragraph shown in an empty plan that is not in the document (yet), per editor. */
const unwritten = new WeakMap<Editor, Node>();

export function withTrailingParagraph<E extends Editor>(editor: E): E {
  const { normalizeNode, apply } = editor;

  editor.normalizeNode = (entry, options) => {
    const [, path] = entry;
    if (path.length === 0) {
      const shown = unwritten.get(editor);
      if (shown && (editor.children.length !== 1 || editor.children[0] !== shown)) {
        // Content arrived from elsewhere: the local paragraph gives way to it.
        unwritten.delete(editor);
        const index = editor.children.indexOf(shown as (typeof editor.children)[number]);
        if (index >= 0) {
          YjsEditor.withOrigin(editor, THIS_EDITOR_ONLY, () => Transforms.removeNodes(editor, { at: [index] }));
          return;
        }
      }
      if (editor.children.every((n) => Text.isText(n) && n.text === '')) {
        // Nothing in the document (slate-yjs shows an empty one as one empty text).
        YjsEditor.withOrigin(editor, THIS_EDITOR_ONLY, () => {
          Transforms.removeNodes(editor, { at: [], match: (_n, p) => p.length === 1 });
          Transforms.insertNodes(editor, paragraph(), { at: [0], select: false });
        });
        unwritten.set(editor, editor.children[0]!);
        return;
      }
      const last = editor.children[editor.children.length - 1];
      if (!last || !('type' in last) || last.type !== 'paragraph') {
        Transforms.insertNodes(editor, paragraph(), { at: [editor.children.length], select: false });
        return;
      }
    }
    normalizeNode(entry, options);
  };

  // The user's first action in an empty plan writes the shown paragraph first, so their edit (and
  // every caret position slate-yjs shares or remembers for undo) has it in the document to refer to.
  editor.apply = (op) => {
    const shown = unwritten.get(editor);
    if (shown && YjsEditor.connected(editor) && YjsEditor.isLocal(editor)) {
      unwritten.delete(editor);
      writeShownParagraph(editor, shown);
    }
    apply(op);
  };

  return editor;
}

/**
 * Queues the insertion of the shown paragraph with the user's edit (one Yjs transaction, one undo
 * step). slate-yjs maps each queued operation onto Yjs through the Slate children it was applied to,
 * which for this insertion are the children without the paragraph.
 */
function writeShownParagraph(editor: Editor, shown: Node): void {
  const children = editor.children;
  const index = children.indexOf(shown as (typeof children)[number]);
  if (index < 0) return;
  editor.children = children.filter((n) => n !== shown);
  try {
    YjsEditor.storeLocalChange(editor, { type: 'insert_node', path: [index], node: shown });
  } finally {
    editor.children = children;
  }
}
