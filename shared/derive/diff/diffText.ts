/**
 * A plan diff as plain text, for the command line and `git diff` (through the textconv driver):
 * one line per change, grouped by section, prose as a word diff in git's `--word-diff` style
 * (`[-removed-]{+added+}`), only the lines that changed.
 */
import { PLAN_WIDE, type DiffSection, type PlanChange, type PlanDiff } from './planDiff';
import { type ProseLine, type WordPart } from './proseDiff';

const q = (s: string) => `“${s}”`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function wordDiffText(parts: WordPart[]): string {
  return parts.map((p) => (p.op === 'added' ? `{+${p.text}+}` : p.op === 'removed' ? `[-${p.text}-]` : p.text)).join('');
}

function proseLine(line: ProseLine): string | null {
  switch (line.status) {
    case 'same': return null;
    case 'added': return `+ ${line.parts.map((p) => p.text).join('')}`;
    case 'removed': return `- ${line.parts.map((p) => p.text).join('')}`;
    case 'changed': return `~ ${wordDiffText(line.parts)}`;
  }
}

const BLOCK_WORD = { goal: 'goal', action: 'action', stage: 'stage', 'stage-matrix': 'stage matrix' } as const;

/** One change in a sentence (prose changes give several lines). */
export function changeLines(change: PlanChange, sectionTitle: (key: string) => string = (k) => k): string[] {
  switch (change.kind) {
    case 'plan-field':
      return [`~ ${change.change.label}: ${q(change.change.before)} → ${q(change.change.after)}`];
    case 'goal-added':
      return [`+ goal ${q(change.title)} added${change.movedFromPlan ? ` (moved from ${q(change.movedFromPlan)})` : ''}`];
    case 'goal-removed':
      return [`- goal ${q(change.title)} removed${change.movedToPlan ? ` (moved to ${q(change.movedToPlan)})` : ''}`];
    case 'goal-moved':
      return [`↳ goal ${q(change.title)} ${change.to ? `now supports ${q(change.to)}` : 'no longer supports a goal'}${change.from ? ` (was ${q(change.from)})` : ' (supported none)'}`];
    case 'block-added':
      return [`+ ${BLOCK_WORD[change.block]} ${q(change.title)} added`];
    case 'block-removed':
      return [`- ${BLOCK_WORD[change.block]} ${q(change.title)} removed`];
    case 'block-moved':
      return [`↳ ${BLOCK_WORD[change.block]} ${q(change.title)} moved here from ${q(sectionTitle(change.fromSection))}`];
    case 'field': {
      const c = change.change;
      const what = change.block === 'stage' ? `stage ${change.title}` : `${change.block} ${q(change.title)}`;
      return [`~ ${what}: ${c.label} ${c.before} → ${c.after}`];
    }
    case 'prose':
      return [`~ text: ${[
        change.changed && `${plural(change.changed, 'paragraph')} changed`,
        change.added && `${change.added} added`,
        change.removed && `${change.removed} removed`,
      ].filter(Boolean).join(', ')}`, ...change.lines.map(proseLine).filter((l): l is string => l !== null).map((l) => `    ${l}`)];
  }
}

const sectionHeading = (s: DiffSection) =>
  `## ${s.title}${s.renamedFrom ? ` (renamed from ${q(s.renamedFrom)})` : ''}${s.status === 'added' ? ' (new section)' : s.status === 'removed' ? ' (section removed)' : ''}`;

export type DiffTextLabels = { before?: string; after?: string };

export function diffToText(diff: PlanDiff, labels: DiffTextLabels = {}): string {
  const side = (label: string | undefined, p: PlanDiff['before']) => `${label ? `${label}: ` : ''}${p.title || 'Untitled plan'}${p.period ? ` (${p.period})` : ''}`;
  const out = [`--- ${side(labels.before, diff.before)}`, `+++ ${side(labels.after, diff.after)}`];
  const changed = diff.sections.filter((s) => s.status !== 'same');
  if (diff.changes.length === 0) return `${out.join('\n')}\nNo changes.\n`;
  out.push(`${plural(diff.changes.length, 'change')} in ${plural(changed.length, 'section')}`);
  const titleOf = new Map(diff.sections.map((s) => [s.key, s.title]));
  const title = (k: string) => titleOf.get(k) ?? k;
  const planWide = diff.changes.filter((c) => c.section === PLAN_WIDE);
  if (planWide.length) out.push('', '## The plan', ...planWide.flatMap((c) => changeLines(c, title)).map((l) => `  ${l}`));
  for (const section of diff.sections) {
    const here = diff.changes.filter((c) => c.section === section.key);
    if (!here.length && section.status === 'same') continue;
    out.push('', sectionHeading(section));
    for (const change of here) out.push(...changeLines(change, title).map((l) => `  ${l}`));
    if (!here.length) out.push('  (a goal or action moved out of this section)');
  }
  return `${out.join('\n')}\n`;
}
