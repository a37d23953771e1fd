/**
 * The comments commands: Add Comment (Ctrl+Alt+M) on what the keyboard is on — the field of a card,
 * the selected words, the selected card, the word at the caret — and Ask for Feedback…, which names
 * people from the directory and a question about the plan, the section or the goal at the caret.
 */
import { Editor, Element, Node, Point, Range, type BaseRange, type Path } from 'slate';
import { ReactEditor } from 'slate-react';
import { cardAnchor, textAnchor, type Anchor } from '../../../shared/comments/anchors';
import { planPlaces, placeOf } from '../../../shared/comments/commentPlaces';
import { CommentError, MAX_ASKED } from '../../../shared/comments/commentsDoc';
import { type StageMatrixElement } from '../../../shared/model/elements';
import { type PlanSlateEditor } from '../../editor/createPlanEditor';
import { type CommandContext } from '../../platform/commands';
import { commentsStore } from './commentsStore';

/** The open plan and its editor, when a plan is the active tab. */
function activePlan(ctx: CommandContext): { planId: string; editor: PlanSlateEditor } | null {
  const planId = ctx.editors.activePlanId.get();
  const editor = ctx.editors.activeEditor.get();
  return planId && editor ? { planId, editor } : null;
}

/** The page's selection as a Slate range of this editor, when it is inside its text (also read-only text). */
function pageSelection(editor: PlanSlateEditor): BaseRange | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  try {
    const root = ReactEditor.toDOMNode(editor, editor);
    if (!root.contains(selection.anchorNode)) return null;
  } catch {
    return null;
  }
  return ReactEditor.toSlateRange(editor, selection, { exactMatch: false, suppressThrow: true });
}

/** The card (goal, action, stage row) a Slate path is in, as an anchor. */
function cardAt(editor: PlanSlateEditor, path: Path): Anchor | null {
  for (let p = path; p.length > 0; p = p.slice(0, -1)) {
    if (!Node.has(editor, p)) continue;
    const node = Node.get(editor, p);
    if (!Element.isElement(node)) continue;
    if (node.type === 'goal') return { kind: 'goal', goalId: node.id };
    if (node.type === 'action') return { kind: 'action', actionId: node.id };
    if (node.type === 'stage') {
      const matrix = Node.get(editor, p.slice(0, -1)) as StageMatrixElement;
      return { kind: 'stage', matrixId: matrix.id, stage: node.stage };
    }
  }
  return null;
}

/** The word at a collapsed caret (or the rest of its block when the caret is between words); null in an empty block. */
function wordAt(editor: PlanSlateEditor, range: BaseRange): BaseRange | null {
  const at = range.anchor;
  const block = Editor.above<Element>(editor, { at, match: (n) => Element.isElement(n) && Editor.isBlock(editor, n) });
  if (!block || Editor.isVoid(editor, block[0])) return null;
  const blockStart = Editor.start(editor, block[1]);
  const blockEnd = Editor.end(editor, block[1]);
  const before = Editor.before(editor, at, { unit: 'word' });
  const after = Editor.after(editor, at, { unit: 'word' });
  const start = before && Point.isAfter(before, blockStart) ? before : blockStart;
  const end = after && Point.isBefore(after, blockEnd) ? after : blockEnd;
  const word = { anchor: start, focus: end };
  const text = Editor.string(editor, word);
  if (text.trim()) return word;
  const whole = { anchor: blockStart, focus: blockEnd };
  return Editor.string(editor, whole).trim() ? whole : null;
}

/** What Add Comment points at now in the open plan. */
export function commentTarget(editor: PlanSlateEditor, doc: Parameters<typeof textAnchor>[0]): Anchor {
  // A card's field has the keyboard: that field.
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const field = active?.closest<HTMLElement>('[data-comment-field]');
  const card = active?.closest<HTMLElement>('[data-comment-card]');
  if (card) {
    const anchor = cardAnchor(card.dataset.commentCard ?? '', field?.dataset.commentField) ?? cardAnchor(card.dataset.commentCard ?? '');
    if (anchor) return anchor;
  }
  const selected = pageSelection(editor) ?? editor.selection;
  if (selected) {
    const onCard = cardAt(editor, selected.anchor.path);
    if (onCard) return onCard;
    const words = Range.isCollapsed(selected) ? wordAt(editor, selected) : selected;
    if (words) {
      const [from] = Range.edges(words);
      const block = Editor.above(editor, { at: from, match: (n) => Element.isElement(n) && Editor.isBlock(editor, n) });
      const kind = block && (block[0] as { type?: string }).type === 'heading' ? 'section' : 'text';
      try {
        return textAnchor(doc, editor.children, words, kind);
      } catch {
        // across blocks: the words of the first block only
        if (block) {
          const inFirst = { anchor: from, focus: Editor.end(editor, block[1]) };
          if (Editor.string(editor, inFirst).trim()) return textAnchor(doc, editor.children, inFirst, kind);
        }
      }
    }
  }
  return { kind: 'plan' };
}

