/**
 * Where a comment thread points in its plan, and where that is now.
 *
 * - Structured anchors name a block by its stable id: a goal, an action, a stage row of the track-selling
 *   matrix (matrix id + stage id), optionally one field of it (a goal's `target`); `plan` is the whole plan.
 * - Text anchors (`text`, or `section` for a heading) hold Yjs relative positions into the plan's
 *   content: one at the first character of the range, one at its last character, each pointing at that
 *   character's Yjs item, so typing around the range never moves it, plus the words themselves (`quote`).
 *
 * Caveat of relative positions (the reason for `quote`): @slate-yjs/core splits, merges and moves a block
 * by deleting its text and inserting a copy, so a position into moved text points at a deleted item.
 * (slate-yjs' own "stored positions" follow such moves, but they live in the plan document, which a
 * commenter may not write.) When a character the anchor points at is gone, the quote is searched for
 * in the plan, nearest to where the range was first; found, the thread is anchored there (`relocated`);
 * not found, it is `orphaned`, never dropped. When both characters are there but the words between
 * them changed (someone edited inside the range), the thread is `edited`: anchored, with its new words.
 *
 * Pure: reads a plan's Y.Doc and its Slate content (`readPlanContent`, or an editor's children).
 */
import { slatePointToRelativePosition } from '@slate-yjs/core';
import { createEditor, Editor, Element, Node, Path, Range, Text, type BasePoint, type BaseRange, type Descendant } from 'slate';
import * as Y from 'yjs';
import { z } from 'zod';
import { newAction, newGoal, newStage } from '../model/blocks';
import { type PlanContent } from '../model/elements';
import { planContent } from '../model/planDoc';
import { STAGE_IDS } from '../model/stages';
import { structuredBlocks } from '../derive/walk';

/** The longest quote a text anchor keeps (a comment on a whole page quotes its start). */
export const MAX_QUOTE = 2000;

const fieldsOf = (block: object) => Object.keys(block).filter((k) => k !== 'type' && k !== 'children' && k !== 'id') as [string, ...string[]];
export const GOAL_FIELDS = fieldsOf(newGoal());
export const ACTION_FIELDS = fieldsOf(newAction());
export const STAGE_FIELDS = fieldsOf(newStage({ stage: STAGE_IDS[0] })).filter((f) => f !== 'stage') as [string, ...string[]];

const blockId = z.string().min(1).max(64);
const yId = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() }).strict();
/** `Y.relativePositionToJSON` of a position inside the plan's content. */
const RelativePositionSchema = z.object({
  type: yId.nullish(),
  tname: z.string().nullish(),
  item: yId.nullish(),
  assoc: z.number().int().optional(),
}).strict();

export const AnchorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plan') }).strict(),
  z.object({ kind: z.literal('goal'), goalId: blockId, field: z.enum(GOAL_FIELDS).optional() }).strict(),
  z.object({ kind: z.literal('action'), actionId: blockId, field: z.enum(ACTION_FIELDS).optional() }).strict(),
  z.object({ kind: z.literal('stage'), matrixId: blockId, stage: z.enum(STAGE_IDS), field: z.enum(STAGE_FIELDS).optional() }).strict(),
  z.object({
    kind: z.enum(['text', 'section']),
    start: RelativePositionSchema,
    last: RelativePositionSchema,
    quote: z.string().min(1).max(MAX_QUOTE),
  }).strict(),
]);
export type Anchor = z.infer<typeof AnchorSchema>;
export type TextAnchor = Extract<Anchor, { kind: 'text' | 'section' }>;
export type BlockAnchor = Extract<Anchor, { kind: 'goal' | 'action' | 'stage' }>;

export type ResolvedAnchor =
  | { status: 'anchored'; at: 'plan' }
  | { status: 'anchored'; at: 'block'; path: Path; field: string | null }
  /** `edited`: the range still stands but its words changed; `relocated`: found again by its quote. */
  | { status: 'anchored' | 'edited'; at: 'text'; range: BaseRange; text: string; relocated: boolean }
  | { status: 'orphaned'; reason: string };

/** The card a structured anchor shows on (`goal:<id>`, `action:<id>`, `stage:<matrixId>/<stage>`); null for plan and text anchors. */
export function cardKey(anchor: Anchor): string | null {
  switch (anchor.kind) {
    case 'goal': return `goal:${anchor.goalId}`;
    case 'action': return `action:${anchor.actionId}`;
    case 'stage': return `stage:${anchor.matrixId}/${anchor.stage}`;
    default: return null;
  }
}

