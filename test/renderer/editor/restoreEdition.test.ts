/**
 * Restoring an edition in the plan editor as the app composes it: the editor shows the edition's
 * content at once, and one undo (Ctrl+Z) takes the restore back; redo brings it again.
 */
import * as Y from 'yjs';
import { Transforms } from 'slate';
import { YjsEditor } from '@slate-yjs/core';
import { heading, newGoal, paragraph } from '../../../shared/model/blocks';
import { normalizePlanContent } from '../../../shared/model/planOps';
import { readEditions, saveEdition } from '../../../shared/editions/editionsDoc';
import { RESTORE_EDITION_ORIGIN, restoreEdition } from '../../../shared/editions/restoreEdition';
import { docContent, edit, open, strip } from './harness';

describe('restoring an edition in the plan editor', () => {
  it('shows the edition at once and undoes in one step', () => {
    const b = open([heading(1, 'Goals'), paragraph('Revenue grows.'), newGoal({ id: 'goal_rev', title: 'Revenue', target: 100 })]);
    const editions = new Y.Doc();
    const approved = saveEdition(b.doc, editions, { name: 'Approved', author: 'Ana' });
    const atApproval = strip(b.editor.children);

    edit(b, (e) => Transforms.setNodes(e, { target: 150 } as never, { at: [2] }));
    edit(b, (e) => Transforms.insertText(e, 'Now: ', { at: { path: [1, 0], offset: 0 } }));
    YjsEditor.flushLocalChanges(b.editor);
    b.editor.undoManager.stopCapturing();
    const edited = strip(b.editor.children);
    expect(edited).not.toEqual(atApproval);

    restoreEdition(b.doc, readEditions(editions), approved.id, RESTORE_EDITION_ORIGIN);
    expect(strip(b.editor.children)).toEqual(atApproval);
    expect(normalizePlanContent(docContent(b.doc))).toEqual(normalizePlanContent(atApproval));

    b.editor.undo();
    expect(strip(b.editor.children)).toEqual(edited);
    b.editor.redo();
    expect(strip(b.editor.children)).toEqual(atApproval);
  });
});
