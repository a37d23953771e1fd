/**
 * Every path the desktop host touches inside a workspace goes through here: names are plain file
 * names (no separators, no `..`), resolved paths must stay inside the workspace's real root, and
 * symbolic links are refused, so nothing is ever read from or written outside the open folder.
 */
import { lstat, realpath } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';

export class OutsideWorkspaceError extends Error {
  constructor(what: string) {
    super(`${what} is outside the open workspace; Tandem only reads and writes inside it`);
    this.name = 'OutsideWorkspaceError';
  }
}

/** True when `path` is `root` itself or lies below it (both absolute, already resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..'));
}

/** Resolves a plain file name inside a folder of the workspace; refuses anything that could leave it. */
export function childPath(root: string, folder: string, name: string): string {
  if (!name || name === '.' || name === '..' || name !== basename(name) || /[\\/\0]/.test(name)) {
    throw new OutsideWorkspaceError(`"${name}"`);
  }
  const full = resolve(root, folder, name);
  if (!isInside(root, full)) throw new OutsideWorkspaceError(`"${name}"`);
  return full;
}

/**
 * Checks an existing path: inside the root once links are resolved, and not itself a link.
 * Missing paths are fine (they are about to be created through a checked parent).
 */
export async function assertRealInside(root: string, path: string): Promise<void> {
  let info;
  try {
    info = await lstat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  if (info.isSymbolicLink()) throw new OutsideWorkspaceError(`the link "${basename(path)}"`);
  if (!isInside(root, await realpath(path))) throw new OutsideWorkspaceError(`"${basename(path)}"`);
}

/** A title turned into a file name: lower-case letters, digits and dashes. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'plan';
}
