/**
 * The real Tandem web app for end-to-end tests: the sync server on 127.0.0.1 (free port) with a temp
 * data folder, serving the built browser UI (dist/renderer, built once if missing) in web mode.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, rmSync, unlinkSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createToken, startSyncServer, type SyncServer } from '../../main/server/index';
import { type Role } from '../../shared/sync/rooms';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const STATIC_DIR = join(ROOT, 'dist', 'renderer');
const BUILD_LOCK = join(ROOT, 'node_modules', '.cache', 'tandem-renderer-build.lock');

export type WebApp = {
  url: string;
  server: SyncServer;
  workspaceId: string;
  secret: string;
  dataDir: string;
  /** `ttl` like 30d or 1y (the default lifetime otherwise). */
  tokenFor(name: string, role?: Role, ttl?: string): Promise<string>;
  close(): Promise<void>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds dist/renderer once; parallel callers (other test files) wait for the one that builds. */
export async function ensureRendererBuilt(): Promise<void> {
  const index = join(STATIC_DIR, 'index.html');
  mkdirSync(dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    if (existsSync(index)) return;
    let fd: number;
    try {
      fd = openSync(BUILD_LOCK, 'wx');
    } catch {
      // Someone else is building; a lock older than two minutes belongs to a build that died.
      const age = Date.now() - (statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) rmSync(BUILD_LOCK, { force: true });
      await sleep(200);
      continue;
    }
    try {
      if (!existsSync(index)) execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'pipe' });
    } finally {
      closeSync(fd);
      unlinkSync(BUILD_LOCK);
    }
  }
}

/** `secret` defaults to a fresh one; pass the previous app's secret to restart on the same data with valid tokens. */
export async function startWebApp(opts: { dataDir?: string; secret?: string } = {}): Promise<WebApp> {
  await ensureRendererBuilt();
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'tandem-web-'));
  const secret = opts.secret ?? randomBytes(24).toString('base64url');
  const workspaceId = 'local';
  const server = await startSyncServer({
    port: 0,
    dataDir,
    secret,
    staticDir: STATIC_DIR,
    // No launch key: the tests open the UI at plain addresses (test/e2e/webLaunch.test.ts opens the printed one).
    web: { workspaceId, workspaceName: 'Test workspace', userName: 'Tester', launchKey: null },
    log: () => {},
  });
  return {
    url: server.url,
    server,
    workspaceId,
    secret,
    dataDir,
    tokenFor: (name, role = 'editor', ttl) => createToken(secret, { workspaceId, name, role, ttl }),
    close: async () => {
      await server.close();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
