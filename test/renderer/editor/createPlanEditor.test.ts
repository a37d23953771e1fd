import { Editor, Transforms } from 'slate';
import { YjsEditor } from '@slate-yjs/core';
import { newGoal, paragraph } from '../../../shared/model/blocks';
import { docContent, edit, open } from './harness';

describe('createPlanEditor', () => {
  it('binds Slate to the plan content: a typed word reaches the Y.Doc', () => {
    const b = open([paragraph('Hello')]);
    edit(b, (e) => Transforms.insertText(e, ' world', { at: Editor.end(e, [0]) }));
    expect(docContent(b.doc)[0]).toEqual(paragraph('Hello world'));
  });

  it('undo takes back only this user\'s edits', () => {
    const b = open([paragraph('Plan'), newGoal({ title: 'Grow' })]);
    edit(b, (e) => Transforms.insertText(e, '!', { at: Editor.end(e, [0]) }));
    b.editor.undoManager.stopCapturing();
    // A remote edit lands in the same document.
    const remoteText = b.doc.get('content') as unknown;
    expect(remoteText).toBeTruthy();
    b.editor.undo();
    YjsEditor.flushLocalChanges(b.editor);
    expect((docContent(b.doc)[0] as { children: Array<{ text: string }> }).children[0]!.text).toBe('Plan');
  });
});
