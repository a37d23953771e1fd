/**
 * Sync-server nodes as child processes (the CLI, bundled once with esbuild; kill them with
 * childProcesses.ts `killChildren` after each test), each reporting what it logged as stored: `stored` entries (debug) name the state each committed write covers, which is what
 * the crash and scale-out tests take as acknowledged.
 */
import { type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { spawnChild } from './childProcesses';

const ROOT = resolve(__dirname, '..', '..');

export type LogLine = { event?: string; room?: string; covers?: Record<string, number>; [k: string]: unknown };

export type ServerNode = {
  proc: ChildProcess;
  port: number;
  /** Every write this node logged as committed, in order. */
  stored: { room: string; covers: Record<string, number> }[];
  /** The last of those per room. */
  lastStored: Map<string, Record<string, number>>;
  logs: LogLine[];
  listening: Promise<void>;
  /** Resolves once the process is gone and every line it wrote has been read. */
  exited: Promise<void>;
};

/** Bundles the CLI once per test process (into node_modules/.cache/<dir>/<name>-<pid>.mjs); returns its path and its remover. */
export async function bundleCli(dir: string, name = 'cli'): Promise<{ bundle: string; remove(): void }> {
  mkdirSync(join(ROOT, 'node_modules', '.cache', dir), { recursive: true });
  const bundle = join(ROOT, 'node_modules', '.cache', dir, `${name}-${process.pid}.mjs`);
  await build({ entryPoints: [join(ROOT, 'main/server/cli.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: bundle, logLevel: 'error' });
  return { bundle, remove: () => rmSync(bundle, { force: true }) };
}

export function startNode(bundle: string, port: number, args: string[], env: Record<string, string> = {}): ServerNode {
  const proc = spawnChild(process.execPath, [bundle, '--port', String(port), '--log-level', 'debug', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const node: ServerNode = { proc, port, stored: [], lastStored: new Map(), logs: [], listening: null!, exited: null! };
  let buffered = '';
  proc.stderr!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      let entry: LogLine;
      try {
        entry = JSON.parse(line) as LogLine;
      } catch {
        continue; // a line cut by a kill, or the stop message
      }
      if (entry.event === 'stored' && entry.room && entry.covers) {
        node.stored.push({ room: entry.room, covers: entry.covers });
        node.lastStored.set(entry.room, entry.covers);
      }
      else if (entry.event !== 'connection-joined') node.logs.push(entry);
    }
  });
  node.listening = new Promise<void>((r, reject) => {
    proc.stdout!.on('data', (d: Buffer) => d.toString().includes('listening on http://') && r());
    proc.once('exit', (code) => reject(new Error(`server node on port ${port} exited early (${code})`)));
  });
  node.listening.catch(() => {});
  node.exited = new Promise<void>((r) => proc.once('close', () => r()));
  return node;
}
