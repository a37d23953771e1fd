/**
 * A test that times out leaves no server running: vitest runs a fixture whose only test starts the
 * server's command line and hangs past its timeout; once that run has ended, the server is gone.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { removeDir, tempDir } from '../main/server/helpers';

const ROOT = resolve(__dirname, '..', '..');
const run = promisify(execFile);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

it('kills the server a timed-out test started', async () => {
  const dir = tempDir();
  const pidFile = join(dir, 'pid');
  const config = join(dir, 'vitest.config.mjs');
  writeFileSync(config, `export default { root: ${JSON.stringify(ROOT)}, test: { globals: true, include: ['test/support/fixtures/serverLeftRunning.fixture.ts'], testTimeout: 4000 } };`);
  let pid = 0;
  try {
    const result = await run(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', config], {
      cwd: ROOT,
      env: { ...process.env, TANDEM_FIXTURE_DATA: join(dir, 'data'), TANDEM_FIXTURE_PID: pidFile, CI: '1' },
    }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect(result, 'the fixture run fails by its timeout').toMatchObject({ code: 1, stderr: expect.stringContaining('timed out') });
    pid = Number(readFileSync(pidFile, 'utf8'));
    expect(pid).toBeGreaterThan(0);
    expect(alive(pid), `server ${pid} still running after its test timed out`).toBe(false);
  } finally {
    if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
    removeDir(dir);
  }
}, 60_000);
