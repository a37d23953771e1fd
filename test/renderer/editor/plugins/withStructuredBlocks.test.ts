import * as Y from 'yjs';
import { Element, Transforms } from 'slate';
import { YjsEditor } from '@slate-yjs/core';
import { newAction, newGoal, newStage, newStageMatrix, paragraph } from '../../../../shared/model/blocks';
import { type GoalElement, type StageElement, type StageMatrixElement } from '../../../../shared/model/elements';
import { STAGE_IDS } from '../../../../shared/model/stages';
import { bind, docContent, edit, linkDocs, open, planDocWith, strip } from '../harness';
import { yBlock } from '../rawYjs';

const stagesOf = (m: unknown) => (m as StageMatrixElement).children.map((s: StageElement) => s.stage);

describe('withStructuredBlocks: the stage matrix', () => {
  it('recreates a stage that a remote change removed, and both docs converge', () => {
    const a = open([newStageMatrix({ approach: { marketing: 'Webinars' } }), paragraph()]);
    const remote = new Y.Doc();
    linkDocs(a.doc, remote);
    // A peer deletes the third stage straight from the shared XmlText.
    yBlock(remote, 0).delete(2, 1);
    YjsEditor.flushLocalChanges(a.editor);
    expect(stagesOf(a.editor.children[0])).toEqual([...STAGE_IDS]);
    expect(stagesOf(docContent(remote)[0])).toEqual([...STAGE_IDS]);
    expect(strip(docContent(remote))).toEqual(strip(docContent(a.doc)));
    expect((a.editor.children[0] as StageMatrixElement).children[0]!.marketing).toBe('Webinars');
  });

  it('puts stages back in buying order', () => {
    const m = newStageMatrix();
    m.children.reverse();
    const b = open([m, paragraph()]);
    expect(stagesOf(b.editor.children[0])).toEqual([...STAGE_IDS]);
    expect(stagesOf(docContent(b.doc)[0])).toEqual([...STAGE_IDS]);
  });

  it('merges a duplicate stage into the first, keeping what each says', () => {
    const m = newStageMatrix({ approach: { marketing: 'Ads' } });
    m.children.splice(1, 0, newStage({ stage: 'approach', marketing: 'other text', sales: 'Cold calls' }));
    const b = open([m, paragraph()]);
    const matrix = b.editor.children[0] as StageMatrixElement;
    expect(stagesOf(matrix)).toEqual([...STAGE_IDS]);
    expect(matrix.children[0]).toMatchObject({ stage: 'approach', marketing: 'Ads', sales: 'Cold calls' });
  });

  it('moves a paragraph that landed inside the matrix out after it, text intact', () => {
    const m = newStageMatrix() as unknown as { children: unknown[] };
    m.children.splice(3, 0, paragraph('Keep me'));
    const b = open([m as unknown as StageMatrixElement, paragraph('end')]);
    expect(stagesOf(b.editor.children[0])).toEqual([...STAGE_IDS]);
    expect(b.editor.children[1]).toEqual(paragraph('Keep me'));
  });

  it('gives a stage with an unknown stage id the missing stage', () => {
    const m = newStageMatrix();
    (m.children[4] as unknown as { stage: string }).stage = 'nonsense';
    const b = open([m, paragraph()]);
    expect(stagesOf(b.editor.children[0])).toEqual([...STAGE_IDS]);
  });

  it('wraps a stray stage into a full matrix', () => {
    const b = open([newStage({ stage: 'qualification', sales: 'BANT call' }) as never, paragraph()]);
    const matrix = b.editor.children[0] as StageMatrixElement;
    expect(matrix.type).toBe('stage-matrix');
    expect(stagesOf(matrix)).toEqual([...STAGE_IDS]);
    expect(matrix.children[1]!.sales).toBe('BANT call');
  });

  it('refills a matrix that lost all its stages', () => {
    const b = open([newStageMatrix(), paragraph()]);
    edit(b, (e) => {
      for (let i = 6; i >= 0; i--) Transforms.removeNodes(e, { at: [0, i] });
    });
    expect(stagesOf(b.editor.children[0])).toEqual([...STAGE_IDS]);
  });
});