export async function addComment(ctx: CommandContext): Promise<void> {
  const store = commentsStore(ctx);
  const plan = activePlan(ctx);
  if (!plan) return;
  const session = ctx.editors.sessions.get().get(plan.planId);
  if (!session) return;
  const anchor = commentTarget(plan.editor, session.doc);
  const places = planPlaces(plan.editor.children);
  store.showPanel(plan.planId, { kind: 'new', anchor, label: placeOf(anchor, places).label });
}

/** The heading above the caret (the section it is in), as a section anchor. */
function sectionAt(editor: PlanSlateEditor, doc: Parameters<typeof textAnchor>[0]): Anchor | null {
  const at = (pageSelection(editor) ?? editor.selection)?.anchor.path[0];
  if (at === undefined) return null;
  for (let i = Math.min(at, editor.children.length - 1); i >= 0; i--) {
    const node = editor.children[i]!;
    if (Element.isElement(node) && node.type === 'heading' && Node.string(node).trim()) {
      try {
        return textAnchor(doc, editor.children, Editor.range(editor, [i]), 'section');
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * Ask for Feedback…: on what (the goal or card at the caret, its section, the whole plan), whom
 * (people from the directory, one pick at a time) and the question. `arg` may name the anchor.
 */
export async function askForFeedback(ctx: CommandContext, arg?: unknown): Promise<void> {
  const store = commentsStore(ctx);
  const plan = activePlan(ctx);
  if (!plan) return;
  const session = ctx.editors.sessions.get().get(plan.planId);
  const service = store.service(plan.planId);
  if (!session || !service) return;
  const places = planPlaces(plan.editor.children);
  let anchor = (arg && typeof arg === 'object' && 'anchor' in arg ? (arg as { anchor: Anchor }).anchor : null);
  if (!anchor) {
    const selected = pageSelection(plan.editor) ?? plan.editor.selection;
    const card = selected ? cardAt(plan.editor, selected.anchor.path) : null;
    const section = sectionAt(plan.editor, session.doc);
    const options = [card, section, { kind: 'plan' } as Anchor].filter((a): a is Anchor => a !== null);
    anchor = options.length === 1 ? options[0]! : await ctx.quickInput.pick(
      options.map((a) => ({ label: placeOf(a, places).label, description: a.kind === 'plan' ? '' : a.kind === 'section' ? 'this section' : `this ${a.kind === 'stage' ? 'stage row' : a.kind}`, value: a })),
      { title: 'Ask for Feedback', placeholder: 'What is the question about?' },
    );
    if (!anchor) return;
  }
  const people = ctx.model.people.get();
  if (people.length === 0) {
    ctx.notifications.notify('Add people to the People view first: a feedback request asks people from the directory.', 'error');
    return;
  }
  const asked: string[] = [];
  for (;;) {
    const left = people.filter((p) => !asked.includes(p.id));
    const names = people.filter((p) => asked.includes(p.id)).map((p) => p.name).join(', ');
    const done = asked.length > 0 ? [{ label: `Done: ask ${names}`, description: 'then write the question', value: '' }] : [];
    if (left.length === 0 || asked.length >= MAX_ASKED) break;
    const picked = await ctx.quickInput.pick(
      [...done, ...left.map((p) => ({ label: p.name, description: [p.role, p.team].filter(Boolean).join(' · '), value: p.id }))],
      { title: 'Ask for Feedback', placeholder: asked.length === 0 ? 'Whom do you ask? (one at a time)' : `Asking ${names}. Anyone else?` },
    );
    if (picked === null) return;
    if (picked === '') break;
    asked.push(picked);
  }
  const question = await ctx.quickInput.prompt({
    title: `Ask ${people.filter((p) => asked.includes(p.id)).map((p) => p.name).join(', ')} about ${placeOf(anchor, places).label}`,
    placeholder: 'Your question, e.g. “Sales: is this lead target realistic?”',
  });
  if (!question?.trim()) return;
  try {
    const threadId = service.startThread(anchor, question.trim(), asked);
    store.showPanel(plan.planId, { kind: 'threads', threadIds: [threadId] });
  } catch (e) {
    if (!(e instanceof CommentError)) throw e;
    ctx.notifications.notify(`The request could not be sent: ${e.message}.`, 'error');
  }
}
