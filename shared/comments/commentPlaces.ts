/**
 * Where a comment thread points, in words a person reads ("Goal “Grow ARR” · target", "“lead target
 * realistic”"), and the block to go to: from a plan's content alone (pure), so the Comments view can
 * describe the threads of every plan of the workspace from their snapshots. Whether a text anchor's
 * words are still there needs the plan's document (anchors.ts, `anchorResolver`).
 */
import { structuredBlocks } from '../derive/walk';
import { type PlanContent } from '../model/elements';
import { fieldLabel } from '../model/fieldLabels';
import { stageInfo } from '../model/stages';
import { type Anchor } from './anchors';

/** What a plan holds that a comment can point at, by id (built once per plan content). */
export type PlanPlaces = {
  goals: ReadonlyMap<string, string>;
  actions: ReadonlyMap<string, string>;
  matrices: ReadonlySet<string>;
};

export function planPlaces(content: PlanContent): PlanPlaces {
  const { goals, actions, matrices } = structuredBlocks(content);
  return {
    goals: new Map(goals.map((g) => [g.el.id, g.el.title.trim()])),
    actions: new Map(actions.map((a) => [a.el.id, a.el.title.trim()])),
    matrices: new Set(matrices.map((m) => m.el.id)),
  };
}

export type Place = {
  /** Where, in words: `Goal “Grow ARR” · target`, `“the quoted words”`, `The whole plan`. */
  label: string;
  /** The words a text or section comment was written on. */
  quote: string | null;
  /** The block to reveal: a goal, an action or a stage matrix by id; null for the plan and for text. */
  blockId: string | null;
  /** The card it points at is no longer in the plan (the thread shows as orphaned). */
  missing: boolean;
};

const QUOTE_SHOWN = 80;
export const shortQuote = (quote: string): string => {
  const oneLine = quote.replace(/\s+/g, ' ').trim();
  return oneLine.length > QUOTE_SHOWN ? `${oneLine.slice(0, QUOTE_SHOWN - 1)}…` : oneLine;
};

const withField = (label: string, field: string | undefined) => (field ? `${label} · ${fieldLabel(field)}` : label);
const titled = (kind: string, title: string | undefined, untitled: string) =>
  (title === undefined ? `${kind} (deleted)` : `${kind} “${title || untitled}”`);

/** Where `anchor` points in a plan whose places are `places`. */
export function placeOf(anchor: Anchor | null, places: PlanPlaces): Place {
  if (!anchor) return { label: 'A place this version of Tandem cannot show', quote: null, blockId: null, missing: true };
  switch (anchor.kind) {
    case 'plan':
      return { label: 'The whole plan', quote: null, blockId: null, missing: false };
    case 'goal': {
      const title = places.goals.get(anchor.goalId);
      return { label: withField(titled('Goal', title, 'Untitled goal'), anchor.field), quote: null, blockId: anchor.goalId, missing: title === undefined };
    }
    case 'action': {
      const title = places.actions.get(anchor.actionId);
      return { label: withField(titled('Action', title, 'Untitled action'), anchor.field), quote: null, blockId: anchor.actionId, missing: title === undefined };
    }
    case 'stage': {
      const there = places.matrices.has(anchor.matrixId);
      const label = withField(`Stage “${stageInfo(anchor.stage).name}”${there ? '' : ' (deleted)'}`, anchor.field);
      return { label, quote: null, blockId: anchor.matrixId, missing: !there };
    }
    case 'text':
    case 'section':
      return { label: `${anchor.kind === 'section' ? 'Section ' : ''}“${shortQuote(anchor.quote)}”`, quote: anchor.quote, blockId: null, missing: false };
  }
}
