import { Editor, Transforms } from 'slate';
import { YjsEditor } from '@slate-yjs/core';
import { newGoal, paragraph } from '../../../../shared/model/blocks';
import { type GoalElement } from '../../../../shared/model/elements';
import { setBlockField } from '../../../../renderer/editor/editorCommands';
import { docContent, edit, open, typeText } from '../harness';

describe('withUndoBoundaries', () => {
  it('one undo takes back the sentence typed after a field edit, not the field as well', () => {
    const b = open([newGoal({ title: 'G' }), paragraph('')]);
    edit(b, (e) => setBlockField(e, [0], 'title', 'Grow'));
    edit(b, (e) => setBlockField(e, [0], 'title', 'Grow ARR'));
    edit(b, (e) => Transforms.select(e, Editor.start(e, [1])));
    typeText(b, 'Why');
    b.editor.undo();
    YjsEditor.flushLocalChanges(b.editor);
    expect(Editor.string(b.editor, [1])).toBe('');
    expect((docContent(b.doc)[0] as GoalElement).title).toBe('Grow ARR');
    b.editor.undo();
    YjsEditor.flushLocalChanges(b.editor);
    expect((docContent(b.doc)[0] as GoalElement).title).toBe('G');
  });
});
