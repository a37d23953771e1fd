import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { YjsEditor } from '@slate-yjs/core';
import { type Descendant, Editor, Transforms } from 'slate';
import { newGoal, paragraph } from '../../../../shared/model/blocks';
import { type GoalElement } from '../../../../shared/model/elements';
import { planContent, planMetaMap, readPlanContent, snapshotPlan, writtenByNewerTandem, PLAN_SCHEMA_VERSION } from '../../../../shared/model/planDoc';
import { planToMarkdown } from '../../../../shared/derive/markdown';
import { CHUNKING_FROM, createPlanEditor } from '../../../../renderer/editor/createPlanEditor';
import { normalizeLoadedPlan } from '../../../../renderer/editor/plugins/withLoadNormalization';
import { docContent, planDocWith, strip } from '../harness';
import { appendNestedLists } from '../../../support/deepNesting';

/** A goal whose target a peer wrote as text: normalization makes it the number it says. */
const goalWithTextTarget = (title: string) => ({ ...newGoal({ title }), target: '15' }) as unknown as GoalElement;

function planOf(blocks: number, broken: number[], last: Descendant = paragraph('end')): Descendant[] {
  const content: Descendant[] = Array.from({ length: blocks - 1 }, (_, i) => (broken.includes(i) ? goalWithTextTarget(`Goal ${i}`) : paragraph(`Block ${i}`)));
  return [...content, last];
}

function connect(content: Descendant[]) {
  const doc = planDocWith(content);
  const editor = createPlanEditor(planContent(doc), new Awareness(doc), { name: 'Ana', color: '#bf3989' });
  let updates = 0;
  doc.on('update', () => updates++);
  YjsEditor.connect(editor);
  YjsEditor.flushLocalChanges(editor);
  return { doc, editor, updates: () => updates };
}

const target = (content: Descendant[], i: number) => (content[i] as GoalElement).target;

describe('withLoadNormalization', () => {
  it('in a large plan, repairs the blocks shown at open at once and the rest when the plan asks for it', () => {
    const far = CHUNKING_FROM + 50;
    const p = connect(planOf(CHUNKING_FROM + 100, [2, far]));
    expect(target(p.editor.children, 2)).toBe(15);
    expect(target(docContent(p.doc), 2)).toBe(15);
    expect(target(p.editor.children, far)).toBe('15');

    normalizeLoadedPlan(p.editor);
    YjsEditor.flushLocalChanges(p.editor);
    expect(target(p.editor.children, far)).toBe(15);
    expect(target(docContent(p.doc), far)).toBe(15);

    const before = p.updates();
    normalizeLoadedPlan(p.editor);
    YjsEditor.flushLocalChanges(p.editor);
    expect(p.updates()).toBe(before);
  });

  it('still repairs the rest after an edit made before it runs', () => {
    const far = CHUNKING_FROM + 50;
    const p = connect(planOf(CHUNKING_FROM + 100, [far]));
    Transforms.insertText(p.editor, 'typed ', { at: Editor.start(p.editor, [0]) });
    YjsEditor.flushLocalChanges(p.editor);
    normalizeLoadedPlan(p.editor);
    YjsEditor.flushLocalChanges(p.editor);
    expect(target(docContent(p.doc), far)).toBe(15);
  });

  it('keeps the document rules at open: a large plan ending in a card gains its closing paragraph', () => {
    const p = connect(planOf(CHUNKING_FROM + 100, [], newGoal({ title: 'Last' })));
    const content = docContent(p.doc);
    expect(content[content.length - 1]).toEqual(paragraph());
  });

  it('repairs every block at open in a plan too small to be chunked', () => {
    const p = connect(planOf(CHUNKING_FROM - 10, [2, CHUNKING_FROM - 20]));
    expect(target(p.editor.children, CHUNKING_FROM - 20)).toBe(15);
    expect(target(docContent(p.doc), CHUNKING_FROM - 20)).toBe(15);
  });

  it('drops the pending repair when the editor disconnects: nothing is written after', () => {
    const p = connect(planOf(CHUNKING_FROM + 100, [CHUNKING_FROM + 50]));
    YjsEditor.disconnect(p.editor);
    const before = p.updates();
    normalizeLoadedPlan(p.editor);
    expect(p.updates()).toBe(before);
    expect(target(docContent(p.doc), CHUNKING_FROM + 50)).toBe('15');
  });
});

/** A plan whose last block is `depth` bulleted lists inside each other around one item. */
function nestedListsDoc(depth: number) {
  const doc = planDocWith([paragraph('Before')]);
  appendNestedLists(planContent(doc), depth, 'The deepest item');
  return doc;
}

const listOf = (text: string) => ({ type: 'bulleted-list', children: [{ type: 'list-item', children: [{ text }] }] });

describe('deep nesting on load', () => {
  for (const depth of [400, 5000]) {
    it(`opens a plan with ${depth} nested lists, flattened to one list that keeps the text, for everyone`, () => {
      const doc = nestedListsDoc(depth);
      // A colleague who has the deep plan too, and gets the repair as it is synced, update by update.
      const peer = new Y.Doc();
      Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
      doc.on('update', (u: Uint8Array) => Y.applyUpdate(peer, u));
      const editor = createPlanEditor(planContent(doc), new Awareness(doc), { name: 'Ana', color: '#bf3989' });
      YjsEditor.connect(editor);
      YjsEditor.flushLocalChanges(editor);
      expect(strip(editor.children).slice(0, 2)).toEqual([paragraph('Before'), listOf('The deepest item')]);
      expect(strip(docContent(doc)).slice(0, 2)).toEqual([paragraph('Before'), listOf('The deepest item')]);
      expect(strip(docContent(peer)).slice(0, 2)).toEqual([paragraph('Before'), listOf('The deepest item')]);
    });
  }

  it('gives every reader of the plan flat content even before an editor opens it (derivations, export)', () => {
    const doc = nestedListsDoc(5000);
    const content = readPlanContent(doc);
    expect(strip(content)).toEqual([paragraph('Before'), listOf('The deepest item')]);
    expect(() => planToMarkdown(snapshotPlan(doc), [])).not.toThrow();
  });
});

describe('a plan a newer Tandem wrote', () => {
  it('is never normalized: the blocks this version does not know stay in the shared document', () => {
    const doc = planDocWith([paragraph('Known')]);
    doc.transact(() => {
      planMetaMap(doc).set('schemaVersion', PLAN_SCHEMA_VERSION + 1);
      const block = new Y.XmlText();
      planContent(doc).insertEmbed(planContent(doc).length, block);
      block.setAttribute('type', 'timeline');
      block.insert(0, 'A block of a later Tandem');
    });
    const before = Y.encodeStateVector(doc);
    const editor = createPlanEditor(planContent(doc), new Awareness(doc), { name: 'Ana', color: '#bf3989' });
    YjsEditor.connect(editor);
    YjsEditor.flushLocalChanges(editor);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(writtenByNewerTandem(doc)).toBe(true);
  });
});