/** The anchor of a card by its key (`cardKey`'s inverse), on `field` when given; null for a key that is not a card's. */
export function cardAnchor(key: string, field?: string): BlockAnchor | null {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const rest = key.slice(colon + 1);
  const raw = kind === 'goal' ? { kind, goalId: rest }
    : kind === 'action' ? { kind, actionId: rest }
      : kind === 'stage' ? { kind, matrixId: rest.slice(0, rest.lastIndexOf('/')), stage: rest.slice(rest.lastIndexOf('/') + 1) }
        : null;
  const parsed = raw ? AnchorSchema.safeParse(field ? { ...raw, field } : raw) : null;
  return parsed?.success ? (parsed.data as BlockAnchor) : null;
}

/** The field of a card a structured anchor points at (`goal:<id>#target`); null without a field. */
export function fieldKey(anchor: Anchor): string | null {
  const card = cardKey(anchor);
  const field = 'field' in anchor ? anchor.field : undefined;
  return card && field ? `${card}#${field}` : null;
}

// ---------- text ----------

type Leaf = { path: Path; start: number; text: string };

/** The text leaves of a block with their offsets in the block's string (what `Editor.string` reads). */
function leavesOf(block: Element, blockPath: Path): Leaf[] {
  const leaves: Leaf[] = [];
  let at = 0;
  for (const [node, path] of Node.texts(block)) {
    const full = [...blockPath, ...path];
    const parent = Node.parent(block, path);
    // A void inline (a mention) reads as nothing, like Editor.string without voids.
    const text = Element.isElement(parent) && parent !== block && (parent as { type?: string }).type === 'mention' ? '' : node.text;
    leaves.push({ path: full, start: at, text });
    at += text.length;
  }
  return leaves;
}

/** The point just before the character at `offset` of a block's string (null past its end). */
function pointAtChar(leaves: Leaf[], offset: number): BasePoint | null {
  const leaf = leaves.find((l) => offset >= l.start && offset < l.start + l.text.length);
  return leaf ? { path: leaf.path, offset: offset - leaf.start } : null;
}

function offsetInBlock(leaves: Leaf[], point: BasePoint): number | null {
  const leaf = leaves.find((l) => Path.equals(l.path, point.path));
  return leaf ? leaf.start + point.offset : null;
}

/** Blocks holding text (paragraphs, headings, list items…), in document order. */
function textBlocks(content: PlanContent): { block: Element; path: Path }[] {
  const out: { block: Element; path: Path }[] = [];
  const walk = (nodes: Descendant[], prefix: Path) => nodes.forEach((node, i) => {
    if (!Element.isElement(node)) return;
    const path = [...prefix, i];
    if (node.children.some((c) => Text.isText(c)) && !['goal', 'action', 'stage', 'mention', 'link'].includes((node as { type: string }).type)) out.push({ block: node, path });
    else walk(node.children, path);
  });
  walk(content, []);
  return out;
}

const editorOf = (content: PlanContent): Editor => {
  const editor = createEditor();
  editor.children = content;
  return editor;
};

/** The text block that holds `path`. */
function blockAt(content: PlanContent, path: Path): { block: Element; path: Path } | null {
  return textBlocks(content).find((b) => Path.isAncestor(b.path, path)) ?? null;
}

/**
 * A text anchor for `range` of the plan (`section`: a heading's text). The range stays inside one
 * block and holds some text; a longer range is anchored on its first MAX_QUOTE characters.
 */
export function textAnchor(doc: Y.Doc, content: PlanContent, range: BaseRange, kind: 'text' | 'section' = 'text'): TextAnchor {
  const [from, to] = Range.edges(range);
  const found = blockAt(content, from.path);
  if (!found || !Path.isAncestor(found.path, to.path)) throw new Error('a comment on text stays inside one paragraph, heading or list item');
  if (kind === 'section' && (found.block as { type: string }).type !== 'heading') throw new Error('a section is anchored on its heading');
  const leaves = leavesOf(found.block, found.path);
  const start = offsetInBlock(leaves, from)!;
  const end = Math.min(offsetInBlock(leaves, to)!, start + MAX_QUOTE);
  const quote = leaves.map((l) => l.text).join('').slice(start, end);
  if (!quote.trim()) throw new Error('select some words to comment on');
  const root = planContent(doc);
  const slateRoot = { children: content } as unknown as Node;
  const first = slatePointToRelativePosition(root, slateRoot, pointAtChar(leaves, start)!);
  const last = slatePointToRelativePosition(root, slateRoot, pointAtChar(leaves, end - 1)!);
  return { kind, start: Y.relativePositionToJSON(first) as TextAnchor['start'], last: Y.relativePositionToJSON(last) as TextAnchor['last'], quote };
}

