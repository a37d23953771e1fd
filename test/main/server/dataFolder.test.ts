/**
 * A data folder the store cannot open is never replaced: the server refuses to start with a clear
 * message and exit code 3, and leaves every file as it was, so restoring the folder brings the
 * documents back. Real LevelDB in a temp folder, the real command line as a child process.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { killChildren, spawnServerCli } from '../../support/childProcesses';
import { connectClient, removeDir, SECRET, serverState, startTestServer, synced, waitFor } from './helpers';

afterEach(killChildren);

/** Every file of the folder with its size and content digest, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).filter((f) => f !== 'LOCK' && f !== 'LOG' && f !== 'LOG.old').map((f) => [f, `${statSync(join(dir, f)).size}:${readFileSync(join(dir, f)).toString('base64').slice(0, 64)}`]));
}

/** Starts the server on `dataDir`; resolves with how it exited, or fails once it listens. */
function startServer(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawnServerCli(['--port', '0', '--data', dataDir, '--secret', SECRET]);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (!d.toString().includes('listening on')) return;
      child.kill('SIGKILL');
      reject(new Error('the server started on a data folder it cannot open'));
    });
    child.once('close', (code) => resolve({ code, stderr }));
  });
}

async function folderWithPlan(): Promise<{ dataDir: string; docs: string }> {
  const s = await startTestServer();
  const c = connectClient(s.server.wsUrl, 'ws1/plan_a', await s.token('Ana'));
  await synced(c);
  c.doc.getText('t').insert(0, 'keep me');
  // A second client seeing the text proves the server has it; close() then stores it.
  const watcher = connectClient(s.server.wsUrl, 'ws1/plan_a', await s.token('Ben'));
  await waitFor(() => watcher.doc.getText('t').toString() === 'keep me', 'the text to reach the server');
  watcher.destroy();
  c.destroy();
  await s.close();
  return { dataDir: s.dataDir, docs: join(s.dataDir, 'docs') };
}

describe('a data folder the store cannot open', () => {
  it('without its CURRENT file: refuses to start, touches nothing, and the data is back once CURRENT is', async () => {
    const { dataDir, docs } = await folderWithPlan();
    try {
      const current = readFileSync(join(docs, 'CURRENT'));
      rmSync(join(docs, 'CURRENT'));
      const before = snapshot(docs);
      const { code, stderr } = await startServer(dataDir);
      expect(code).toBe(3);
      expect(stderr).toContain(docs);
      expect(stderr).toMatch(/CURRENT/);
      expect(snapshot(docs)).toEqual(before);

      writeFileSync(join(docs, 'CURRENT'), current);
      const s = await startTestServer({ dataDir });
      try {
        expect((await serverState(s.server.wsUrl, 'ws1/plan_a', await s.token('Ana'))).getText('t').toString()).toBe('keep me');
      } finally {
        await s.close();
      }
    } finally {
      removeDir(dataDir);
    }
  }, 60_000);

  it('with a MANIFEST it cannot read: refuses to start and touches nothing', async () => {
    const { dataDir, docs } = await folderWithPlan();
    try {
      const manifest = readdirSync(docs).find((f) => f.startsWith('MANIFEST-'))!;
      writeFileSync(join(docs, manifest), Buffer.alloc(200, 0x5a));
      const before = snapshot(docs);
      const { code, stderr } = await startServer(dataDir);
      expect(code).toBe(3);
      expect(stderr).toContain(docs);
      expect(snapshot(docs)).toEqual(before);
    } finally {
      removeDir(dataDir);
    }
  }, 60_000);

  it('holding files that are not a database at all: refuses to start', async () => {
    const { dataDir, docs } = await folderWithPlan();
    try {
      for (const f of readdirSync(docs)) rmSync(join(docs, f));
      writeFileSync(join(docs, 'notes.txt'), 'not a database');
      const { code, stderr } = await startServer(dataDir);
      expect(code).toBe(3);
      expect(stderr).toContain('notes.txt');
      expect(readdirSync(docs)).toEqual(['notes.txt']);
    } finally {
      removeDir(dataDir);
    }
  }, 60_000);

  it('in use by another server: refuses to start and says so', async () => {
    const s = await startTestServer();
    try {
      const { code, stderr } = await startServer(s.dataDir);
      expect(code).toBe(3);
      expect(stderr).toContain('in use by another Tandem server');
    } finally {
      await s.close();
      removeDir(s.dataDir);
    }
  }, 60_000);
});
