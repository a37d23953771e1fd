/**
 * The sync server as its own process (the command line bundled with esbuild, run by plain node), so a
 * test can SIGKILL it like a crash would. Each process reports what it logged as stored (`--log-level debug`).
 */
import { type ChildProcess } from 'node:child_process';
import { bundleCli, startNode } from '../../support/serverNodes';
import { SECRET } from './helpers';

export { freePort } from '../../support/engines';

/** Bundles main/server/cli.ts; returns the file to run (remove it when done). */
export async function buildServerBundle(name: string): Promise<string> {
  return (await bundleCli('tandem-crash-test', name)).bundle;
}

export type ServerProcess = { proc: ChildProcess; stored: Map<string, Record<string, number>>; listening: Promise<void>; exited: Promise<void> };

export function startServerProcess(bundle: string, port: number, dataDir: string): ServerProcess {
  const node = startNode(bundle, port, ['--data', dataDir, '--secret', SECRET]);
  return { proc: node.proc, stored: node.lastStored, listening: node.listening, exited: node.exited };
}
