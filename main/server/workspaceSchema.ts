/**
 * The server's gate for workspace documents: an update is tried on a scratch copy first and refused
 * when it adds a problem to the document's schema (shared/model/workspaceDocSchema.ts). Problems the
 * document had before (written by older servers) do not block later valid changes.
 */
import * as Y from 'yjs';
import { WORKSPACE_DOC_ID } from '../../shared/model/workspaceDoc';
import { workspaceDocProblems } from '../../shared/model/workspaceDocSchema';

/** Decides whether an update may be applied to `doc`: null when it may, else why not. */
export type UpdateGate = (doc: Y.Doc, update: Uint8Array) => string | null;

export const isWorkspaceRoom = (room: string): boolean => room.endsWith(`/${WORKSPACE_DOC_ID}`);

export const workspaceSchemaGate: UpdateGate = (doc, update) => {
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    const before = new Set(workspaceDocProblems(scratch));
    try {
      Y.applyUpdate(scratch, update);
    } catch (err) {
      return `the update cannot be applied: ${err instanceof Error ? err.message : String(err)}`;
    }
    const added = workspaceDocProblems(scratch).filter((p) => !before.has(p));
    return added.length ? added.slice(0, 3).join('; ') : null;
  } finally {
    scratch.destroy();
  }
};
