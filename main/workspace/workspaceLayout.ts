/** Where a workspace keeps its files: plans in the root, everything else in `.tandem/`. */
import { type DocLocation } from '../storage/documentStore';
import { FILE_EXTENSION } from '../storage/planFile';
import { WORKSPACE_DOC_ID } from '../../shared/model/workspaceDoc';
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
