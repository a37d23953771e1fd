import { spawn, execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { verifyToken } from '../../../main/server/index';
import { removeDir, SECRET, tempDir } from './helpers';

const ROOT = resolve(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'main', 'server', 'cli.ts');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);

describe('server command line', () => {
  it('token refuses a bad role with a usage message', async () => {
    await expect(run(TSX, [CLI, 'token', '--secret', SECRET, '--role', 'owner', '--name', 'Ana'], { cwd: ROOT })).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--role is one of editor, commenter, viewer') });
  });

  it('a port in use says so and names --port', async () => {
    const { createServer } = await import('node:net');
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
    const { port } = taken.address() as { port: number };
    const dataDir = tempDir();
    try {
      const failure = await run(TSX, [CLI, 'web', '--port', String(port), '--data', dataDir, '--static', dataDir], { cwd: ROOT }).catch((e: { code: number; stderr: string }) => e);
      expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining(`port ${port} is already in use`) });
      expect((failure as { stderr: string }).stderr).toContain('use --port');
      expect((failure as { stderr: string }).stderr).not.toMatch(/^\s+at /m);
    } finally {
      taken.close();
      removeDir(dataDir);
    }
  });

  it('refuses an engine address that is not a URL of that engine, and names an engine it cannot reach', async () => {
    const dataDir = tempDir();
    try {
      await expect(run(TSX, [CLI, '--port', '0', '--data', dataDir, '--postgres', 'db:5432'], { cwd: ROOT })).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--postgres must start with postgres: or postgresql:') });
      await expect(run(TSX, [CLI, '--port', '0', '--data', dataDir, '--redis', 'http://cache:6379'], { cwd: ROOT })).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--redis must start with redis: or rediss:') });
      await expect(run(TSX, [CLI, '--port', '0', '--data', dataDir], { cwd: ROOT, env: { ...process.env, TANDEM_REDIS: 'redis://127.0.0.1:1' } })).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('could not reach Redis at 127.0.0.1:1') });
    } finally {
      removeDir(dataDir);
    }
  });

  it('serves on the given port, keeps a secret in the data folder that the token command uses, and stops on SIGTERM', async () => {
    const dataDir = tempDir();
    const child = spawn(TSX, [CLI, '--port', '0', '--data', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TANDEM_HOST: '127.0.0.1' } });
    try {
      const url = await new Promise<string>((res, rej) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) res(m[1]!);
        });
        child.once('exit', (code) => rej(new Error(`exited with ${code}`)));
      });
      expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ ok: true });
      expect(existsSync(join(dataDir, 'secret'))).toBe(true);
      // The token command finds the same secret through --data, and prints an invite link beside the token.
      const { stdout, stderr } = await run(TSX, [CLI, 'token', '--data', dataDir, '--workspace', 'acme', '--role', 'viewer', '--name', 'Ana', '--ttl', '7d', '--url', url], { cwd: ROOT });
      const token = stdout.trim();
      expect(await verifyToken(readFileSync(join(dataDir, 'secret'), 'utf8').trim(), token)).toEqual({ workspaceId: 'acme', name: 'Ana', role: 'viewer' });
      expect(stderr).toContain(`invite link: ${url}/#token=${token}`);
      const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      child.kill('SIGKILL');
      removeDir(dataDir);
    }
  });
});
