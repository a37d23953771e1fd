import { Editor, Transforms } from 'slate';
import { paragraph } from '../../../../shared/model/blocks';
import { at, docContent, edit, open, typeText } from '../harness';

describe('withMarkdownShortcuts', () => {
  it.each([
    ['# ', { type: 'heading', level: 1, children: [{ text: '' }] }],
    ['## ', { type: 'heading', level: 2, children: [{ text: '' }] }],
    ['### ', { type: 'heading', level: 3, children: [{ text: '' }] }],
    ['- ', { type: 'bulleted-list', children: [{ type: 'list-item', children: [{ text: '' }] }] }],
    ['* ', { type: 'bulleted-list', children: [{ type: 'list-item', children: [{ text: '' }] }] }],
    ['1. ', { type: 'numbered-list', children: [{ type: 'list-item', children: [{ text: '' }] }] }],
  ])('"%s" at the start of a paragraph', (typed, expected) => {
    const b = open([paragraph()]);
    edit(b, (e) => Transforms.select(e, at([0, 0], 0)));
    typeText(b, typed);
    expect(b.editor.children[0]).toEqual(expected);
    expect(docContent(b.doc)[0]).toEqual(expected);
  });

  it('does not turn "# " typed in the middle of text into a heading', () => {
    const b = open([paragraph('Issue')]);
    edit(b, (e) => Transforms.select(e, Editor.end(e, [0])));
    typeText(b, ' # ');
    expect(b.editor.children[0]).toEqual(paragraph('Issue # '));
  });

  it.each([
    ['**big**', 'bold'],
    ['*soft*', 'italic'],
    ['`x = 1`', 'code'],
  ])('%s becomes a mark', (typed, mark) => {
    const b = open([paragraph('Say ')]);
    edit(b, (e) => Transforms.select(e, Editor.end(e, [0])));
    typeText(b, typed);
    const inner = typed.replace(/[*`]/g, '');
    expect(b.editor.children[0]).toEqual({ type: 'paragraph', children: [{ text: 'Say ' }, { text: inner, [mark]: true }] });
    typeText(b, ' after');
    expect(Editor.string(b.editor, [0])).toBe(`Say ${inner} after`);
    const last = (b.editor.children[0] as { children: Array<Record<string, unknown>> }).children.at(-1)!;
    expect(last[mark]).toBeUndefined();
  });
});
