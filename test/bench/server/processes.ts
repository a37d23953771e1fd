/** Starts the benchmark's server and load-generator processes (node + tsx), each on its own event loop. */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoadResult, type LoadSpec } from './loadProcess';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Kept here, not in serverProcess.ts: importing that module starts a server. */
export const BENCH_SECRET = 'benchmark-secret-0123456789abcdef';
export type ServerKind = 'ours' | 'stock' | 'echo';

const EXEC_ARGV = ['--import', 'tsx', '--expose-gc'];
/** BENCH_CPU_PROF=<dir> writes a V8 CPU profile of every `ours` server process there (for finding what delays the relay). */
const PROFILE_ARGV = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];

export type BenchServer = { kind: ServerKind; port: number; rss(): Promise<number>; cpuMs(): Promise<number>; stop(): Promise<void> };

export async function startBenchServer(kind: ServerKind): Promise<BenchServer> {
  const child = spawn(process.execPath, [...EXEC_ARGV, ...(kind === 'ours' ? PROFILE_ARGV : []), join(HERE, 'serverProcess.ts'), kind], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const next = <T>(key: string) => new Promise<T>((resolve, reject) => {
    const onLine = (line: string) => {
      try {
        const m = JSON.parse(line) as Record<string, unknown>;
        if (!(key in m)) return;
        lines.off('line', onLine);
        resolve(m[key] as T);
      } catch {
        // not one of ours
      }
    };
    lines.on('line', onLine);
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code})`)));
  });
  const port = await next<number>('port');
  return {
    kind,
    port,
    rss: () => {
      const r = next<number>('rss');
      child.stdin.write('rss\n');
      return r;
    },
    cpuMs: () => {
      const r = next<number>('cpu');
      child.stdin.write('cpu\n');
      return r;
    },
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin.write('stop\n');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...EXEC_ARGV, join(HERE, 'loadProcess.ts'), JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), spec.durationMs + 120_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop();
      try {
        resolve(JSON.parse(line ?? '') as LoadResult);
      } catch {
        reject(new Error(`load generator exited (${code}) without a result`));
      }
    });
  });
}
