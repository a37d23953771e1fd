/**
 * "Restore This Edition": brings an edition's content back into the live plan as one new change —
 * one transaction that everyone receives like any edit, and that an undo manager tracking its
 * origin takes back in one step. History is never rewritten.
 *
 * The change is as small as the two contents allow, so colleagues' cursors and concurrent edits
 * elsewhere are kept: top-level blocks are aligned (goals, actions and stage matrices by id, other
 * blocks by their whole content); a structured block still there gets only the fields that differ;
 * other blocks that differ are replaced whole. The plan's title and period stay as they are now.
 */
import * as Y from 'yjs';
import { diffArrays } from 'diff';
import { slateNodesToInsertDelta, yTextToSlateElement } from '@slate-yjs/core';
import { type Descendant } from 'slate';
import { type PlanContent } from '../model/elements';
import { planContent } from '../model/planDoc';
import { editionSnapshot, type Edition } from './editionsDoc';

/**
 * The origin a restore is written under in the app: the plan editor's undo manager tracks it, so
 * Ctrl+Z takes a restore back, while the Slate binding applies it like a colleague's change.
 */
export const RESTORE_EDITION_ORIGIN = 'tandem.restoreEdition';

/** A block's identity for alignment: structured blocks by id, others by their content (keys sorted). */
function blockKey(node: Descendant): string {
  const n = node as { type?: string; id?: unknown };
  if ((n.type === 'goal' || n.type === 'action' || n.type === 'stage-matrix') && typeof n.id === 'string') return `${n.type}:${n.id}`;
  return `=${stableJson(node)}`;
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
    return `{${Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** Sets on `text` the element attributes of `target` that differ (a field set to null is removed, as Slate does). */
function patchAttributes(text: Y.XmlText, target: Descendant): number {
  const want = Object.fromEntries(Object.entries(target).filter(([k]) => k !== 'children'));
  const have = text.getAttributes() as Record<string, unknown>;
  let changed = 0;
  for (const key of Object.keys(have)) {
    if (!(key in want) || want[key] == null) {
      if (have[key] != null) {
        text.removeAttribute(key);
        changed++;
      }
    }
  }
  for (const [key, value] of Object.entries(want)) {
    if (value == null || stableJson(have[key]) === stableJson(value)) continue;
    text.setAttribute(key, value as never);
    changed++;
  }
  return changed;
}

const embeds = (text: Y.XmlText) => (text.toDelta() as Array<{ insert: unknown }>).map((op) => op.insert);

/** Makes the live plan's content equal to `target` in one transaction (with `origin`); returns how many blocks and fields it changed. */
export function restorePlanContent(doc: Y.Doc, target: PlanContent, origin: unknown = null): { changes: number } {
  let changes = 0;
  doc.transact(() => {
    const content = planContent(doc);
    const items = embeds(content);
    // Top-level items are blocks (length 1); stray text from a bad peer has its own length and is dropped.
    const size = (x: unknown) => (typeof x === 'string' ? x.length : 1);
    const liveKeys = items.map((e) => (e instanceof Y.XmlText ? blockKey(yTextToSlateElement(e) as Descendant) : '\u0000'));
    let at = 0; // position in the live content, as it changes
    let l = 0; // index into the live items as they were
    let t = 0; // index into the target
    for (const part of diffArrays(liveKeys, target.map(blockKey))) {
      const n = part.count ?? part.value.length;
      if (part.removed) {
        const len = items.slice(l, l + n).reduce<number>((sum, x) => sum + size(x), 0);
        content.delete(at, len);
        l += n;
        changes += n;
      } else if (part.added) {
        content.applyDelta([{ retain: at }, ...slateNodesToInsertDelta(target.slice(t, t + n))]);
        at += n;
        t += n;
        changes += n;
      } else {
        for (let k = 0; k < n; k++, at++, l++, t++) {
          if (!part.value[k]!.startsWith('=')) changes += patchBlock(items[l] as Y.XmlText, target[t]!);
        }
      }
    }
  }, origin);
  return { changes };
}

/** A structured block present on both sides: its fields, and for a stage matrix each stage row's fields. */
function patchBlock(text: Y.XmlText, target: Descendant): number {
  let changed = patchAttributes(text, target);
  if ('type' in target && target.type === 'stage-matrix') {
    const rows = embeds(text);
    target.children.forEach((row, i) => {
      if (rows[i] instanceof Y.XmlText) changed += patchAttributes(rows[i], row);
    });
  }
  return changed;
}

/** Restores edition `id` of the plan (rebuilt from its chain) into the live plan `doc`. */
export function restoreEdition(doc: Y.Doc, editions: readonly Edition[], id: string, origin: unknown = null): { changes: number } {
  return restorePlanContent(doc, editionSnapshot(editions, id).content, origin);
}
