/**
 * Child processes the tests start (server nodes, the command line, the desktop host), each killed after
 * its test whatever happened: a test that fails or times out skips its own clean-up, so every file
 * that starts processes calls `afterEach(killChildren)` (or `afterAll` for processes shared by a file's
 * tests). The server runs as `node --import tsx cli.ts`, never through the `tsx` command, which would
 * start it as a grandchild that a SIGKILL of the child leaves running.
 */
import { fork, spawn, type ChildProcess, type ForkOptions, type SpawnOptions } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'main', 'server', 'cli.ts');

const running = new Set<ChildProcess>();

function track<C extends ChildProcess>(child: C): C {
  running.add(child);
  child.once('exit', () => running.delete(child));
  child.once('error', () => child.pid === undefined && running.delete(child)); // never started
  return child;
}

/** `spawn`, and the child is killed by `killChildren`. */
export function spawnChild(command: string, args: string[], options: SpawnOptions): ChildProcess {
  return track(spawn(command, args, options));
}

/** `fork`, and the child is killed by `killChildren`. */
export function forkChild(module: string, args: string[], options: ForkOptions): ChildProcess {
  return track(fork(module, args, options));
}

/** The sync server's command line (`main/server/cli.ts`) with `args`, as one process. */
export function spawnServerCli(args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawnChild(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

/** Runs the server's command line to its end: how it exited and what it printed. */
export function runServerCli(args: string[], options: SpawnOptions = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnServerCli(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((r) => child.once('close', (code) => r({ code, stdout, stderr })));
}

/** The pids of the children still running. */
export function runningChildren(): number[] {
  return [...running].map((c) => c.pid!);
}

/** SIGKILLs every child still running and waits until each is gone. */
export async function killChildren(): Promise<void> {
  await Promise.all(
    [...running].map((child) => {
      if (child.exitCode !== null || child.signalCode !== null) return running.delete(child);
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGKILL');
      return gone;
    }),
  );
}

// Last resort when the test process itself ends early: `exit` listeners may only do synchronous work.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
