/**
 * The editor's transforms, as the command palette, the toolbar, the slash menu and the keyboard call
 * them. No React here: each takes the editor and changes the document through Slate.
 */
import { Editor, Element, type Location, Node, Path, type Point, Range, Text, Transforms } from 'slate';
import { flushSync } from 'react-dom';
import { ReactEditor } from 'slate-react';
import { YjsEditor } from '@slate-yjs/core';
import { newAction, newGoal, newStageMatrix, paragraph } from '../../shared/model/blocks';
import { type ActionFields, type GoalElement, type GoalFields, type Mark, type MentionElement } from '../../shared/model/elements';
import { type Person } from '../../shared/model/people';
import { type PlanSlateEditor } from './createPlanEditor';
import { clearField } from './nullFields';
import { lazyChunks } from './elements/lazyChunks';
import { isHttpUrl } from './plugins/withLinks';
import { liftItem } from './plugins/withLists';
import { beginEdit } from './plugins/withUndoBoundaries';
import { setProps } from './plugins/setProps';

export type BlockType = 'paragraph' | 'heading-1' | 'heading-2' | 'heading-3' | 'bulleted-list' | 'numbered-list';

/** The top-level index where a new block goes: after the block holding the selection, or at the end. */
function insertionIndex(editor: Editor): number {
  const { selection } = editor;
  if (!selection) return Math.max(0, editor.children.length - 1);
  const top = selection.anchor.path[0] ?? 0;
  const block = editor.children[top];
  // An empty paragraph is replaced by the block, as if typed into it.
  if (block && Element.isElement(block) && block.type === 'paragraph' && Editor.isEmpty(editor, block)) return top;
  return top + 1;
}

/** Inserts a top-level block where the user is; an empty paragraph there is replaced. */
function insertTopLevel(editor: Editor, block: Element): Path {
  const at = insertionIndex(editor);
  const current = editor.children[at];
  Editor.withoutNormalizing(editor, () => {
    if (current && Element.isElement(current) && current.type === 'paragraph' && Editor.isEmpty(editor, current)) {
      Transforms.removeNodes(editor, { at: [at] });
    }
    Transforms.insertNodes(editor, block, { at: [at], select: false });
  });
  Transforms.select(editor, Editor.start(editor, [at]));
  return [at];
}

export function insertGoal(editor: Editor, fields: Partial<GoalFields> = {}): string {
  const goal = newGoal(fields);
  insertTopLevel(editor, goal);
  return goal.id;
}

/** The goal holding the selection, or the nearest goal above it (with `inSection`, only below the section's heading). */
export function goalAtOrAbove(editor: Editor, opts: { inSection?: boolean } = {}): { goal: GoalElement; path: Path } | null {
  const top = editor.selection?.anchor.path[0];
  if (top === undefined) return null;
  for (let i = Math.min(top, editor.children.length - 1); i >= 0; i--) {
    const n = editor.children[i];
    if (n && Element.isElement(n) && n.type === 'goal') return { goal: n, path: [i] };
    if (opts.inSection && n && Element.isElement(n) && n.type === 'heading') return null;
  }
  return null;
}

/** A sub-goal of the goal at or above the selection, placed after that goal's last descendant. */
export function insertSubGoal(editor: Editor): string | null {
  const parent = goalAtOrAbove(editor);
  if (!parent) return null;
  return insertSubGoalOf(editor, parent.goal.id);
}

export function insertSubGoalOf(editor: Editor, parentId: string): string | null {
  const index = topLevelIndexOf(editor, parentId);
  if (index < 0) return null;
  const parent = editor.children[index] as GoalElement;
  // After the parent's existing sub-goals (and theirs), so the cascade reads top-down.
  const family = new Set([parentId]);
  let after = index;
  for (let i = index + 1; i < editor.children.length; i++) {
    const n = editor.children[i];
    if (!n || !Element.isElement(n)) break;
    if (n.type === 'goal' && n.parentId && family.has(n.parentId) && n.parentPlanId == null) {
      family.add(n.id);
      after = i;
    } else if (n.type !== 'action') {
      break;
    } else {
      after = i;
    }
  }
  const goal = newGoal({ parentId, team: parent.team, period: parent.period, metricUnit: parent.metricUnit });
  Transforms.insertNodes(editor, goal, { at: [after + 1], select: false });
  Transforms.select(editor, Editor.start(editor, [after + 1]));
  return goal.id;
}

