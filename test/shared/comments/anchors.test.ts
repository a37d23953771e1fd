/**
 * Anchors of comment threads, resolved against a real plan editor (createPlanEditor bound to a Y.Doc
 * by @slate-yjs/core) after seeded random edits: typing, deleting, splitting, merging and moving blocks.
 */
import { Editor, Element, Node, Transforms, type BaseRange, type Descendant, type Path } from 'slate';
import { resolveAnchor, textAnchor, type Anchor, type ResolvedAnchor } from '../../../shared/comments/anchors';
import { heading, newGoal, newStageMatrix, paragraph } from '../../../shared/model/blocks';
import { type PlanContent } from '../../../shared/model/elements';
import { readPlanContent } from '../../../shared/model/planDoc';
import { seededRandom } from '../../main/server/seededRandom';
import { edit, open, type Bound } from '../../renderer/editor/harness';

const MARKERS = ['Kx7 quoted words Zq9', 'Wm3 second Jv8'];
const WORDS = ['pipeline ', 'target ', 'q', 'sales ', ' ', 'marketing', '. ', 'lead'];

/** Every text block with its string, in document order (what a person reads). */
function textBlocks(content: Descendant[]): { path: Path; text: string }[] {
  const out: { path: Path; text: string }[] = [];
  for (const [node, path] of Node.descendants({ children: content } as unknown as Node)) {
    if (Element.isElement(node) && ['paragraph', 'heading', 'list-item'].includes((node as { type: string }).type)) out.push({ path, text: Node.string(node) });
  }
  return out;
}

/** Where each marker is now: [block index, start, end) of its occurrences. */
function markerSpans(content: Descendant[]): { block: number; start: number; end: number }[] {
  return textBlocks(content).flatMap((b, block) => MARKERS.flatMap((m) => {
    const spans = [];
    for (let at = b.text.indexOf(m); at >= 0; at = b.text.indexOf(m, at + 1)) spans.push({ block, start: at, end: at + m.length });
    return spans;
  }));
}

/** The point at `offset` of a text block's string. */
function pointIn(editor: Editor, path: Path, offset: number) {
  return Editor.point(editor, path, { edge: 'start' }) && (() => {
    let left = offset;
    for (const [text, at] of Node.texts(Node.get(editor, path))) {
      if (left <= text.text.length) return { path: [...path, ...at], offset: left };
      left -= text.text.length;
    }
    return Editor.end(editor, path);
  })();
}

function planWithMarkers(): Bound {
  return open([
    heading(1, 'Pipeline goals'),
    paragraph(`We grow the pipeline. ${MARKERS[0]} and more words after.`),
    newGoal({ title: 'Grow pipeline', target: 4_000_000 }),
    paragraph('Another paragraph about sales.'),
    paragraph(`Before ${MARKERS[1]} after.`),
    newStageMatrix(),
    paragraph('Closing words.'),
  ]);
}

function anchorOn(b: Bound, marker: string): Anchor {
  const content = b.editor.children as PlanContent;
  const block = textBlocks(content).find((x) => x.text.includes(marker))!;
  const start = block.text.indexOf(marker);
  const range: BaseRange = { anchor: pointIn(b.editor, block.path, start), focus: pointIn(b.editor, block.path, start + marker.length) };
  return textAnchor(b.doc, content, range);
}

