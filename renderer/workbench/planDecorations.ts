/**
 * What features add to an open plan without owning the plan editor: lines under the plan's title
 * (the approval line), notes beside its section headings ("changed since approval"), and parts at the
 * right of the plan editor (the comment panel, which also fills the editor's comment marks). The
 * workbench's plan editor kind renders every registered item; each renders nothing when it has
 * nothing to say.
 */
import type React from 'react';
import { type CollabSession } from '../collab/collabSession';
import { type CommentMarks } from '../editor/commentMarks';
import { type PlanSlateEditor } from '../editor/createPlanEditor';
import { type HeadingNote, type HeadingNotes } from '../editor/headingNotes';
import { Registry } from './registry';
import { computed, type Readable } from './services/observable';
import { type WorkbenchServices } from './services/services';

export type PlanHeaderItem = {
  id: string;
  /** Lower comes first. */
  order: number;
  component: React.ComponentType<{ planId: string }>;
};

export const planHeaderItems = new Registry<PlanHeaderItem>('plan header item');
export const registerPlanHeaderItem = (item: PlanHeaderItem): (() => void) => planHeaderItems.register(item);

export type HeadingNotesProvider = {
  id: string;
  /** The notes of a plan's headings, by heading text; called once per open plan editor. */
  notes(planId: string, services: WorkbenchServices): Readable<ReadonlyMap<string, HeadingNote>>;
};

export const headingNotesProviders = new Registry<HeadingNotesProvider>('heading notes provider');
export const registerHeadingNotes = (provider: HeadingNotesProvider): (() => void) => headingNotesProviders.register(provider);

const sameNotes = (a: ReadonlyMap<string, HeadingNote>, b: ReadonlyMap<string, HeadingNote>) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k)?.label === v.label && b.get(k)?.detail === v.detail);

/** Every provider's notes of one plan, as one value (the first provider's note wins for a heading two of them mark). */
export function headingNotesFor(planId: string, services: WorkbenchServices): HeadingNotes {
  const sources = headingNotesProviders.all().map((p) => p.notes(planId, services));
  return computed(sources, (...maps) => {
    const merged = new Map<string, HeadingNote>();
    for (const m of maps) for (const [k, v] of m) if (!merged.has(k)) merged.set(k, v);
    return merged as ReadonlyMap<string, HeadingNote>;
  }, sameNotes);
}

export type PlanPanePartProps = {
  planId: string;
  group: number;
  session: CollabSession;
  /** The plan's Slate editor, once it is on screen. */
  editor: PlanSlateEditor | null;
  /** The editor's comment counts and highlights, for the part to fill (docs/editor.md). */
  comments: CommentMarks;
};

/** A part rendered at the right of an open plan's editor (VS Code's editor contributions). */
export type PlanPanePart = { id: string; order: number; component: React.ComponentType<PlanPanePartProps> };

export const planPaneParts = new Registry<PlanPanePart>('plan pane part');
export const registerPlanPanePart = (part: PlanPanePart): (() => void) => planPaneParts.register(part);
