import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyToken } from '../../../main/server/index';
import { killChildren, runServerCli, spawnServerCli } from '../../support/childProcesses';
import { removeDir, SECRET, tempDir } from './helpers';


afterEach(killChildren);

describe('server command line', () => {
  it('token refuses a bad role with a usage message', async () => {
    expect(await runServerCli(['token', '--secret', SECRET, '--role', 'owner', '--name', 'Ana'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--role is one of editor, commenter, viewer') });
  });

  it('a port in use says so and names --port', async () => {
    const { createServer } = await import('node:net');
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
    const { port } = taken.address() as { port: number };
    const dataDir = tempDir();
    try {
      const failure = await runServerCli(['web', '--port', String(port), '--data', dataDir, '--static', dataDir]);
      expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining(`port ${port} is already in use`) });
      expect(failure.stderr).toContain('use --port');
      expect(failure.stderr).not.toMatch(/^\s+at /m);
    } finally {
      taken.close();
      removeDir(dataDir);
    }
  });

  it('refuses an engine address that is not a URL of that engine, and names an engine it cannot reach', async () => {
    const dataDir = tempDir();
    try {
      expect(await runServerCli(['--port', '0', '--data', dataDir, '--postgres', 'db:5432'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--postgres must start with postgres: or postgresql:') });
      expect(await runServerCli(['--port', '0', '--data', dataDir, '--redis', 'http://cache:6379'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--redis must start with redis: or rediss:') });
      expect(await runServerCli(['--port', '0', '--data', dataDir], { env: { ...process.env, TANDEM_REDIS: 'redis://127.0.0.1:1' } })).toMatchObject({ code: 1, stderr: expect.stringContaining('could not reach Redis at 127.0.0.1:1') });
    } finally {
      removeDir(dataDir);
    }
  });

  it('serves on the given port, keeps a secret in the data folder that the token command uses, and stops on SIGTERM', async () => {
    const dataDir = tempDir();
    const child = spawnServerCli(['--port', '0', '--data', dataDir], { env: { ...process.env, TANDEM_HOST: '127.0.0.1' } });
    try {
      const url = await new Promise<string>((res, rej) => {
        let out = '';
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) res(m[1]!);
        });
        child.once('exit', (code) => rej(new Error(`exited with ${code}`)));
      });
      expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ ok: true });
      expect(existsSync(join(dataDir, 'secret'))).toBe(true);
      // The token command finds the same secret through --data, and prints an invite link beside the token.
      const { code, stdout, stderr } = await runServerCli(['token', '--data', dataDir, '--workspace', 'acme', '--role', 'viewer', '--name', 'Ana', '--ttl', '7d', '--url', url]);
      expect(code, stderr).toBe(0);
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
