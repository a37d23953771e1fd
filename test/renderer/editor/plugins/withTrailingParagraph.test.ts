import * as Y from 'yjs';
import { Editor, type Element, Transforms } from 'slate';
import { newGoal, paragraph } from '../../../../shared/model/blocks';
import { bind, docContent, edit, open } from '../harness';

describe('withTrailingParagraph', () => {
  it('adds a paragraph after a trailing card', () => {
    const b = open([paragraph('x'), newGoal()]);
    expect(b.editor.children.at(-1)).toEqual(paragraph());
    expect(docContent(b.doc).at(-1)).toEqual(paragraph());
  });

  it('gives an empty document a paragraph to type in', () => {
    const b = bind(new Y.Doc());
    expect(b.editor.children).toEqual([paragraph()]);
  });

  it('adds one back when the last paragraph is deleted', () => {
    const b = open([newGoal(), paragraph('end')]);
    edit(b, (e) => Transforms.removeNodes(e, { at: [1] }));
    expect(b.editor.children).toHaveLength(2);
    expect(Editor.isEmpty(b.editor, b.editor.children[1] as Element)).toBe(true);
  });
});
