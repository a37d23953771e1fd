/** `npm start` where the Electron runtime cannot be downloaded: one clear message, no stack trace. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronDir = join(ROOT, 'node_modules', 'electron');
const pathFile = join(electronDir, 'path.txt');
const hasRuntime = existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
if (hasRuntime) console.log('skipped: this machine has the Electron runtime, so `npm start` would launch the app instead of failing to download it');

describe.skipIf(hasRuntime)('npm start without the Electron runtime', () => {
  it('says what failed and what to do, in one message', () => {
    // A download server that refuses connections stands for a machine without network.
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'start.js')], {
      cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Tandem could not start: the Electron runtime could not be downloaded');
    expect(run.stderr).toContain('Check your network connection');
    expect(run.stderr).toContain('npm run web');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at /m);
  });
});