/** Whether the character a relative position points at is still in the document. */
function pointsAtLiveItem(doc: Y.Doc, pos: Y.RelativePosition): boolean {
  if (!pos.item) return false;
  try {
    const struct = Y.getItem(doc.store, pos.item);
    return struct instanceof Y.Item && !struct.deleted;
  } catch {
    return false; // an item this copy of the plan does not have (yet)
  }
}

type DeltaEntry = { insert?: unknown };

/**
 * Slate points of Yjs positions in the plan's content, for many anchors at once. It does what
 * @slate-yjs/core's `relativePositionToSlatePoint` does, but reads the top level's delta (one entry per
 * block) once instead of once per position: 500 anchors on a plan of 10,000 blocks took seconds.
 */
class PointFinder {
  private topIndex: Map<unknown, number> | null = null;

  constructor(private readonly doc: Y.Doc, private readonly root: Y.XmlText, private readonly slateRoot: Node) {}

  /** The point just before the character `pos` points at; null when it is not in text the content holds. */
  pointAt(pos: Y.RelativePosition): BasePoint | null {
    const abs = Y.createAbsolutePositionFromRelativePosition(pos, this.doc);
    if (!abs || !(abs.type instanceof Y.XmlText)) return null;
    const path = this.pathOf(abs.type);
    if (!path) return null;
    let at = 0;
    const delta = abs.type.toDelta() as DeltaEntry[];
    for (let i = 0; i < delta.length; i++) {
      const insert = delta[i]!.insert;
      const length = typeof insert === 'string' ? insert.length : 1;
      if (abs.index < at + length) {
        if (typeof insert !== 'string') return null;
        const point = { path: [...path, i], offset: abs.index - at };
        const leaf = Node.has(this.slateRoot, point.path) ? Node.get(this.slateRoot, point.path) : null;
        return leaf && Text.isText(leaf) && point.offset <= leaf.text.length ? point : null;
      }
      at += length;
    }
    return null;
  }

  /** The Slate path of a block (or inline) Y.XmlText; null when it is not in the content. */
  private pathOf(type: Y.XmlText): Path | null {
    if (type === this.root) return [];
    const parent = type._item?.parent;
    if (!(parent instanceof Y.XmlText) || type._item?.deleted) return null;
    if (parent === this.root) {
      this.topIndex ??= new Map((this.root.toDelta() as DeltaEntry[]).map((e, i) => [e.insert, i]));
      const index = this.topIndex.get(type);
      return index === undefined ? null : [index];
    }
    const above = this.pathOf(parent);
    const index = (parent.toDelta() as DeltaEntry[]).findIndex((e) => e.insert === type);
    return above && index >= 0 ? [...above, index] : null;
  }
}

/** Where a text anchor is now; `finder` and `blocks` are shared by the anchors resolved together. */
function resolveText(doc: Y.Doc, editor: Editor, finder: PointFinder, blocks: () => TextBlock[], anchor: TextAnchor): ResolvedAnchor {
  const start = Y.createRelativePositionFromJSON(anchor.start);
  const last = Y.createRelativePositionFromJSON(anchor.last);
  const startPoint = finder.pointAt(start);
  if (pointsAtLiveItem(doc, start) && pointsAtLiveItem(doc, last)) {
    const lastPoint = finder.pointAt(last);
    if (startPoint && lastPoint && !Path.isAfter(startPoint.path, lastPoint.path)) {
      const range = { anchor: startPoint, focus: { path: lastPoint.path, offset: lastPoint.offset + 1 } };
      const text = Editor.string(editor, range);
      if (text === anchor.quote) return { status: 'anchored', at: 'text', range, text, relocated: false };
      if (text) return { status: 'edited', at: 'text', range, text, relocated: false };
    }
  }
  const found = findQuote(blocks(), anchor.quote, startPoint?.path ?? [0]);
  if (found) return { status: 'anchored', at: 'text', range: found, text: anchor.quote, relocated: true };
  return { status: 'orphaned', reason: `the words "${anchor.quote.length > 60 ? `${anchor.quote.slice(0, 57)}…` : anchor.quote}" are no longer in the plan` };
}

