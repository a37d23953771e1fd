/**
 * Editions store only the delta from the previous edition; merging the chain must rebuild every
 * edition exactly — same structs, same deletions, same content — with garbage collection on, when
 * text, blocks and fields were deleted between editions, and when two people edit the plan.
 */
import * as prng from 'lib0/prng';
import { slateNodesToInsertDelta } from '@slate-yjs/core';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { heading, newGoal, paragraph } from '../../../shared/model/blocks';
import { createPlanDoc, planContent, readPlanContent } from '../../../shared/model/planDoc';
import { BrokenChainError, rebuildEdition } from '../../../shared/editions/editionChain';
import { editionSnapshot, readEditions, saveEdition } from '../../../shared/editions/editionsDoc';

function newPlan(clientID: number): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  doc.clientID = clientID;
  return createPlanDoc({
    id: 'plan_fy27', title: 'FY27 plan', templateId: 'annual-joint-plan', period: 'FY27',
    content: [heading(1, 'Summary'), paragraph('We grow together.'), newGoal({ id: 'goal_rev', title: 'Revenue', target: 100 }), paragraph('Second paragraph.')],
  }, doc);
}

const clone = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

/** Random edits through Yjs: typing and deleting text, setting and clearing fields, adding and deleting whole blocks. */
function randomEdit(gen: prng.PRNG, doc: Y.Doc): void {
  const content = planContent(doc);
  const blocks = content.toDelta() as { insert: Y.XmlText }[];
  const i = prng.int32(gen, 0, blocks.length - 1);
  const block = blocks[i]!.insert;
  const type = block.getAttribute('type');
  switch (prng.int32(gen, 0, 4)) {
    case 0:
      if (type === 'paragraph' || type === 'heading') block.insert(prng.int32(gen, 0, block.length), prng.word(gen, 1, 8));
      break;
    case 1:
      if ((type === 'paragraph' || type === 'heading') && block.length > 1) {
        const at = prng.int32(gen, 0, block.length - 1);
        block.delete(at, Math.min(block.length - at, prng.int32(gen, 1, 5)));
      }
      break;
    case 2:
      if (type === 'goal') {
        if (prng.bool(gen)) block.setAttribute('target', prng.int32(gen, 1, 1_000_000) as never);
        else block.removeAttribute('target');
      }
      break;
    case 3:
      content.applyDelta([{ retain: i }, ...slateNodesToInsertDelta([prng.bool(gen) ? paragraph(prng.word(gen, 3, 12)) : newGoal({ title: prng.word(gen, 3, 12) })])]);
      break;
    case 4:
      if (blocks.length > 2) content.delete(i, 1);
      break;
  }
}

function expectSameState(rebuilt: Y.Doc, original: Y.Doc) {
  expect(Y.encodeStateVector(rebuilt)).toEqual(Y.encodeStateVector(original));
  expect(Y.equalDeleteSets(Y.createDeleteSetFromStructStore(rebuilt.store), Y.createDeleteSetFromStructStore(original.store))).toBe(true);
  expect(readPlanContent(rebuilt)).toEqual(readPlanContent(original));
  expect(rebuilt.getMap('meta').toJSON()).toEqual(original.getMap('meta').toJSON());
  expect(Y.encodeStateAsUpdate(rebuilt)).toEqual(Y.encodeStateAsUpdate(original));
}

