/**
 * The sync server as its own process (the command line bundled with esbuild, run by plain node), so a
 * test can SIGKILL it like a crash would. Each process reports what it logged as stored (`--log-level debug`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { SECRET } from './helpers';

const ROOT = resolve(__dirname, '..', '..', '..');

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

/** Bundles main/server/cli.ts; returns the file to run (remove it when done). */
export async function buildServerBundle(name: string): Promise<string> {
  const bundle = join(ROOT, 'node_modules', '.cache', 'tandem-crash-test', `${name}-${process.pid}.mjs`);
  await build({ entryPoints: [join(ROOT, 'main/server/cli.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: bundle, logLevel: 'error' });
  return bundle;
}

export type ServerProcess = { proc: ChildProcess; stored: Map<string, Record<string, number>>; listening: Promise<void>; exited: Promise<void> };

export function startServerProcess(bundle: string, port: number, dataDir: string): ServerProcess {
  const proc = spawn(process.execPath, [bundle, '--port', String(port), '--data', dataDir, '--secret', SECRET, '--log-level', 'debug'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stored = new Map<string, Record<string, number>>();
  let buffered = '';
  proc.stderr!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      try {
        const entry = JSON.parse(line) as { event?: string; room?: string; covers?: Record<string, number> };
        if (entry.event === 'stored' && entry.room && entry.covers) stored.set(entry.room, entry.covers);
      } catch {
        // a line cut by the kill
      }
    }
  });
  const listening = new Promise<void>((r, reject) => {
    proc.stdout!.on('data', (d: Buffer) => d.toString().includes('listening on http://') && r());
    proc.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
  listening.catch(() => {});
  // 'close' waits for the output pipes too, so every line the server wrote before dying has been read.
  const exited = new Promise<void>((r) => proc.once('close', () => r()));
  return { proc, stored, listening, exited };
}