/** One random edit; with `avoid`, never inside a marker (nor removing a block that holds one). */
function randomEdit(b: Bound, random: () => number, avoid: boolean): string {
  const content = b.editor.children as PlanContent;
  const blocks = textBlocks(content);
  const spans = markerSpans(content);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const i = Math.floor(random() * blocks.length);
  const block = blocks[i]!;
  const clear = (from: number, to: number) => !avoid || spans.every((s) => s.block !== i || to <= s.start || from >= s.end);
  const offset = Math.floor(random() * (block.text.length + 1));
  const r = random();
  if (r < 0.35) {
    if (!clear(offset, offset)) return 'skip';
    edit(b, () => Transforms.insertText(b.editor, pick(WORDS), { at: pointIn(b.editor, block.path, offset) }));
    return 'type';
  }
  if (r < 0.55) {
    const to = Math.min(block.text.length, offset + 1 + Math.floor(random() * 6));
    if (offset >= to || !clear(offset, to)) return 'skip';
    edit(b, () => Transforms.delete(b.editor, { at: { anchor: pointIn(b.editor, block.path, offset), focus: pointIn(b.editor, block.path, to) } }));
    return 'delete';
  }
  if (r < 0.7) {
    if (!clear(offset, offset) || block.path.length !== 1) return 'skip';
    edit(b, () => Transforms.splitNodes(b.editor, { at: pointIn(b.editor, block.path, offset), always: true }));
    return 'split';
  }
  if (r < 0.82) {
    const prev = content[block.path[0]! - 1];
    if (block.path.length !== 1 || !prev || !Element.isElement(prev) || (prev as { type: string }).type !== 'paragraph' || (content[block.path[0]!] as { type: string }).type !== 'paragraph') return 'skip';
    edit(b, () => Transforms.mergeNodes(b.editor, { at: block.path }));
    return 'merge';
  }
  if (r < 0.94) {
    if (block.path.length !== 1) return 'skip';
    const to = Math.floor(random() * content.length);
    if (to === block.path[0]) return 'skip';
    edit(b, () => Transforms.moveNodes(b.editor, { at: block.path, to: [to] }));
    return 'move';
  }
  if (block.path.length !== 1 || (avoid && spans.some((s) => s.block === i)) || blocks.length < 3) return 'skip';
  edit(b, () => Transforms.removeNodes(b.editor, { at: block.path }));
  return 'remove';
}

const textOf = (r: ResolvedAnchor) => (r.status !== 'orphaned' && r.at === 'text' ? r.text : null);

describe('text anchors under random edits (seeded)', () => {
  it('resolve to the same words after any edits that leave those words whole, even when their block was split, merged or moved', () => {
    const seen = { direct: 0, relocated: 0, edits: {} as Record<string, number> };
    for (let seed = 1; seed <= 25; seed++) {
      const random = seededRandom(seed);
      const b = planWithMarkers();
      const anchors = MARKERS.map((m) => anchorOn(b, m));
      for (let n = 0; n < 40; n++) {
        const kind = randomEdit(b, random, true);
        seen.edits[kind] = (seen.edits[kind] ?? 0) + 1;
      }
      // Both views of the plan: the editor's, and the document's as a reader without an editor has it.
      for (const content of [b.editor.children as PlanContent, readPlanContent(b.doc)]) {
        anchors.forEach((anchor, k) => {
          const resolved = resolveAnchor(b.doc, content, anchor);
          expect(resolved.status, `seed ${seed}, marker ${k}`).toBe('anchored');
          expect(textOf(resolved), `seed ${seed}, marker ${k}`).toBe(MARKERS[k]);
          const r = resolved as Extract<ResolvedAnchor, { at: 'text' }>;
          expect(Editor.string(Object.assign(b.editor, { children: content }), r.range)).toBe(MARKERS[k]);
          if (r.relocated) seen.relocated++;
          else seen.direct++;
        });
      }
    }
    // The random edits did split, merge and move the anchored blocks (otherwise the test proves little).
    expect(seen.edits.split! + seen.edits.merge! + seen.edits.move!).toBeGreaterThan(100);
    expect(seen.relocated).toBeGreaterThan(10);
    expect(seen.direct).toBeGreaterThan(10);
  });

  it('resolve to the same words, or report their changed words or the thread orphaned, after edits anywhere', () => {
    const outcomes: Record<string, number> = {};
    for (let seed = 100; seed < 130; seed++) {
      const random = seededRandom(seed);
      const b = planWithMarkers();
      const anchors = MARKERS.map((m) => anchorOn(b, m));
      for (let n = 0; n < 15; n++) randomEdit(b, random, false);
      const content = b.editor.children as PlanContent;
      const whole = textBlocks(content).map((x) => x.text).join('\n');
      anchors.forEach((anchor, k) => {
        const resolved = resolveAnchor(b.doc, content, anchor);
        outcomes[resolved.status] = (outcomes[resolved.status] ?? 0) + 1;
        if (whole.includes(MARKERS[k]!)) {
          expect(resolved.status, `seed ${seed}, marker ${k}: its words are still in the plan`).toBe('anchored');
          expect(textOf(resolved)).toBe(MARKERS[k]);
        } else {
          expect(['edited', 'orphaned'], `seed ${seed}, marker ${k}`).toContain(resolved.status);
          if (resolved.status === 'edited') expect(textOf(resolved)).not.toBe(MARKERS[k]);
          if (resolved.status === 'orphaned') expect(resolved.reason).toContain(MARKERS[k]!.slice(0, 20));
        }
      });
    }
    expect(outcomes.anchored, 'some survive').toBeGreaterThan(0);
    expect((outcomes.edited ?? 0) + (outcomes.orphaned ?? 0), 'some were hit').toBeGreaterThan(0);
  });
});