describe('edition chain', () => {
  it('rebuilds every edition exactly from the chain of deltas, two people editing with deletions in between (seeded)', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const gen = prng.create(seed);
      const ana = newPlan(1);
      const ben = new Y.Doc({ gc: true });
      ben.clientID = 2;
      Y.applyUpdate(ben, Y.encodeStateAsUpdate(ana));
      ana.on('update', (u: Uint8Array, origin: unknown) => { if (origin !== 'sync') Y.applyUpdate(ben, u, 'sync'); });
      ben.on('update', (u: Uint8Array, origin: unknown) => { if (origin !== 'sync') Y.applyUpdate(ana, u, 'sync'); });
      const editions = new Y.Doc();
      const saved = new Map<string, Y.Doc>();
      for (let round = 0; round < 8; round++) {
        for (let k = prng.int32(gen, 0, 12); k > 0; k--) randomEdit(gen, prng.bool(gen) ? ana : ben);
        const who = prng.bool(gen) ? ana : ben;
        const e = saveEdition(who, editions, { name: `v${round}`, author: who === ana ? 'Ana' : 'Ben' });
        saved.set(e.id, clone(who));
      }
      const all = readEditions(editions);
      expect(all.filter((e) => e.prevId !== null).length, `seed ${seed}: every later edition chains`).toBe(all.length - 1);
      for (const e of all) expectSameState(rebuildEdition(all, e.id), saved.get(e.id)!);
    }
  });

  it('an edition of an unchanged plan costs a few bytes, even after a long editing history with deletions', () => {
    const doc = newPlan(1);
    const para = (planContent(doc).toDelta() as { insert: Y.XmlText }[])[1]!.insert;
    for (let i = 0; i < 2000; i++) {
      para.insert(0, 'typo ');
      if (i % 2) para.delete(0, 3); // an uneven history: thousands of deleted ranges
    }
    const editions = new Y.Doc();
    const first = saveEdition(doc, editions, { name: 'Board draft', author: 'Ana' });
    const allDeletions = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)).byteLength;
    expect(allDeletions).toBeGreaterThan(1000);
    const before = Y.encodeStateAsUpdate(editions).byteLength;
    const second = saveEdition(doc, editions, { name: 'Board draft again', author: 'Ana' });
    expect(second.prevId).toBe(first.id);
    expect(second.update.byteLength).toBeLessThan(8);
    expect(Y.encodeStateAsUpdate(editions).byteLength - before).toBeLessThan(200);
    expectSameState(rebuildEdition(readEditions(editions), second.id), doc);
  });

  it('starts a new chain when this copy lacks a deletion the previous edition holds', () => {
    const ana = newPlan(1);
    const ben = clone(ana);
    // Ana deletes a word (a deletion adds no struct: her state vector does not move) and saves.
    const text = (planContent(ana).toDelta() as { insert: Y.XmlText }[])[1]!.insert;
    text.delete(0, 3);
    const editions = new Y.Doc();
    saveEdition(ana, editions, { name: 'Ana’s', author: 'Ana' });
    // Ben has not received the deletion; his edition must not inherit it.
    const bens = saveEdition(ben, editions, { name: 'Ben’s', author: 'Ben' });
    expect(bens.prevId).toBeNull();
    expectSameState(rebuildEdition(readEditions(editions), bens.id), ben);
  });

  it('an edition whose previous one is missing cannot be rebuilt, and says which is missing', () => {
    const doc = newPlan(1);
    const editions = new Y.Doc();
    saveEdition(doc, editions, { name: 'one', author: 'Ana' });
    (planContent(doc).toDelta() as { insert: Y.XmlText }[])[1]!.insert.insert(0, 'More. ');
    const two = saveEdition(doc, editions, { name: 'two', author: 'Ana' });
    const onlyTwo = readEditions(editions).filter((e) => e.id === two.id);
    expect(() => rebuildEdition(onlyTwo, two.id)).toThrow(BrokenChainError);
    expect(() => rebuildEdition(onlyTwo, two.id)).toThrow(`edition ${two.id} needs edition ${two.prevId}, which is missing`);
    expect(editionSnapshot(readEditions(editions), two.id).content[1]).toEqual(paragraph('More. We grow together.'));
  });

  it('editions saved by one person rebuild on a colleague’s copy of the editions document', () => {
    const doc = newPlan(1);
    const mine = new Y.Doc();
    saveEdition(doc, mine, { name: 'Board draft', author: 'Ana' });
    (planContent(doc).toDelta() as { insert: Y.XmlText }[])[2]!.insert.setAttribute('target', 150 as never);
    const e = saveEdition(doc, mine, { name: 'Approved FY27', author: 'Ana' });
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
    expect(readEditions(theirs).map((x) => [x.name, x.author])).toEqual([['Board draft', 'Ana'], ['Approved FY27', 'Ana']]);
    expectSameState(rebuildEdition(readEditions(theirs), e.id), doc);
  });
});
