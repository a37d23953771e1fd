/**
 * Notes shown beside a plan's section headings ("changed since approval"): a value the editor's host
 * passes in, keyed by the heading's text. Each heading reads only its own note, so a change of the
 * notes re-renders the headings it concerns and nothing else.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';

export type HeadingNote = {
  /** The short mark beside the heading. */
  label: string;
  /** What it means, for the tooltip and screen readers. */
  detail: string;
};

export type HeadingNotes = {
  get(): ReadonlyMap<string, HeadingNote>;
  subscribe(listener: () => void): () => void;
};

const EMPTY: ReadonlyMap<string, HeadingNote> = new Map();
export const NO_HEADING_NOTES: HeadingNotes = { get: () => EMPTY, subscribe: () => () => {} };

export const HeadingNotesContext = createContext<HeadingNotes>(NO_HEADING_NOTES);

/** The note of the heading whose text is `text` (trimmed), if any. */
export function useHeadingNote(text: string): HeadingNote | undefined {
  const notes = useContext(HeadingNotesContext);
  const note = () => notes.get().get(text);
  return useSyncExternalStore(notes.subscribe, note, note);
}
