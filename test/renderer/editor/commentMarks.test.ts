/**
 * The comment marks the plan editor shows: highlighted words follow the edits (typing before them,
 * inside a split block, a colleague's edit arriving) until the anchors are read again, vanish when
 * their words are deleted, decorate only the block they are in, and counts change only when they do.
 */
import { Editor, Transforms, type BaseRange, type Operation } from 'slate';
import { CommentMarks, COMMENT_LEAF } from '../../../renderer/editor/commentMarks';
import { paragraph } from '../../../shared/model/blocks';
import { edit, open } from './harness';

const words = (b: ReturnType<typeof open>, range: BaseRange) => Editor.string(b.editor, range);

/** Runs a change and hands its operations to the marks, as the editor's onChange does. */
function change(b: ReturnType<typeof open>, marks: CommentMarks, f: Parameters<typeof edit>[1]): void {
  const ops: Operation[] = [];
  const { apply } = b.editor;
  b.editor.apply = (op) => {
    ops.push(op);
    apply(op);
  };
  edit(b, f);
  b.editor.apply = apply;
  marks.follow(ops);
}

describe('comment marks', () => {
  it('keep their words through typing before, after and around them, a split above and a block inserted before', () => {
    const b = open([paragraph('Intro.'), paragraph('We will double the qualified pipeline this year.')]);
    const marks = new CommentMarks();
    marks.setMarks([{ range: { anchor: { path: [1, 0], offset: 8 }, focus: { path: [1, 0], offset: 37 } }, threadIds: ['t1'] }]);
    const mark = () => marks.textMarks()[0]!;
    expect(words(b, mark().range)).toBe('double the qualified pipeline');

    change(b, marks, (e) => Transforms.insertText(e, 'Together, ', { at: { path: [1, 0], offset: 0 } }));
    change(b, marks, (e) => Transforms.insertText(e, ' (40 a month)', { at: { path: [1, 0], offset: 47 } }));
    change(b, marks, (e) => Transforms.splitNodes(e, { at: { path: [0, 0], offset: 3 } }));
    change(b, marks, (e) => Transforms.insertNodes(e, paragraph('New first block.'), { at: [0] }));
    expect(words(b, mark().range)).toBe('double the qualified pipeline');
    expect(mark().range.anchor.path).toEqual([3, 0]);
  });

  it('drop a mark whose words were all deleted, and keep the rest of one partly deleted', () => {
    const b = open([paragraph('Keep these words and drop those.')]);
    const marks = new CommentMarks();
    marks.setMarks([
      { range: { anchor: { path: [0, 0], offset: 5 }, focus: { path: [0, 0], offset: 16 } }, threadIds: ['keep'] },
      { range: { anchor: { path: [0, 0], offset: 26 }, focus: { path: [0, 0], offset: 31 } }, threadIds: ['drop'] },
    ]);
    change(b, marks, (e) => Transforms.delete(e, { at: { anchor: { path: [0, 0], offset: 20 }, focus: { path: [0, 0], offset: 31 } } }));
    change(b, marks, (e) => Transforms.delete(e, { at: { anchor: { path: [0, 0], offset: 10 }, focus: { path: [0, 0], offset: 16 } } }));
    expect(marks.textMarks().map((m) => [m.threadIds[0], words(b, m.range)])).toEqual([['keep', 'these']]);
  });

  it('decorate the block a mark is in with its threads, and nothing else', () => {
    const b = open([paragraph('One.'), paragraph('Two words here.')]);
    const marks = new CommentMarks();
    const range = { anchor: { path: [1, 0], offset: 4 }, focus: { path: [1, 0], offset: 9 } };
    marks.setMarks([{ range, threadIds: ['a', 'b'] }]);
    expect(marks.decorate([b.editor.children[1]!, [1]])).toEqual([{ ...range, [COMMENT_LEAF]: ['a', 'b'] }]);
    expect(marks.decorate([b.editor.children[0]!, [0]])).toEqual([]);
    expect(marks.decorate([b.editor, []])).toEqual([]);
  });

  it('tell listeners when counts, marks or who may comment change, and not when they are set to the same', () => {
    const marks = new CommentMarks();
    let told = 0;
    marks.subscribe(() => told++);
    marks.setCounts(new Map([['goal:g1', { open: 1, resolved: 0 }]]));
    marks.setCounts(new Map([['goal:g1', { open: 1, resolved: 0 }]]));
    marks.setCanComment(true);
    marks.setCanComment(true);
    const range = { anchor: { path: [0, 0], offset: 0 }, focus: { path: [0, 0], offset: 2 } };
    marks.setMarks([{ range, threadIds: ['t'] }]);
    marks.setMarks([{ range, threadIds: ['t'] }]);
    marks.setMarks([{ range: { anchor: range.anchor, focus: range.anchor }, threadIds: ['empty'] }]);
    expect(told).toBe(4);
    expect(marks.countOf('goal:g1')).toEqual({ open: 1, resolved: 0 });
    expect(marks.textMarks(), 'a collapsed range marks nothing').toEqual([]);
  });
});
