/**
 * A plan's blocks nest a few levels at most (list → item → link → text). Content from sync can nest
 * thousands deep, which every recursive reader (slate-yjs's conversion, Slate's normalization,
 * React, the derivations) would choke on. A top-level block nested deeper than MAX_NESTING is
 * flattened into one level of its text, in order: a list stays a list of items, anything else
 * becomes paragraphs. Everything here walks the Yjs tree one level at a time with an explicit stack,
 * so it copes with any depth.
 */
import * as Y from 'yjs';
import { slateNodesToInsertDelta } from '@slate-yjs/core';
import { type Descendant } from 'slate';
import { type FormattedText } from './elements';

/** Far above any shape the schema allows, far below what a recursive reader chokes on. */
export const MAX_NESTING = 16;

type DeltaOp = { insert: string | Y.XmlText; attributes?: Record<string, unknown> };
const deltaOf = (t: Y.XmlText) => t.toDelta() as DeltaOp[];

/** Whether elements nest more than `max` levels below (and including) this block. */
function nestsDeeperThan(block: Y.XmlText, max: number): boolean {
  const stack: [Y.XmlText, number][] = [[block, 1]];
  while (stack.length) {
    const [t, depth] = stack.pop()!;
    if (depth > max) return true;
    for (const op of deltaOf(t)) if (op.insert instanceof Y.XmlText) stack.push([op.insert, depth + 1]);
  }
  return false;
}

/** The block's text, one level deep: each element's own text runs (marks kept), in document order. */
function flattenedBlock(block: Y.XmlText): Descendant[] {
  const groups: FormattedText[][] = [];
  const stack: Y.XmlText[] = [block];
  while (stack.length) {
    const ops = deltaOf(stack.pop()!);
    const texts = ops.filter((op): op is DeltaOp & { insert: string } => typeof op.insert === 'string')
      .map((op) => ({ ...op.attributes, text: op.insert }) as FormattedText);
    if (texts.some((t) => t.text !== '')) groups.push(texts);
    for (let i = ops.length - 1; i >= 0; i--) {
      const child = ops[i]!.insert;
      if (child instanceof Y.XmlText) stack.push(child);
    }
  }
  if (groups.length === 0) groups.push([{ text: '' }]);
  const type = block.getAttribute('type');
  if (type === 'bulleted-list' || type === 'numbered-list') {
    return [{ type, children: groups.map((children) => ({ type: 'list-item' as const, children })) }];
  }
  return groups.map((children) => ({ type: 'paragraph' as const, children }));
}

/** Levels emptied per transaction: Yjs deletes and collects a removed type recursively, so a few hundred levels at a time. */
const LEVELS_PER_TRANSACTION = 200;

/** Every element of the block by depth (the block itself at 0). */
function levelsOf(block: Y.XmlText): Y.XmlText[][] {
  const levels: Y.XmlText[][] = [];
  const stack: [Y.XmlText, number][] = [[block, 0]];
  while (stack.length) {
    const [t, depth] = stack.pop()!;
    (levels[depth] ??= []).push(t);
    for (const op of deltaOf(t)) if (op.insert instanceof Y.XmlText) stack.push([op.insert, depth + 1]);
  }
  return levels;
}

/**
 * Flattens, in the shared document, every top-level block of `content` nested deeper than `max`, so
 * peers get the flat blocks. The deep block is emptied from its deepest level up, a few hundred
 * levels per transaction (Yjs, here and at every peer applying the change, then never recurses
 * deeper than that), and replaced by its flattened text. Returns how many blocks it flattened.
 */
export function flattenDeepNesting(content: Y.XmlText, max = MAX_NESTING): number {
  const deep: { at: number; block: Y.XmlText }[] = [];
  let at = 0;
  for (const op of deltaOf(content)) {
    if (op.insert instanceof Y.XmlText && nestsDeeperThan(op.insert, max)) deep.push({ at, block: op.insert });
    at += typeof op.insert === 'string' ? op.insert.length : 1;
  }
  const transact = (fn: () => void) => (content.doc ? content.doc.transact(fn) : fn());
  for (const { at: pos, block } of deep.reverse()) {
    const flat = flattenedBlock(block);
    const levels = levelsOf(block);
    for (let depth = levels.length - 1; depth >= 0; depth -= LEVELS_PER_TRANSACTION) {
      transact(() => {
        for (let d = depth; d > depth - LEVELS_PER_TRANSACTION && d >= 0; d--) for (const t of levels[d]!) t.delete(0, t.length);
      });
    }
    transact(() => {
      content.delete(pos, 1);
      content.applyDelta([...(pos > 0 ? [{ retain: pos }] : []), ...slateNodesToInsertDelta(flat)]);
    });
  }
  return deep.length;
}
