/**
 * Kills a process that is saving a storm of updates (SIGKILL, at seeded random moments, many times)
 * and checks after every kill that the plan file parses and every update reported saved is there.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import * as Y from 'yjs';
import { readJournal } from '../../../main/storage/journal';
import { killChildren, spawnChild } from '../../support/childProcesses';
import { decodePlanFile } from '../../../main/storage/planFile';

const KILLS = 60;
let dir: string;
let child: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-crash-'));
  child = join(dir, 'crashChild.cjs');
  // Bundled once so each of the many runs starts in tens of milliseconds.
  await build({ entryPoints: [join(import.meta.dirname, 'crashChild.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: child, logLevel: 'silent' });
});
afterEach(killChildren);
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

/** A small seeded generator (mulberry32), so a failing run can be repeated. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the child until a random moment after it is ready (or while it starts), kills it, returns what it reported saved. */
function runAndKill(firstKey: number, delayMs: number, killBeforeReady: boolean): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const proc = spawnChild(process.execPath, [child, dir, String(firstKey)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const saved: number[] = [];
    let buffered = '';
    let stderr = '';
    let armed = false;
    const arm = () => {
      if (armed) return;
      armed = true;
      setTimeout(() => proc.kill('SIGKILL'), delayMs);
    };
    if (killBeforeReady) arm();
    proc.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready') arm();
        else if (line.startsWith('saved ')) saved.push(Number(line.slice(6)));
      }
    });
    proc.stderr!.on('data', (c: Buffer) => { stderr += c.toString(); });
    proc.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited on its own: ${stderr}`));
      else resolve(saved);
    });
  });
}

/** Reads the plan the way opening it does, without changing any file. */
async function readBack(): Promise<Y.Map<unknown>> {
  const doc = new Y.Doc();
  const path = join(dir, 'crash.tandem');
  if (existsSync(path)) Y.applyUpdate(doc, decodePlanFile(await readFile(path)).state); // throws if half-written
  for (const u of (await readJournal(join(dir, 'crash.journal'))).updates) Y.applyUpdate(doc, u);
  return doc.getMap('m');
}

it(`loses no saved update across ${KILLS} SIGKILLs`, async () => {
  const random = seeded(20261123);
  const everSaved: number[] = [];
  let next = 0;
  for (let run = 0; run < KILLS; run++) {
    const saved = await runAndKill(next, Math.floor(random() * 150), random() < 0.15);
    everSaved.push(...saved);
    next += 10_000; // fresh keys per run: an update the child wrote but never reported may exist or not
    const map = await readBack();
    const missing = everSaved.filter((n) => !map.has(`k${n}`));
    expect(missing, `after kill ${run + 1}`).toEqual([]);
  }
  // The storm really happened: many saves were acknowledged (a compaction every 10 of them).
  expect(everSaved.length).toBeGreaterThan(KILLS * 3);
}, 60_000);
