/**
 * The server's policy for workspace documents: an update is refused when it adds a problem to the
 * document's schema (shared/model/workspaceDocSchema.ts). Problems the document had before (written
 * by older servers) do not block later valid changes.
 */
import * as Y from 'yjs';
import { WORKSPACE_DOC_ID } from '../../shared/model/workspaceDoc';
import { workspaceDocProblems } from '../../shared/model/workspaceDocSchema';
import { type WritePolicy } from './writePolicy';

export const isWorkspaceRoom = (room: string): boolean => room.endsWith(`/${WORKSPACE_DOC_ID}`);

export const workspaceSchemaPolicy: WritePolicy = {
  roots: { meta: Y.Map, people: Y.Map, plans: Y.Map },
  check: ({ before, after }) => {
    const known = new Set(workspaceDocProblems(before));
    const added = workspaceDocProblems(after).filter((p) => !known.has(p));
    return added.length ? added.slice(0, 3).join('; ') : null;
  },
};