export function insertStageMatrix(editor: Editor): void {
  insertTopLevel(editor, newStageMatrix());
}

export function insertAction(editor: Editor, fields: Partial<ActionFields> = {}): string {
  // An action written under a goal, in its section, serves that goal unless told otherwise; elsewhere
  // (the plan's actions section, say) it serves none, and its card asks which goal it serves.
  const goal = goalAtOrAbove(editor, { inSection: true });
  const action = newAction({ goalId: goal?.goal.id ?? null, ...fields });
  insertTopLevel(editor, action);
  return action.id;
}

export function insertMention(editor: Editor, person: Pick<Person, 'id' | 'name'>): void {
  const mention: MentionElement = { type: 'mention', personId: person.id, name: person.name, children: [{ text: '' }] };
  Transforms.insertNodes(editor, mention);
  Transforms.move(editor);
  Editor.insertText(editor, ' ');
}

/** Wraps the selection in a link (or inserts the address as a linked text); only http(s) addresses. */
export function insertLink(editor: Editor, url: string): boolean {
  if (!isHttpUrl(url) || !editor.selection) return false;
  Transforms.unwrapNodes(editor, { match: (n) => Element.isElement(n) && n.type === 'link', split: true });
  if (Range.isCollapsed(editor.selection)) {
    Transforms.insertNodes(editor, { type: 'link', url, children: [{ text: url }] });
  } else {
    Transforms.wrapNodes(editor, { type: 'link', url, children: [] }, { split: true });
    Transforms.collapse(editor, { edge: 'end' });
  }
  return true;
}

/** Finds a goal, action or stage matrix by id among the top-level blocks. */
export function topLevelIndexOf(editor: Editor, blockId: string): number {
  return editor.children.findIndex((n) => Element.isElement(n) && 'id' in n && n.id === blockId);
}

/** Selects the block with this id and scrolls it into view; false when there is none. */
export function revealBlock(editor: PlanSlateEditor, blockId: string): boolean {
  const index = topLevelIndexOf(editor, blockId);
  if (index < 0) return false;
  revealPath(editor, [index]);
  return true;
}

/** Puts the caret at the start of the block at this path, renders its chunk if needed, and scrolls to it. */
export function revealPath(editor: PlanSlateEditor, path: Path): void {
  revealSelection(editor, Editor.start(editor, path), { scroll: 'center' });
}

export type RevealOptions = {
  /** Where to scroll the focus end to; null: do not scroll. */
  scroll?: ScrollLogicalPosition | null;
  anchor?: Point;
  /** Render the chunks needed before returning (from a key or click handler, not from a React effect). */
  now?: boolean;
};

/**
 * Selects up to `focus` (from `anchor`, or a caret at `focus`), renders the chunks of a large plan that
 * hold both ends, puts the browser's selection there as soon as they are on the page (so keys typed
 * right after land there, not where the caret was), and scrolls the focus into view: Ctrl+A,
 * Ctrl+Home/End and jumps, which the browser cannot do itself across chunks not rendered yet.
 */
export function revealSelection(editor: PlanSlateEditor, focus: Point, { scroll = 'nearest', anchor = focus, now = false }: RevealOptions = {}): void {
  Transforms.select(editor, { anchor, focus });
  const mount = () => {
    lazyChunks(editor).mountBlock(anchor.path[0]!);
    lazyChunks(editor).mountBlock(focus.path[0]!);
  };
  if (now) flushSync(mount);
  else mount();
  whenRendered(editor, focus.path.slice(0, 1), (dom) => {
    try {
      const [anchorNode, anchorOffset] = ReactEditor.toDOMPoint(editor, anchor);
      const [focusNode, focusOffset] = ReactEditor.toDOMPoint(editor, focus);
      window.getSelection()?.setBaseAndExtent(anchorNode, anchorOffset, focusNode, focusOffset);
    } catch {
      // An end not on the page after all: Slate puts the selection there when it renders.
    }
    if (scroll) dom.scrollIntoView({ block: scroll, behavior: 'auto' });
    ReactEditor.focus(editor);
  });
}

