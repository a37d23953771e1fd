/**
 * How the diff editor arranges and words the changes of a diff: a block's consecutive changes share
 * one card, and each change has a sentence that names it ("Grow new revenue: target $1,200,000 →
 * $1,500,000") for screen readers and tests.
 */
import { type PlanChange } from '../../../shared/derive/diff/planDiff';
import { plural } from './editionWords';

const q = (s: string) => `“${s}”`;

export type CardKind = 'goal' | 'action' | 'stage' | 'plan';
export type Group = { key: string; card: { kind: CardKind; title: string } | null; changes: PlanChange[] };

/** The card a change belongs on: the block whose values it changes (null: a change of its own). */
function cardOf(c: PlanChange): { key: string; kind: CardKind; title: string } | null {
  switch (c.kind) {
    case 'plan-field': return { key: 'plan', kind: 'plan', title: 'Title and period' };
    case 'field': return { key: `${c.block}:${c.blockId}:${c.block === 'stage' ? c.title : ''}`, kind: c.block, title: c.title };
    case 'goal-moved': return { key: `goal:${c.goalId}:`, kind: 'goal', title: c.title };
    case 'block-moved': return { key: `${c.block}:${c.blockId}:`, kind: c.block, title: c.title };
    default: return null;
  }
}

/** Consecutive changes of one block share a card; the others stand alone. */
export function groupChanges(changes: PlanChange[]): Group[] {
  const groups: Group[] = [];
  for (const c of changes) {
    const card = cardOf(c);
    const last = groups[groups.length - 1];
    if (card && last?.card && last.key === card.key) last.changes.push(c);
    else groups.push({ key: card ? card.key : c.id, card: card && { kind: card.kind, title: card.title }, changes: [c] });
  }
  // Keys must be unique in a list even when one block's changes are not consecutive.
  const seen = new Map<string, number>();
  return groups.map((g) => {
    const n = seen.get(g.key) ?? 0;
    seen.set(g.key, n + 1);
    return n ? { ...g, key: `${g.key}#${n}` } : g;
  });
}

/** A change in one sentence: the option's accessible name. */
export function changeSentence(c: PlanChange, sectionTitle: (key: string) => string): string {
  switch (c.kind) {
    case 'plan-field': return `${c.change.label}: ${c.change.before} → ${c.change.after}`;
    case 'field': return `${c.title}: ${c.change.label} ${c.change.before} → ${c.change.after}`;
    case 'goal-added': return `Goal added: ${c.title}${c.movedFromPlan ? ` (moved from ${q(c.movedFromPlan)})` : ''}`;
    case 'goal-removed': return `Goal removed: ${c.title}${c.movedToPlan ? ` (moved to ${q(c.movedToPlan)})` : ''}`;
    case 'goal-moved': return `${c.title}: ${c.to ? `now supports ${q(c.to)}` : 'no longer supports a goal'}${c.from ? `, was ${q(c.from)}` : ', supported none before'}`;
    case 'block-added': return `${c.block === 'action' ? 'Action' : 'Stage matrix'} added: ${c.title}`;
    case 'block-removed': return `${c.block === 'action' ? 'Action' : 'Stage matrix'} removed: ${c.title}`;
    case 'block-moved': return `${c.title}: moved here from ${q(sectionTitle(c.fromSection))}`;
    case 'prose': return `Text: ${proseCounts(c)}`;
  }
}

export function proseCounts(c: PlanChange & { kind: 'prose' }): string {
  return [
    c.changed && `${plural(c.changed, 'paragraph')} changed`,
    c.added && `${plural(c.added, 'paragraph')} added`,
    c.removed && `${plural(c.removed, 'paragraph')} removed`,
  ].filter(Boolean).join(', ');
}

