/**
 * Structured blocks stay valid under any edit, local or remote:
 * - goals, actions and stage matrices live at the top level of the plan (one nested by a paste or a
 *   remote change is moved out, after the block that held it);
 * - a void block (goal, action, stage, mention) holds exactly one empty text;
 * - every field of a goal, action or stage is present and of a valid type (fieldRepair.ts);
 * - a stage matrix holds the seven track-selling stages, each once, in buying order, and nothing else:
 *   anything else inside is moved out after the matrix, a duplicate stage is merged into the first
 *   (its filled fields fill the first's empty ones), a missing stage is recreated empty, and a stage
 *   found outside a matrix is wrapped into a new one;
 * - an element of an unknown type becomes a paragraph.
 */
import { Editor, Element, type Node, Path, Text, Transforms } from 'slate';
import { newStage, paragraph } from '../../../shared/model/blocks';
import { type PlanElementType, type StageElement, VOID_TYPES } from '../../../shared/model/elements';
import { newId } from '../../../shared/model/ids';
import { STAGE_IDS, type StageId } from '../../../shared/model/stages';
import { actionRepair, goalRepair, stageIsEmpty, stageMerge, stageRepair } from './fieldRepair';
import { setProps } from './setProps';

const KNOWN_TYPES: ReadonlySet<string> = new Set<PlanElementType>([
  'paragraph', 'heading', 'guidance', 'bulleted-list', 'numbered-list', 'list-item', 'link', 'mention',
  'goal', 'stage-matrix', 'stage', 'action',
]);
const TOP_LEVEL_TYPES: ReadonlySet<string> = new Set(['goal', 'action', 'stage-matrix']);
const STAGE_ORDER = new Map<string, number>(STAGE_IDS.map((id, i) => [id, i]));

const asRecord = (el: Element) => el as unknown as Record<string, unknown>;

export function withStructuredBlocks<E extends Editor>(editor: E): E {
  const { normalizeNode } = editor;
  editor.normalizeNode = (entry, options) => {
    const [node, path] = entry;
    if (Element.isElement(node) && normalizeElement(editor, node, path)) return;
    normalizeNode(entry, options);
  };
  return editor;
}

/** One repair step for this element; true when something changed (Slate normalizes again). */
function normalizeElement(editor: Editor, el: Element, path: Path): boolean {
  const type = (el as { type?: unknown }).type;
  if (typeof type !== 'string' || !KNOWN_TYPES.has(type)) {
    setProps(editor, { type: 'paragraph' }, path);
    return true;
  }
  if (TOP_LEVEL_TYPES.has(type) && path.length > 1) {
    Transforms.moveNodes(editor, { at: path, to: [path[0]! + 1] });
    return true;
  }
  if (type === 'stage') {
    const parent = Editor.parent(editor, path)[0];
    if (!Element.isElement(parent) || parent.type !== 'stage-matrix') {
      if (path.length > 1) Transforms.moveNodes(editor, { at: path, to: [path[0]! + 1] });
      else Transforms.wrapNodes(editor, { type: 'stage-matrix', id: newId('stages'), revenueGoalId: null, dealSize: null, children: [] }, { at: path });
      return true;
    }
  }
  if (VOID_TYPES.has(el.type) && !hasEmptyTextOnly(el)) {
    Editor.withoutNormalizing(editor, () => {
      for (let i = el.children.length - 1; i > 0; i--) Transforms.removeNodes(editor, { at: [...path, i] });
      const first = el.children[0];
      if (first && Text.isText(first)) {
        // Void text is never shown; a direct operation, because text transforms skip voids.
        if (first.text !== '') editor.apply({ type: 'remove_text', path: [...path, 0], offset: 0, text: first.text });
      } else {
        if (first) Transforms.removeNodes(editor, { at: [...path, 0] });
        Transforms.insertNodes(editor, { text: '' }, { at: [...path, 0] });
      }
    });
    return true;
  }
  const fix = el.type === 'goal' ? goalRepair(asRecord(el))
    : el.type === 'action' ? actionRepair(asRecord(el))
      : el.type === 'stage' ? stageRepair(asRecord(el))
        : el.type === 'mention' ? mentionRepair(asRecord(el))
          : el.type === 'heading' && ![1, 2, 3].includes(el.level) ? { level: 2 }
            : el.type === 'stage-matrix' && (typeof el.id !== 'string' || el.id === '') ? { id: newId('stages') }
              : null;
  if (fix) {
    setProps(editor, fix, path);
    return true;
  }
  if (el.type === 'stage-matrix') return normalizeStageMatrix(editor, el.children as Node[], path);
  return false;
}