type TextBlock = { path: Path; leaves: Leaf[]; text: string };

/** The occurrence of `quote` inside one text block nearest to `near` (by block, then by offset); null when there is none. */
function findQuote(blocks: TextBlock[], quote: string, near: Path): BaseRange | null {
  const nearIndex = Math.max(0, blocks.findIndex((b) => Path.isAncestor(b.path, near) || Path.isAfter(b.path, near)));
  let best: { range: BaseRange; distance: number } | null = null;
  blocks.forEach(({ leaves, text }, index) => {
    for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
      const distance = Math.abs(index - nearIndex) * 1e6 + at;
      if (best && best.distance <= distance) continue;
      const from = pointAtChar(leaves, at)!;
      const lastChar = pointAtChar(leaves, at + quote.length - 1)!;
      best = { range: { anchor: from, focus: { path: lastChar.path, offset: lastChar.offset + 1 } }, distance };
    }
  });
  return (best as { range: BaseRange } | null)?.range ?? null;
}

// ---------- everything ----------

export type AnchorResolver = (anchor: Anchor | null) => ResolvedAnchor;

/**
 * Resolves anchors against one state of the plan (its Y.Doc and its Slate content: `readPlanContent`,
 * or an editor's children, in step with the document). The indexes it needs are built once, on first
 * use, and shared by every anchor it resolves: make one per change of the plan, not one per anchor.
 */
export function anchorResolver(doc: Y.Doc, content: PlanContent): AnchorResolver {
  const slateRoot = { children: content } as unknown as Node;
  const editor = editorOf(content);
  const finder = new PointFinder(doc, planContent(doc), slateRoot);
  let blocks: TextBlock[] | null = null;
  const textBlocksNow = () => (blocks ??= textBlocks(content).map(({ block, path }) => {
    const leaves = leavesOf(block, path);
    return { path, leaves, text: leaves.map((l) => l.text).join('') };
  }));
  let structured: ReturnType<typeof indexBlocks> | null = null;
  return (anchor) => {
    if (!anchor) return { status: 'orphaned', reason: 'this version of Tandem cannot read where the comment points' };
    if (anchor.kind === 'plan') return { status: 'anchored', at: 'plan' };
    if (anchor.kind === 'text' || anchor.kind === 'section') return resolveText(doc, editor, finder, textBlocksNow, anchor as TextAnchor);
    const block = anchor as BlockAnchor;
    structured ??= indexBlocks(content);
    const path = block.kind === 'goal' ? structured.goals.get(block.goalId)
      : block.kind === 'action' ? structured.actions.get(block.actionId)
        : structured.stages.get(`${block.matrixId}/${block.stage}`);
    if (!path) return { status: 'orphaned', reason: `the ${block.kind === 'stage' ? 'stage row' : block.kind} is no longer in the plan` };
    return { status: 'anchored', at: 'block', path, field: block.field ?? null };
  };
}

/** Where `anchor` is in the plan now (one anchor; for many, `anchorResolver`). */
export function resolveAnchor(doc: Y.Doc, content: PlanContent, anchor: Anchor | null): ResolvedAnchor {
  return anchorResolver(doc, content)(anchor);
}

/** Paths of the structured blocks by id (the first, should an id appear twice). */
function indexBlocks(content: PlanContent) {
  const { goals, actions, stages } = structuredBlocks(content);
  const byId = <T>(xs: T[], key: (x: T) => string, path: (x: T) => Path) => {
    const map = new Map<string, Path>();
    for (const x of xs) if (!map.has(key(x))) map.set(key(x), path(x));
    return map;
  };
  return {
    goals: byId(goals, (g) => g.el.id, (g) => g.path),
    actions: byId(actions, (a) => a.el.id, (a) => a.path),
    stages: byId(stages, (s) => `${s.matrix.id}/${s.el.stage}`, (s) => s.path),
  };
}