describe('anchors on blocks, fields and sections', () => {
  it('resolve goals, actions, stage rows and their fields by id, and report a deleted block as orphaned', () => {
    const b = planWithMarkers();
    const content = b.editor.children as PlanContent;
    const goalIndex = content.findIndex((n) => 'type' in n && n.type === 'goal');
    const goal = content[goalIndex] as { id: string };
    const matrixIndex = content.findIndex((n) => 'type' in n && n.type === 'stage-matrix');
    const matrix = content[matrixIndex] as { id: string };
    expect(resolveAnchor(b.doc, content, { kind: 'goal', goalId: goal.id, field: 'target' })).toEqual({ status: 'anchored', at: 'block', path: [goalIndex], field: 'target' });
    expect(resolveAnchor(b.doc, content, { kind: 'stage', matrixId: matrix.id, stage: 'qualification' })).toEqual({ status: 'anchored', at: 'block', path: [matrixIndex, 1], field: null });
    expect(resolveAnchor(b.doc, content, { kind: 'plan' })).toEqual({ status: 'anchored', at: 'plan' });
    expect(resolveAnchor(b.doc, content, null)).toMatchObject({ status: 'orphaned' });

    edit(b, () => Transforms.removeNodes(b.editor, { at: [goalIndex] }));
    expect(resolveAnchor(b.doc, b.editor.children as PlanContent, { kind: 'goal', goalId: goal.id, field: 'target' })).toEqual({ status: 'orphaned', reason: 'the goal is no longer in the plan' });
  });

  it('anchor a section on its heading, and refuse ranges across blocks or without words', () => {
    const b = planWithMarkers();
    const content = b.editor.children as PlanContent;
    const section = textAnchor(b.doc, content, { anchor: { path: [0, 0], offset: 0 }, focus: { path: [0, 0], offset: 8 } }, 'section');
    expect(section).toMatchObject({ kind: 'section', quote: 'Pipeline' });
    expect(textOf(resolveAnchor(b.doc, content, section))).toBe('Pipeline');
    expect(() => textAnchor(b.doc, content, { anchor: { path: [1, 0], offset: 0 }, focus: { path: [1, 0], offset: 3 } }, 'section')).toThrow('a section is anchored on its heading');
    expect(() => textAnchor(b.doc, content, { anchor: { path: [0, 0], offset: 0 }, focus: { path: [1, 0], offset: 3 } })).toThrow('one paragraph');
    expect(() => textAnchor(b.doc, content, { anchor: { path: [1, 0], offset: 2 }, focus: { path: [1, 0], offset: 2 } })).toThrow('select some words');
  });
});
