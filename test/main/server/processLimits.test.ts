/**
 * The server as its own process (`main/server/cli.ts`), measured from outside: its memory under a
 * reader that never reads, and the keepalive set from the command line or the environment.
 */
import { type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { createToken } from '../../../main/server/index';
import { killChildren, runServerCli, spawnServerCli } from '../../support/childProcesses';
import { connectClient, listPlan, removeDir, SECRET, serverState, synced, tempDir } from './helpers';

// A test that fails or times out never reaches its own stop(): its server goes here.
afterEach(killChildren);

type Server = { proc: ChildProcess; url: string; wsUrl: string; dataDir: string; stop(): Promise<void> };

async function startServer(args: string[] = [], env: Record<string, string> = {}): Promise<Server> {
  const dataDir = tempDir();
  const proc = spawnServerCli(['--port', '0', '--data', dataDir, '--secret', SECRET, ...args], { env: { ...process.env, ...env } });
  const url = await new Promise<string>((res, rej) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) res(m[1]!);
    });
    proc.once('exit', (code) => rej(new Error(`exited with ${code}`)));
  });
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  return {
    proc, url, wsUrl: url.replace(/^http/, 'ws'), dataDir,
    stop: async () => {
      proc.kill('SIGKILL');
      await exited;
      removeDir(dataDir);
    },
  };
}

/** Resident memory of a process, in bytes (Linux). */
const rss = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

const MB = 1024 * 1024;

it('keeps its memory within 100 MB of idle while a viewer that never reads asks for a 1 MB document 400 times', async () => {
  const s = await startServer();
  const editor = await createToken(SECRET, { workspaceId: 'ws1', name: 'Ana', role: 'editor' });
  const viewer = await createToken(SECRET, { workspaceId: 'ws1', name: 'Vic', role: 'viewer' });
  try {
    await listPlan(s.wsUrl, 'ws1', 'big', editor);
    const author = connectClient(s.wsUrl, 'ws1/big', editor);
    await synced(author);
    for (let i = 0; i < 16; i++) author.doc.getText('t').insert(0, 'x'.repeat(64 * 1024));
    let length = 0;
    while (length < 16 * 64 * 1024) length = (await serverState(s.wsUrl, 'ws1/big', editor)).getText('t').length;
    author.destroy();
    const idle = rss(s.proc.pid!);

    const attacker = new WebSocket(`${s.wsUrl}/ws1/big?token=${viewer}`);
    attacker.on('error', () => {});
    await new Promise((r) => attacker.once('open', r));
    (attacker as unknown as { _socket: { pause(): void } })._socket.pause();
    for (let i = 0; i < 400; i++) attacker.send(new Uint8Array([0, 0, 1, 0]));
    let peak = idle;
    const until = Date.now() + 5000;
    while (Date.now() < until) {
      peak = Math.max(peak, rss(s.proc.pid!));
      await new Promise((r) => setTimeout(r, 50));
    }
    attacker.terminate();
    expect((peak - idle) / MB, `idle ${Math.round(idle / MB)} MB, peak ${Math.round(peak / MB)} MB`).toBeLessThan(100);
    // The server is still serving.
    expect((await serverState(s.wsUrl, 'ws1/big', editor)).getText('t').length).toBe(16 * 64 * 1024);
  } finally {
    await s.stop();
  }
}, 60_000);

it.each([
  ['--keepalive-ms', ['--keepalive-ms', '300'], {}],
  ['TANDEM_KEEPALIVE_MS', [], { TANDEM_KEEPALIVE_MS: '300' }],
])('drops a socket that never answers pings within the interval set by %s', async (_how, args, env) => {
  const s = await startServer(args, env);
  try {
    const token = await createToken(SECRET, { workspaceId: 'ws1', name: 'Ana', role: 'editor' });
    const silent = new WebSocket(`${s.wsUrl}/ws1/plan?token=${token}`, { autoPong: false });
    silent.on('error', () => {});
    const opened = new Promise((r) => silent.once('open', r));
    const closed = new Promise<void>((r) => silent.once('close', () => r()));
    await opened;
    const start = Date.now();
    await closed;
    expect(Date.now() - start).toBeLessThan(2000);
  } finally {
    await s.stop();
  }
}, 30_000);

it('refuses a keepalive that is not a number of milliseconds', async () => {
  const { code, stderr } = await runServerCli(['--port', '0', '--secret', SECRET, '--keepalive-ms', 'soon']);
  expect(code).toBe(2);
  expect(stderr).toContain('--keepalive-ms must be a whole number of milliseconds');
});
