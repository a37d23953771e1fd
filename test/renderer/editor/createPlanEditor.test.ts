import { Editor, Transforms } from 'slate';
import { YjsEditor } from '@slate-yjs/core';
import { newGoal, paragraph } from '../../../shared/model/blocks';
import * as Y from 'yjs';
import { bind, docContent, edit, linkDocs, open } from './harness';

const textOf = (doc: Y.Doc) => (docContent(doc)[0] as { children: Array<{ text: string }> }).children.map((t) => t.text).join('');

describe('createPlanEditor', () => {
  it('binds Slate to the plan content: a typed word reaches the Y.Doc', () => {
    const b = open([paragraph('Hello')]);
    edit(b, (e) => Transforms.insertText(e, ' world', { at: Editor.end(e, [0]) }));
    expect(docContent(b.doc)[0]).toEqual(paragraph('Hello world'));
  });

  it('undo takes back only this user\'s edits, not a colleague\'s that arrived in between', () => {
    const mine = open([paragraph('Plan'), newGoal({ title: 'Grow' })]);
    const theirDoc = new Y.Doc();
    Y.applyUpdate(theirDoc, Y.encodeStateAsUpdate(mine.doc));
    const theirs = bind(theirDoc, 'Ben');
    linkDocs(mine.doc, theirs.doc);
    edit(mine, (e) => Transforms.insertText(e, '!', { at: Editor.end(e, [0]) }));
    YjsEditor.flushLocalChanges(mine.editor);
    mine.editor.undoManager.stopCapturing();
    // The colleague types in the same paragraph; the update reaches this document as a remote one.
    edit(theirs, (e) => Transforms.insertText(e, 'Our ', { at: Editor.start(e, [0]) }));
    YjsEditor.flushLocalChanges(theirs.editor);
    expect(textOf(mine.doc)).toBe('Our Plan!');

    mine.editor.undo();
    YjsEditor.flushLocalChanges(mine.editor);
    expect(textOf(mine.doc)).toBe('Our Plan');
    expect(textOf(theirs.doc)).toBe('Our Plan');
  });
});