/** Calls `then` with the block's element once it is on the page (this frame or one of the next few). */
function whenRendered(editor: PlanSlateEditor, path: Path, then: (dom: HTMLElement) => void, frames = 30): void {
  let dom: HTMLElement | null = null;
  try {
    dom = ReactEditor.toDOMNode(editor, Node.get(editor, path));
  } catch {
    // Not rendered yet, or an editor without a view.
  }
  if (dom) then(dom);
  else if (frames > 0 && typeof requestAnimationFrame === 'function') requestAnimationFrame(() => whenRendered(editor, path, then, frames - 1));
}

export function isMarkActive(editor: Editor, mark: Mark): boolean {
  return Editor.marks(editor)?.[mark] === true;
}

export function toggleMark(editor: Editor, mark: Mark): void {
  if (isMarkActive(editor, mark)) Editor.removeMark(editor, mark);
  else Editor.addMark(editor, mark, true);
}

/** The text block type at the selection, for the toolbar. */
export function currentBlockType(editor: Editor): BlockType | null {
  if (!editor.selection) return null;
  const entry = Editor.above<Element>(editor, { match: (n) => Element.isElement(n) && Editor.isBlock(editor, n) && !Editor.isVoid(editor, n) });
  if (!entry) return null;
  const [el, path] = entry;
  if (el.type === 'heading') return `heading-${el.level}`;
  if (el.type === 'list-item') {
    const parent = Node.parent(editor, path);
    return Element.isElement(parent) && parent.type === 'numbered-list' ? 'numbered-list' : 'bulleted-list';
  }
  return el.type === 'paragraph' || el.type === 'guidance' ? 'paragraph' : null;
}

/** Turns the text blocks in the selection into the given type (setting the same type again returns to a paragraph for lists). */
export function setBlockType(editor: Editor, type: BlockType): void {
  if (!editor.selection) return;
  const blocks = Array.from(Editor.nodes<Element>(editor, {
    match: (n) => Element.isElement(n) && ['paragraph', 'heading', 'guidance', 'list-item'].includes(n.type),
    mode: 'lowest',
  }));
  const active = currentBlockType(editor);
  Editor.withoutNormalizing(editor, () => {
    for (const [el, at] of blocks.reverse()) {
      const ref = Editor.pathRef(editor, at);
      if (el.type === 'list-item') liftItem(editor, at);
      const path = ref.unref();
      if (!path) continue;
      if (type === 'paragraph' || ((type === 'bulleted-list' || type === 'numbered-list') && active === type)) {
        setProps(editor, { type: 'paragraph', level: undefined }, path);
      } else if (type.startsWith('heading-')) {
        setProps(editor, { type: 'heading', level: Number(type.slice(-1)) }, path);
      } else {
        setProps(editor, { type: 'list-item', level: undefined }, path);
        Transforms.wrapNodes(editor, { type: type as 'bulleted-list', children: [] }, { at: path });
      }
    }
  });
}

/** Replaces `length` characters before the caret (the typed `/query` or `@query`). */
export function deleteBeforeCaret(editor: Editor, length: number): void {
  const { selection } = editor;
  if (!selection || !Range.isCollapsed(selection) || length <= 0) return;
  Transforms.delete(editor, { distance: length, unit: 'character', reverse: true });
}

/** The text typed before the caret in the current text node, for the slash menu and the @ picker. */
export function textBeforeCaret(editor: Editor): string | null {
  const { selection } = editor;
  if (!selection || !Range.isCollapsed(selection)) return null;
  const [node] = Editor.node(editor, selection.anchor.path);
  if (!Text.isText(node)) return null;
  return node.text.slice(0, selection.anchor.offset);
}

/** Moves the caret into the paragraph after the block at `path` (creating one when needed). */
export function caretAfterBlock(editor: Editor, at: Location): void {
  const path = Editor.path(editor, at).slice(0, 1);
  const next = Path.next(path);
  const n = editor.children[next[0]!];
  if (!n || !Element.isElement(n) || Editor.isVoid(editor, n) || n.type === 'stage-matrix') {
    Transforms.insertNodes(editor, paragraph(), { at: next, select: false });
  }
  Transforms.select(editor, Editor.start(editor, next));
}

/** Sets one field of the structured block at `path`: one property, so concurrent edits to other fields merge. */
export function setBlockField(editor: Editor, path: Path, field: string, value: unknown): void {
  beginEdit(editor, `field:${path.join('.')}:${field}`);
  if (value === null && YjsEditor.isYjsEditor(editor) && clearField(editor, path, field)) return;
  setProps(editor, { [field]: value }, path);
}
