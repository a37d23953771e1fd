/** Starts the benchmark's server (bundled) and load-generator (node + tsx) processes, each on its own event loop. */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoadPhase, type LoadResult, type LoadSpec } from './loadProcess';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Kept here, not in serverProcess.ts: importing that module starts a server. */
export const BENCH_SECRET = 'benchmark-secret-0123456789abcdef';
export type ServerKind = 'ours' | 'stock' | 'echo';

/** What a server process did between two `stats()` calls (see serverProcess.ts). */
export type ServerStats = {
  /** CPU time of all its threads, user + system. */
  cpuMs: number;
  gcCount: number;
  gcMs: number;
  gcMaxMs: number;
  /** Incoming frames, and the time spent handling one (ms). */
  frames: number;
  handlingP50: number;
  handlingP99: number;
  handlingMax: number;
};

const EXEC_ARGV = ['--import', 'tsx', '--expose-gc'];
const ROOT = join(HERE, '..', '..', '..');
let serverBundle: Promise<string> | null = null;
/**
 * The server process bundled by esbuild, as the desktop app, `npm run server` and `npm run web` run the
 * server (scripts/buildServer.js): under tsx every function would carry a name property set at run time
 * (its keepNames), which costs memory for each per-connection closure that the shipped server does not have.
 */
function bundledServerProcess(): Promise<string> {
  serverBundle ??= (async () => {
    const { build } = await import('esbuild');
    const outfile = join(ROOT, 'node_modules', '.cache', 'bench', `serverProcess-${process.pid}.mjs`);
    await build({ entryPoints: [join(HERE, 'serverProcess.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'error' });
    return outfile;
  })();
  return serverBundle;
}
/** BENCH_CPU_PROF=<dir> writes a V8 CPU profile of every server process to <dir>/<kind>/ (for finding what delays the relay). */
const profileArgv = (kind: ServerKind) => (process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(process.env.BENCH_CPU_PROF, kind)}`] : []);

/** A server's memory after a GC: its RSS, and what JavaScript retains (heap used + external buffers), in bytes. */
export type Memory = { rss: number; retained: number };
export type BenchServer = { kind: ServerKind; port: number; rss(): Promise<Memory>; stats(): Promise<ServerStats>; stop(): Promise<void> };

/** `env` reaches the server process (see serverProcess.ts for what it reads). */
export async function startBenchServer(kind: ServerKind, env: Record<string, string> = {}): Promise<BenchServer> {
  const child = spawn(process.execPath, ['--expose-gc', ...profileArgv(kind), await bundledServerProcess(), kind], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
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
  const ask = <T>(key: string) => {
    const answer = next<T>(key);
    child.stdin.write(`${key}\n`);
    return answer;
  };
  const port = await next<number>('port');
  return {
    kind,
    port,
    rss: () => ask<Memory>('rss'),
    stats: () => ask<ServerStats>('stats'),
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin.write('stop\n');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs the load generator (a result per target); `onPhase` is awaited when measuring starts and when it ends. */
export function runLoad(spec: LoadSpec, onPhase: (phase: LoadPhase) => Promise<void> = async () => {}): Promise<LoadResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...EXEC_ARGV, join(HERE, 'loadProcess.ts'), JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let results: LoadResult[] | null = null;
    let phases = Promise.resolve();
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        const m = JSON.parse(line) as { phase?: LoadPhase; results?: LoadResult[] };
        if (m.phase) {
          const phase = m.phase;
          phases = phases.then(() => onPhase(phase));
        } else if (m.results) results = m.results;
      } catch {
        // not one of ours
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), spec.durationMs * spec.targets.length + 180_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const done = results;
      phases.then(() => (done ? resolve(done) : reject(new Error(`load generator exited (${code}) without a result`))), reject);
    });
  });
}
