/**
 * The editor registry: what a tab can show. An editor input is a kind and an id ({ kind: 'plan',
 * id: planId }); each kind is registered once, by the workbench (plans) or by a contribution (a
 * dashboard, a diff of two editions, an edition opened read-only), with its title, its component and
 * whether a stored tab still has something to show after a reload.
 */
import type React from 'react';
import { type IconName } from './icons';
import { type WorkspaceModel } from './services/workspaceModel';

export type EditorInput = { kind: string; id: string };
export type EditorProps = { input: EditorInput; group: number };

export type EditorKind = {
  kind: string;
  icon?: IconName;
  /** The tab's title; a hook, so it follows what it reads (a plan renamed by a colleague). */
  useTitle(input: EditorInput): string;
  /** What is not safe yet ("not saved yet"); the tab shows a dot while this is non-null. A hook. */
  usePendingNote?(input: EditorInput): string | null;
  component: React.ComponentType<EditorProps>;
  /** Whether the input still exists (a deleted plan's tab closes); every input of the kind exists by default. */
  exists?(id: string, model: WorkspaceModel): boolean;
};

export const PLAN_EDITOR = 'plan';

const kinds = new Map<string, EditorKind>();

export function registerEditorKind(kind: EditorKind): () => void {
  if (kinds.has(kind.kind)) throw new Error(`the editor kind "${kind.kind}" is registered twice`);
  if (kind.kind.includes(':')) throw new Error(`an editor kind has no ":" in its name, not "${kind.kind}"`);
  kinds.set(kind.kind, kind);
  return () => {
    if (kinds.get(kind.kind) === kind) kinds.delete(kind.kind);
  };
}

export const getEditorKind = (kind: string): EditorKind | undefined => kinds.get(kind);

/**
 * The tab's key in the stored layout: a plan's id as it is (layouts saved before other kinds
 * existed stay valid), `kind:id` for every other kind.
 */
export const editorKey = (input: EditorInput): string => (input.kind === PLAN_EDITOR ? input.id : `${input.kind}:${input.id}`);

export function editorInputOf(key: string): EditorInput {
  const at = key.indexOf(':');
  return at < 0 ? { kind: PLAN_EDITOR, id: key } : { kind: key.slice(0, at), id: key.slice(at + 1) };
}