function hasEmptyTextOnly(el: Element): boolean {
  const first = el.children[0];
  return el.children.length === 1 && first !== undefined && Text.isText(first) && first.text === '';
}

function mentionRepair(el: Record<string, unknown>): Record<string, unknown> | null {
  const fix: Record<string, unknown> = {};
  if (typeof el.personId !== 'string') fix.personId = '';
  if (typeof el.name !== 'string') fix.name = 'someone';
  return Object.keys(fix).length > 0 ? fix : null;
}

function normalizeStageMatrix(editor: Editor, children: Node[], path: Path): boolean {
  // 1. Anything that is not a stage leaves the matrix (after it), keeping what it says.
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i]!;
    if (Element.isElement(child) && child.type === 'stage') continue;
    if (Text.isText(child)) {
      if (child.text === '' && children.length > 1) Transforms.removeNodes(editor, { at: [...path, i] });
      else if (child.text === '') continue;
      else {
        Editor.withoutNormalizing(editor, () => {
          Transforms.removeNodes(editor, { at: [...path, i] });
          Transforms.insertNodes(editor, { ...paragraph(), children: [{ ...child }] }, { at: Path.next(path) });
        });
      }
      return true;
    }
    Transforms.moveNodes(editor, { at: [...path, i], to: Path.next(path) });
    return true;
  }
  const stages = children.filter((c): c is StageElement => Element.isElement(c) && c.type === 'stage');
  const present = new Set(stages.map((s) => s.stage).filter((s) => STAGE_ORDER.has(s)));
  const missing = STAGE_IDS.filter((id) => !present.has(id));

  // 2. A stage naming no valid stage becomes the first missing one (or goes, when all seven exist).
  const invalid = stages.findIndex((s) => !STAGE_ORDER.has(s.stage));
  if (invalid >= 0) {
    if (missing.length > 0) setProps(editor, { stage: missing[0] }, [...path, invalid]);
    else mergeInto(editor, path, stages, invalid);
    return true;
  }
  // 3. A duplicate is merged into the first of its stage.
  const firstIndex = new Map<StageId, number>();
  for (let i = 0; i < stages.length; i++) {
    const first = firstIndex.get(stages[i]!.stage);
    if (first === undefined) {
      firstIndex.set(stages[i]!.stage, i);
      continue;
    }
    mergeInto(editor, path, stages, i, first);
    return true;
  }
  // 4. A missing stage is recreated, empty, at its place in the order.
  if (missing.length > 0 || stages.length === 0) {
    const id = missing[0]!;
    const at = stages.filter((s) => STAGE_ORDER.get(s.stage)! < STAGE_ORDER.get(id)!).length;
    if (stages.length === 0) {
      // The matrix lost every stage: its one remaining child is an empty text placeholder.
      Editor.withoutNormalizing(editor, () => {
        for (let i = children.length - 1; i >= 0; i--) Transforms.removeNodes(editor, { at: [...path, i] });
        STAGE_IDS.forEach((s, i) => Transforms.insertNodes(editor, newStage({ stage: s }), { at: [...path, i] }));
      });
    } else {
      Transforms.insertNodes(editor, newStage({ stage: id }), { at: [...path, at] });
    }
    return true;
  }
  // 5. Buying order: bring the stage that belongs at the first wrong place there.
  for (let i = 0; i < stages.length; i++) {
    if (stages[i]!.stage !== STAGE_IDS[i]) {
      const from = stages.findIndex((s) => s.stage === STAGE_IDS[i]);
      Transforms.moveNodes(editor, { at: [...path, from], to: [...path, i] });
      return true;
    }
  }
  return false;
}

/** Merges stage `dup` into stage `keep` (or into the stage it duplicates) and removes it. */
function mergeInto(editor: Editor, path: Path, stages: StageElement[], dup: number, keep?: number): void {
  const target = keep ?? -1;
  Editor.withoutNormalizing(editor, () => {
    const dupEl = asRecord(stages[dup]!);
    if (target >= 0) {
      const fix = stageMerge(asRecord(stages[target]!), dupEl);
      if (fix) setProps(editor, fix, [...path, target]);
    } else if (!stageIsEmpty(dupEl)) {
      // Nowhere to merge: keep what it says as a paragraph after the matrix.
      const text = Object.entries(dupEl)
        .filter(([k, v]) => k !== 'type' && k !== 'children' && k !== 'stage' && v !== null && v !== '')
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join('; ');
      Transforms.insertNodes(editor, paragraph(text), { at: Path.next(path) });
    }
    Transforms.removeNodes(editor, { at: [...path, dup] });
  });
}
