/**
 * Markdown as you type: `# `, `## `, `### ` make headings, `- ` or `* ` a bulleted list, `1. ` a
 * numbered list; `**bold**`, `*italic*` and `` `code` `` turn into marks when the closing mark is typed.
 */
import { Editor, Element, type Path, type Point, Range, Text, Transforms } from 'slate';
import { type Mark } from '../../../shared/model/elements';
import { setProps } from './setProps';

type BlockShortcut = { type: 'heading'; level: 1 | 2 | 3 } | { type: 'bulleted-list' | 'numbered-list' };
const BLOCK_SHORTCUTS: Record<string, BlockShortcut> = {
  '#': { type: 'heading', level: 1 },
  '##': { type: 'heading', level: 2 },
  '###': { type: 'heading', level: 3 },
  '-': { type: 'bulleted-list' },
  '*': { type: 'bulleted-list' },
  '1.': { type: 'numbered-list' },
};
const INLINE_SHORTCUTS: Array<{ pattern: RegExp; mark: Mark; delimiter: number }> = [
  { pattern: /\*\*([^*]+)\*$/, mark: 'bold', delimiter: 2 },
  { pattern: /(?:^|[^*])\*([^*]+)$/, mark: 'italic', delimiter: 1 },
  { pattern: /`([^`]+)$/, mark: 'code', delimiter: 1 },
];

export function withMarkdownShortcuts<E extends Editor>(editor: E): E {
  const { insertText } = editor;
  editor.insertText = (text, options) => {
    const { selection } = editor;
    if (selection && Range.isCollapsed(selection) && text === ' ' && applyBlockShortcut(editor, selection.anchor)) return;
    if (selection && Range.isCollapsed(selection) && (text === '*' || text === '`') && applyInlineShortcut(editor, selection.anchor, text)) return;
    insertText(text, options);
  };
  return editor;
}

function textBlockAt(editor: Editor, at: Point): [Element, Path] | null {
  const entry = Editor.above<Element>(editor, { at, match: (n) => Element.isElement(n) && Editor.isBlock(editor, n) });
  if (!entry) return null;
  const [el] = entry;
  return el.type === 'paragraph' || el.type === 'list-item' ? entry : null;
}

function applyBlockShortcut(editor: Editor, anchor: Point): boolean {
  const block = textBlockAt(editor, anchor);
  if (!block || block[0].type !== 'paragraph') return false;
  const start = Editor.start(editor, block[1]);
  const before = Editor.string(editor, { anchor: start, focus: anchor });
  const shortcut = BLOCK_SHORTCUTS[before];
  if (!shortcut) return false;
  Editor.withoutNormalizing(editor, () => {
    Transforms.delete(editor, { at: { anchor: start, focus: anchor } });
    if (shortcut.type === 'heading') {
      setProps(editor, { type: 'heading', level: shortcut.level }, block[1]);
    } else {
      setProps(editor, { type: 'list-item' }, block[1]);
      Transforms.wrapNodes(editor, { type: shortcut.type, children: [] }, { at: block[1] });
    }
  });
  return true;
}

function applyInlineShortcut(editor: Editor, anchor: Point, typed: '*' | '`'): boolean {
  const [leaf] = Editor.leaf(editor, anchor);
  if (!Text.isText(leaf)) return false;
  const before = leaf.text.slice(0, anchor.offset);
  for (const { pattern, mark, delimiter } of INLINE_SHORTCUTS) {
    if ((mark === 'code') !== (typed === '`')) continue;
    // `**bold*` + `*` closes bold; `*italic` + `*` closes italic (but not the first `*` of `**`).
    if (mark === 'italic' && before.endsWith('*')) continue;
    const m = pattern.exec(before);
    if (!m || !m[1] || m[1].trim() !== m[1]) continue;
    const inner = m[1];
    const closingTyped = mark === 'bold' ? 1 : 0; // the bold pattern already includes one closing `*`
    const end = anchor.offset;
    const innerEnd = end - closingTyped;
    const innerStart = innerEnd - inner.length;
    const openStart = innerStart - delimiter;
    Editor.withoutNormalizing(editor, () => {
      const path = anchor.path;
      if (closingTyped) Transforms.delete(editor, { at: { path, offset: innerEnd }, distance: closingTyped });
      Transforms.setNodes(editor, { [mark]: true } as never, {
        at: { anchor: { path, offset: innerStart }, focus: { path, offset: innerEnd } },
        match: Text.isText,
        split: true,
      });
      Transforms.delete(editor, { at: { path, offset: openStart }, distance: delimiter });
    });
    Editor.removeMark(editor, mark);
    return true;
  }
  return false;
}
