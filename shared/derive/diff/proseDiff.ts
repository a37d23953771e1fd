/**
 * A plan's prose, section by section, and the word diff of two versions of it. A section is a
 * heading and the prose up to the next heading (the text before the first heading is a section
 * too). Prose is what people read as text: headings, paragraphs and list items, mentions by the
 * person's current name; template hints and structured blocks are not prose.
 *
 * Sections are aligned by their heading text (longest common subsequence, `diffArrays`); a section
 * removed where another was added is taken as renamed. Inside a section, blocks are aligned the same
 * way and a block replaced by another is word-diffed (`diffWords` from jsdiff).
 */
import { diffArrays, diffWords } from 'diff';
import { type Descendant } from 'slate';
import { type HeadingElement, type PlanContent } from '../../model/elements';

export type WordPart = { text: string; op: 'same' | 'added' | 'removed' };
/** One block of prose in the diff: unchanged, word-diffed, or added / removed whole. */
export type ProseLine = { status: 'same' | 'changed' | 'added' | 'removed'; parts: WordPart[] };

/** A section of one plan: its heading, its prose blocks as text, and the top-level indexes it spans. */
export type PlanSection = {
  title: string;
  /** Index of the heading among the plan's top-level blocks, -1 for the text before the first heading. */
  headingIndex: number;
  /** Top-level block indexes [start, end) the section covers (the heading included). */
  start: number;
  end: number;
  prose: string[];
};

export const OPENING_SECTION = 'Opening';

/** Plain text of inline nodes, mentions by the person's current name. */
export function proseText(nodes: Descendant[], personName: (id: string) => string | null): string {
  return nodes.map((n) => {
    if (!('type' in n)) return n.text;
    if (n.type === 'mention') return `@${personName(n.personId) ?? n.name}`;
    return proseText(n.children as Descendant[], personName);
  }).join('');
}

export function planSections(content: PlanContent, personName: (id: string) => string | null): PlanSection[] {
  const sections: PlanSection[] = [{ title: OPENING_SECTION, headingIndex: -1, start: 0, end: 0, prose: [] }];
  content.forEach((node, i) => {
    if (!('type' in node)) return;
    let current = sections[sections.length - 1]!;
    if (node.type === 'heading') {
      current.end = i;
      current = { title: proseText((node as HeadingElement).children, personName).trim() || 'Untitled section', headingIndex: i, start: i, end: i, prose: [] };
      sections.push(current);
      current.prose.push(`${current.title}`);
    } else if (node.type === 'paragraph') {
      current.prose.push(proseText(node.children, personName));
    } else if (node.type === 'bulleted-list' || node.type === 'numbered-list') {
      for (const li of node.children) current.prose.push(`• ${proseText(li.children, personName)}`);
    }
  });
  sections[sections.length - 1]!.end = content.length;
  // The opening counts only when something is written before the first heading.
  if (sections[0]!.end === 0) sections.shift();
  return sections;
}

/** Pairs of section indexes (before, after) in reading order; a side is null for a section only the other has. */
export function alignSections(before: PlanSection[], after: PlanSection[]): Array<[number | null, number | null]> {
  const pairs: Array<[number | null, number | null]> = [];
  let i = 0;
  let j = 0;
  let removed: number[] = [];
  const flushRemoved = () => {
    for (const r of removed) pairs.push([r, null]);
    removed = [];
  };
  for (const part of diffArrays(before.map((s) => s.title), after.map((s) => s.title))) {
    const n = part.count ?? part.value.length;
    if (part.removed) {
      for (let k = 0; k < n; k++) removed.push(i++);
    } else if (part.added) {
      // Added right where others were removed: the same sections, renamed.
      for (let k = 0; k < n; k++) pairs.push([removed.shift() ?? null, j++]);
      flushRemoved();
    } else {
      flushRemoved();
      for (let k = 0; k < n; k++) pairs.push([i++, j++]);
    }
  }
  flushRemoved();
  return pairs;
}

const same = (text: string): WordPart[] => (text ? [{ text, op: 'same' }] : []);

function wordParts(a: string, b: string): WordPart[] {
  return diffWords(a, b).map((c) => ({ text: c.value, op: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
}

/** The lines of two versions of a section's prose, aligned block by block, word-diffed where a block changed. */
export function diffProse(before: string[], after: string[]): ProseLine[] {
  const lines: ProseLine[] = [];
  let removed: string[] = [];
  const flushRemoved = () => {
    for (const r of removed) lines.push({ status: 'removed', parts: [{ text: r, op: 'removed' }] });
    removed = [];
  };
  for (const part of diffArrays(before, after)) {
    if (part.removed) {
      removed.push(...part.value);
    } else if (part.added) {
      for (const b of part.value) {
        const a = removed.shift();
        lines.push(a === undefined ? { status: 'added', parts: [{ text: b, op: 'added' }] } : { status: 'changed', parts: wordParts(a, b) });
      }
      flushRemoved();
    } else {
      flushRemoved();
      for (const s of part.value) lines.push({ status: 'same', parts: same(s) });
    }
  }
  flushRemoved();
  return lines;
}

/** A word diff of two field values (a goal's rationale, a stage's exit criteria). */
export const diffFieldWords = (before: string, after: string): WordPart[] => wordParts(before, after);
