import * as Y from 'yjs';
import { Editor, type Element, Transforms } from 'slate';
import { YjsEditor } from '@slate-yjs/core';
import { heading, newGoal, paragraph } from '../../../../shared/model/blocks';
import { planContent } from '../../../../shared/model/planDoc';
import { type Bound, bind, docContent, edit, linkDocs, open, planDocWith, typeText } from '../harness';

/** Every update a doc emits from now on, and where it came from. */
function recordUpdates(doc: Y.Doc): Array<{ origin: unknown }> {
  const seen: Array<{ origin: unknown }> = [];
  doc.on('update', (_u: Uint8Array, origin: unknown) => seen.push({ origin }));
  return seen;
}

/** Lets Slate's deferred onChange run, which is where the editor writes its changes into the doc. */
const settle = async (b: Bound) => {
  await new Promise((r) => setTimeout(r, 0));
  YjsEditor.flushLocalChanges(b.editor);
};

describe('withTrailingParagraph', () => {
  it('adds a paragraph after a trailing card', () => {
    const b = open([paragraph('x'), newGoal()]);
    expect(b.editor.children.at(-1)).toEqual(paragraph());
    expect(docContent(b.doc).at(-1)).toEqual(paragraph());
  });

  it('adds one back when the last paragraph is deleted', () => {
    const b = open([newGoal(), paragraph('end')]);
    edit(b, (e) => Transforms.removeNodes(e, { at: [1] }));
    expect(b.editor.children).toHaveLength(2);
    expect(Editor.isEmpty(b.editor, b.editor.children[1] as Element)).toBe(true);
  });

  describe('an empty plan', () => {
    it('shows a paragraph to type in, but writes nothing by itself', async () => {
      const doc = new Y.Doc();
      const updates = recordUpdates(doc);
      const b = bind(doc);
      await settle(b);
      expect(b.editor.children).toEqual([paragraph()]);
      expect(updates).toEqual([]);
      expect(planContent(doc).length).toBe(0);
    });

    it('a new plan with no text (its identity only) stays as it is until someone types', async () => {
      const doc = planDocWith([]);
      const updates = recordUpdates(doc);
      const b = bind(doc);
      await settle(b);
      expect(b.editor.children).toEqual([paragraph()]);
      expect(updates).toEqual([]);
    });

    it('content arriving later from a peer replaces the shown paragraph: no extra paragraph anywhere', async () => {
      const doc = new Y.Doc();
      const b = bind(doc);
      const updates = recordUpdates(doc);
      const content = [heading(1, 'Q3 launch'), paragraph('We grow pipeline with one shared goal.')];
      const server = planDocWith(content);
      const fromHere = recordUpdates(server);
      linkDocs(doc, server);
      await settle(b);
      expect(b.editor.children).toEqual(content);
      expect(docContent(doc)).toEqual(content);
      expect(docContent(server)).toEqual(content);
      expect(updates.filter((u) => u.origin !== 'remote')).toEqual([]);
      expect(fromHere).toEqual([]);
    });

    it('typing writes the paragraph with the text, in one change that a peer receives', async () => {
      const doc = new Y.Doc();
      const peer = new Y.Doc();
      linkDocs(doc, peer);
      const b = bind(doc);
      const updates = recordUpdates(doc);
      edit(b, (e) => Transforms.select(e, Editor.start(e, [])));
      typeText(b, 'Hello');
      await settle(b);
      expect(b.editor.children).toEqual([paragraph('Hello')]);
      expect(docContent(doc)).toEqual([paragraph('Hello')]);
      expect(docContent(peer)).toEqual([paragraph('Hello')]);
      expect(updates.length).toBeGreaterThan(0);
    });

    it('inserting a card into it writes the paragraph and the card, still ending with a paragraph', async () => {
      const b = bind(new Y.Doc());
      const goal = newGoal({ title: 'Grow' });
      edit(b, (e) => Transforms.insertNodes(e, goal, { at: [0] }));
      await settle(b);
      expect(docContent(b.doc)).toEqual([goal, paragraph()]);
      expect(b.editor.children).toEqual([goal, paragraph()]);
    });

    it('two people open the same empty plan: only the one who types writes, the other sees just that', async () => {
      const a = bind(new Y.Doc(), 'Ana');
      const ben = bind(new Y.Doc(), 'Ben');
      linkDocs(a.doc, ben.doc);
      edit(a, (e) => Transforms.select(e, Editor.start(e, [])));
      typeText(a, 'Hi');
      await settle(a);
      await settle(ben);
      expect(docContent(a.doc)).toEqual([paragraph('Hi')]);
      expect(docContent(ben.doc)).toEqual([paragraph('Hi')]);
      expect(ben.editor.children).toEqual([paragraph('Hi')]);
    });

    it('undoing the first typing empties the plan again and shows the paragraph without writing it', async () => {
      const b = bind(new Y.Doc());
      edit(b, (e) => Transforms.select(e, Editor.start(e, [])));
      typeText(b, 'Oops');
      await settle(b);
      b.editor.undo();
      await settle(b);
      expect(planContent(b.doc).length).toBe(0);
      expect(b.editor.children).toEqual([paragraph()]);
      edit(b, (e) => Transforms.select(e, Editor.start(e, [])));
      typeText(b, 'A');
      await settle(b);
      expect(docContent(b.doc)).toEqual([paragraph('A')]);
    });

    it('a peer removing every block leaves an unwritten paragraph here, not a new one in the document', async () => {
      const peer = planDocWith([paragraph('Old')]);
      const doc = new Y.Doc();
      linkDocs(doc, peer);
      const b = bind(doc);
      expect(b.editor.children).toEqual([paragraph('Old')]);
      const content = peer.get('content', Y.XmlText) as Y.XmlText;
      peer.transact(() => content.delete(0, content.length));
      await settle(b);
      expect(b.editor.children).toEqual([paragraph()]);
      expect(planContent(doc).length).toBe(0);
      expect(planContent(peer).length).toBe(0);
    });
  });
});