describe('withStructuredBlocks: goals and actions', () => {
  it('repairs a goal field a remote change removed or mistyped, and both docs converge', () => {
    const a = open([newGoal({ title: 'Grow ARR', owners: ['p1'] }), paragraph()]);
    const remote = new Y.Doc();
    linkDocs(a.doc, remote);
    remote.transact(() => {
      yBlock(remote, 0).removeAttribute('status');
      yBlock(remote, 0).setAttribute('target', '15' as never);
      yBlock(remote, 0).setAttribute('owners', 'p2' as never);
    });
    YjsEditor.flushLocalChanges(a.editor);
    const goal = a.editor.children[0] as GoalElement;
    expect(goal).toMatchObject({ status: 'on-track', target: 15, owners: ['p2'], title: 'Grow ARR' });
    expect(strip(docContent(remote))).toEqual(strip(docContent(a.doc)));
  });

  it('gives a goal without an id a fresh one, and an action wrong types their defaults', () => {
    const g = newGoal({ title: 'x' }) as Partial<GoalElement>;
    delete g.id;
    const act = { ...newAction({ title: 'Trade show' }), done: 'yes', budget: 'a lot' };
    const b = open([g as GoalElement, act as never, paragraph()]);
    expect((b.editor.children[0] as GoalElement).id).toMatch(/^goal_/);
    expect(b.editor.children[1]).toMatchObject({ title: 'Trade show', done: false });
    expect((b.editor.children[1] as { budget?: unknown }).budget ?? null).toBeNull();
  });

  it('moves a goal out of a list to the top level, after the list', () => {
    const b = open([{ type: 'bulleted-list', children: [{ type: 'list-item', children: [{ text: 'a' }] }] } as never, paragraph()]);
    const goal = newGoal({ title: 'Nested' });
    edit(b, (e) => Transforms.insertNodes(e, goal, { at: [0, 1] }));
    expect(Element.isElement(b.editor.children[1]) && b.editor.children[1].type).toBe('goal');
    expect((b.editor.children[0] as { children: unknown[] }).children).toHaveLength(1);
  });

  it('keeps a void block\'s text empty', () => {
    const g = { ...newGoal({ title: 't' }), children: [{ text: 'stray' }, { text: 'more' }] };
    const b = open([g as never, paragraph()]);
    expect((b.editor.children[0] as GoalElement).children).toEqual([{ text: '' }]);
  });

  it('turns an element of an unknown type into a paragraph with its text', () => {
    const b = open([{ type: 'table', children: [{ text: 'cell' }] } as never]);
    expect(b.editor.children[0]).toEqual(paragraph('cell'));
  });
});

describe('convergence', () => {
  it('two editors repairing the same broken matrix concurrently end equal with seven stages', () => {
    const base = planDocWith([newStageMatrix(), paragraph()]);
    const d1 = new Y.Doc();
    const d2 = new Y.Doc();
    Y.applyUpdate(d1, Y.encodeStateAsUpdate(base));
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(base));
    const e1 = bind(d1, 'Ana');
    const e2 = bind(d2, 'Ben');
    // Both lose a different stage while apart.
    yBlock(d1, 0).delete(1, 1);
    yBlock(d2, 0).delete(5, 1);
    YjsEditor.flushLocalChanges(e1.editor);
    YjsEditor.flushLocalChanges(e2.editor);
    linkDocs(d1, d2);
    YjsEditor.flushLocalChanges(e1.editor);
    YjsEditor.flushLocalChanges(e2.editor);
    expect(stagesOf(e1.editor.children[0])).toEqual([...STAGE_IDS]);
    expect(strip(docContent(d1))).toEqual(strip(docContent(d2)));
    expect(strip(e1.editor.children)).toEqual(strip(e2.editor.children));
  });
});
