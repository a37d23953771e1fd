import * as Y from 'yjs';
import { Editor, Transforms } from 'slate';
import { YjsEditor } from '@slate-yjs/core';
import { heading, newGoal, paragraph } from '../../../shared/model/blocks';
import { planContent } from '../../../shared/model/planDoc';
import { cacheTopLevelDelta } from '../../../renderer/editor/cachedTopLevelDelta';
import { bind, docContent, edit, linkDocs, open, planDocWith, strip, typeText } from './harness';

/** The delta as Yjs computes it, bypassing the cache. */
const freshDelta = (root: Y.XmlText): unknown => Y.XmlText.prototype.toDelta.call(root);

/** The cached delta, the fresh one and the editor all agree with the Y.Doc. */
function expectInStep(b: ReturnType<typeof open>): void {
  const root = planContent(b.doc);
  expect(root.toDelta()).toEqual(freshDelta(root));
  expect(strip(b.editor.children)).toEqual(strip(docContent(b.doc)));
}

describe('cacheTopLevelDelta', () => {
  it('keeps the same delta while only the text inside blocks changes', () => {
    const b = open([paragraph('One'), newGoal({ title: 'Grow' }), paragraph('Two')]);
    const root = planContent(b.doc);
    const first = root.toDelta();
    Transforms.select(b.editor, Editor.end(b.editor, [0]));
    typeText(b, ' more');
    expect(root.toDelta()).toBe(first);
    expectInStep(b);
  });

  it('follows local changes to the top level, several in one transaction', () => {
    const b = open([paragraph('One'), paragraph('Two')]);
    const root = planContent(b.doc);
    root.toDelta();
    // One flush writes all of these operations in a single transaction.
    edit(b, (e) => {
      Transforms.insertNodes(e, [heading(2, 'Intro'), newGoal({ title: 'Grow pipeline' })], { at: [1] });
      Transforms.splitNodes(e, { at: { path: [0, 0], offset: 1 } });
      Transforms.removeNodes(e, { at: [3] });
      Transforms.mergeNodes(e, { at: [1] });
      Transforms.moveNodes(e, { at: [0], to: [2] });
    });
    expectInStep(b);
    expect(docContent(b.doc).map((n) => (n as { type: string }).type)).toEqual(['heading', 'paragraph', 'paragraph']);
  });

  it('follows undo and redo of top-level changes', () => {
    const b = open([paragraph('One')]);
    planContent(b.doc).toDelta();
    edit(b, (e) => Transforms.insertNodes(e, newGoal({ title: 'Grow' }), { at: [1] }));
    b.editor.undoManager.stopCapturing();
    edit(b, (e) => Transforms.removeNodes(e, { at: [0] }));
    expectInStep(b);
    b.editor.undo();
    YjsEditor.flushLocalChanges(b.editor);
    expectInStep(b);
    b.editor.undo();
    expectInStep(b);
    b.editor.redo();
    expectInStep(b);
  });

  it('follows blocks added and removed by a collaborator', () => {
    const a = bind(planDocWith([paragraph('Shared')]));
    const b = bind(new Y.Doc(), 'Ben');
    linkDocs(a.doc, b.doc);
    planContent(a.doc).toDelta();
    edit(b, (e) => Transforms.insertNodes(e, [paragraph('From Ben'), newGoal({ title: 'Ben goal' })], { at: [0] }));
    expectInStep(a);
    edit(b, (e) => Transforms.removeNodes(e, { at: [1] }));
    expectInStep(a);
    expect(strip(a.editor.children)).toEqual(strip(b.editor.children));
  });

  it('copies text entries, which slate-yjs merges in place', () => {
    const doc = new Y.Doc();
    const root = doc.get('t', Y.XmlText);
    cacheTopLevelDelta(root);
    root.insert(0, 'ab');
    root.insert(2, 'cd', { bold: true });
    const first = root.toDelta() as Array<{ insert: string }>;
    first[0]!.insert += 'zz';
    expect(root.toDelta()).toEqual([{ insert: 'ab' }, { insert: 'cd', attributes: { bold: true } }]);
  });
});
