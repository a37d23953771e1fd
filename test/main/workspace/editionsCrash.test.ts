/**
 * Kills a desktop workspace while it edits a plan and saves editions of it (SIGKILL at seeded random
 * moments, many times), and checks after every kill that the plan's file and its editions file beside
 * it parse, that every edition reported saved is there and rebuilds to the plan as it was then, and
 * that every plan edit reported saved is there.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { readJournal } from '../../../main/storage/journal';
import { decodePlanFile } from '../../../main/storage/planFile';
import { readEditions } from '../../../shared/editions/editionsDoc';
import { rebuildEdition } from '../../../shared/editions/editionChain';
import { planContent } from '../../../shared/model/planDoc';

const KILLS = 30;
const REPO = resolve(import.meta.dirname, '../../..');
let base: string;
let root: string;
let child: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'tandem-editions-crash-'));
  root = join(base, 'plans');
  await mkdir(root);
  child = join(base, 'editionsCrashChild.cjs');
  await build({ entryPoints: [join(import.meta.dirname, 'editionsCrashChild.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: child, logLevel: 'silent' });
});
afterAll(async () => { await rm(base, { recursive: true, force: true }); });

/** Runs the child, kills it a random time after it is ready, returns the plan id and the rounds it reported saved. */
function runAndKill(firstRound: number, delayMs: number): Promise<{ planId: string; saved: number[] }> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [child, root, String(firstRound)], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    const saved: number[] = [];
    let planId = '';
    let buffered = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('ready ')) {
          planId = line.slice(6);
          setTimeout(() => proc.kill('SIGKILL'), delayMs);
        } else if (line.startsWith('saved ')) saved.push(Number(line.slice(6)));
      }
    });
    proc.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    proc.on('exit', (_code, signal) => (signal === 'SIGKILL' ? done({ planId, saved }) : fail(new Error(`the child exited on its own: ${stderr}`))));
  });
}

/** A document read the way opening it does (file, then journal), without changing any file; throws if the file is half-written. */
async function readBack(file: string, journal: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  if (existsSync(file)) Y.applyUpdate(doc, decodePlanFile(await readFile(file)).state);
  for (const u of (await readJournal(journal)).updates) Y.applyUpdate(doc, u);
  return doc;
}

const firstParagraph = (doc: Y.Doc) => (planContent(doc).toDelta() as { insert: Y.XmlText }[]).map((op) => op.insert).find((t) => t.getAttribute('type') === 'paragraph')!.toString();

it(`keeps every saved edition, rebuildable, across ${KILLS} SIGKILLs during Save Edition`, async () => {
  const gen = prng.create(20261205);
  const everSaved: number[] = [];
  let next = 0;
  for (let run = 0; run < KILLS; run++) {
    const { planId, saved } = await runAndKill(next, prng.int32(gen, 0, 250));
    everSaved.push(...saved);
    next += 10_000;
    const plan = await readBack(join(root, 'crash-plan.tandem'), join(root, '.tandem', 'journal', `${planId}.journal`));
    const editionsDoc = await readBack(join(root, '.tandem', 'editions', `${planId}.tandem`), join(root, '.tandem', 'journal', `${planId}.editions.journal`));
    const editions = readEditions(editionsDoc);
    const text = firstParagraph(plan);
    expect(everSaved.filter((n) => !text.includes(`[${n}]`)), `plan edits missing after kill ${run + 1}`).toEqual([]);
    const ids = new Set(editions.map((e) => e.id));
    expect(everSaved.filter((n) => !ids.has(`edition_n${n}`)), `editions missing after kill ${run + 1}`).toEqual([]);
    for (const n of saved) {
      const rebuilt = rebuildEdition(editions, `edition_n${n}`);
      expect(firstParagraph(rebuilt), `edition ${n}`).toMatch(new RegExp(`^\\[${n}\\]`));
      expect(Y.encodeStateVector(rebuilt)).toEqual(editions.find((e) => e.id === `edition_n${n}`)!.stateVector);
    }
  }
  expect(everSaved.length).toBeGreaterThan(KILLS * 2); // the storm really happened
}, 120_000);
