/**
 * Real PostgreSQL and Redis for the tests, each started on a free loopback port in a temp folder and
 * removed after. PostgreSQL runs as the `postgres` user when the tests run as root (it refuses root):
 * `initdb` then `pg_ctl -p PORT -k DIR`. Redis: `redis-server --port P --bind 127.0.0.1 --save ''`.
 * `enginesMissing()` names what is not installed, so a suite can skip with that reason.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { waitUntil } from './waitUntil';

const run = promisify(execFile);

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

function findBinary(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(':'), ...(existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`) : [])];
  for (const dir of dirs) if (dir && existsSync(join(dir, name))) return join(dir, name);
  return null;
}

/** Why the engines cannot run here, or null when both can. */
export function enginesMissing(): string | null {
  const missing = ['initdb', 'pg_ctl', 'redis-server'].filter((b) => !findBinary(b));
  return missing.length ? `not installed: ${missing.join(', ')} (apt-get install postgresql redis-server)` : null;
}

const asRoot = () => userInfo().uid === 0;

/** Runs a PostgreSQL binary, as the `postgres` user when we are root. */
async function pgRun(binary: string, args: string[]): Promise<void> {
  const path = findBinary(binary)!;
  if (!asRoot()) {
    await run(path, args);
    return;
  }
  const quoted = [path, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  await run('su', ['postgres', '-s', '/bin/sh', '-c', quoted]);
}

export type Engine = {
  url: string;
  port: number;
  /** Stops at once, as a crash would (PostgreSQL: `-m immediate`, so only committed data survives). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops and removes the temp folder. */
  destroy(): Promise<void>;
};
export type Postgres = Engine;
export type Redis = Engine;

async function started(url: string, port: number, dir: string, start: () => Promise<void>, stop: () => Promise<void>): Promise<Engine> {
  await start();
  return {
    url, port, start, stop,
    destroy: async () => {
      await stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startPostgres(): Promise<Postgres> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-pg-'));
  if (asRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  await pgRun('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  let running = false;
  const start = async () => {
    await pgRun('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-w', 'start']);
    running = true;
  };
  const stop = async () => {
    if (!running) return;
    running = false;
    await pgRun('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  };
  return started(`postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, start, stop);
}

export async function startRedis(): Promise<Redis> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-redis-'));
  const port = await freePort();
  const pidFile = join(dir, 'redis.pid');
  let running = false;
  const ping = async () => {
    try {
      return (await run('redis-cli', ['-p', String(port), 'ping'])).stdout.trim() === 'PONG';
    } catch {
      return false;
    }
  };
  const start = async () => {
    await run(findBinary('redis-server')!, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'yes', '--pidfile', pidFile, '--dir', dir, '--logfile', join(dir, 'log')]);
    await waitUntil(ping, `redis-server on port ${port} to answer`, 10_000, 20);
    running = true;
  };
  const stop = async () => {
    if (!running) return;
    running = false;
    await run('redis-cli', ['-p', String(port), 'shutdown', 'nosave']).catch(() => {});
    await waitUntil(async () => !(await ping()), `redis-server on port ${port} to stop`, 10_000, 20);
  };
  return started(`redis://127.0.0.1:${port}`, port, dir, start, stop);
}
