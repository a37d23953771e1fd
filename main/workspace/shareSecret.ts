/**
 * The secret a workspace's shared sync server signs invites with, kept in `.tandem/share-secret`
 * (mode 0600, ignored by git). Rotating it makes every invite signed before worthless.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { assertRealInside, childPath } from './safePath';
import { META_DIR } from './workspaceLayout';

export const SHARE_SECRET_FILE = 'share-secret';
const MIN_SECRET_LENGTH = 32;

async function secretPath(root: string): Promise<string> {
  const path = childPath(root, META_DIR, SHARE_SECRET_FILE);
  await assertRealInside(root, path);
  return path;
}

/** The workspace's share secret, created on first use. */
export async function readShareSecret(root: string): Promise<string> {
  const path = await secretPath(root);
  try {
    const s = (await readFile(path, 'utf8')).trim();
    if (s.length >= MIN_SECRET_LENGTH) return s;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  return rotateShareSecret(root);
}

/** Replaces the share secret with a new one: tokens signed with the old one no longer verify. */
export async function rotateShareSecret(root: string): Promise<string> {
  const secret = randomBytes(32).toString('hex');
  await writeFile(await secretPath(root), secret, { mode: 0o600 });
  return secret;
}
