/**
 * Where a workspace keeps its files: plans in the root, everything else in `.tandem/`. A document
 * beside a plan is `.tandem/<kind>/<planId>.tandem` (named by the plan id, so renaming the plan's file
 * moves nothing), journaled in `.tandem/journal/<planId>.<kind>.journal`.
 */
import { type DocLocation } from '../storage/documentStore';
import { FILE_EXTENSION } from '../storage/planFile';
import { WORKSPACE_DOC_ID } from '../../shared/model/workspaceDoc';
import { sideDocId, type SideKind } from '../../shared/sync/rooms';
import { childPath } from './safePath';

export const META_DIR = '.tandem';
export const JOURNAL_DIR = `${META_DIR}/journal`;
export const WORKSPACE_FILE = `workspace${FILE_EXTENSION}`;

export function workspaceLocation(root: string): DocLocation {
  return {
    docId: WORKSPACE_DOC_ID,
    kind: 'workspace',
    filePath: childPath(root, META_DIR, WORKSPACE_FILE),
    journalPath: childPath(root, JOURNAL_DIR, `${WORKSPACE_DOC_ID}.journal`),
  };
}

export function planLocation(root: string, planId: string, fileName: string): DocLocation {
  return {
    docId: planId,
    kind: 'plan',
    filePath: childPath(root, '', fileName),
    journalPath: childPath(root, JOURNAL_DIR, `${planId}.journal`),
  };
}

/** The folder of a kind of document beside plans, relative to the root. */
export const sideFolder = (kind: SideKind): string => `${META_DIR}/${kind}`;

export function sideLocation(root: string, planId: string, kind: SideKind): DocLocation {
  return {
    docId: sideDocId(planId, kind),
    kind,
    filePath: childPath(root, sideFolder(kind), `${planId}${FILE_EXTENSION}`),
    journalPath: childPath(root, JOURNAL_DIR, `${planId}.${kind}.journal`),
  };
}
