/**
 * Desktop storage benchmarks, each beside a baseline measured in the same run:
 * - one durable save (journal append + fsync, and the whole DocumentStore.save) vs a bare
 *   write + fsync of the same bytes on an open file;
 * - opening a 10,000-block plan (20% goals) from its file plus a journal vs parsing the Yjs state alone.
 */
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { newGoal, paragraph } from '../../../shared/model/blocks';
import { type PlanContent } from '../../../shared/model/elements';
import { createPlanDoc } from '../../../shared/model/planDoc';
import { DocumentStore, type DocLocation } from '../../../main/storage/documentStore';
import { Journal } from '../../../main/storage/journal';
import { median, percentile, row, type BenchRow } from '../report';

const APPENDS = 400;
const OPENS = 7;
const BLOCKS = 10_000;
const JOURNALED_EDITS = 200;

/** Real typing updates: one character each, as the editor saves them. */
function typingUpdates(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  for (let i = 0; i < n; i++) text.insert(text.length, 'abcdefghij'[i % 10]!);
  return out;
}

function bigPlan(): PlanContent {
  const content: PlanContent = [];
  for (let i = 0; i < BLOCKS; i++) {
    content.push(i % 5 === 0
      ? newGoal({ title: `Goal ${i}`, metricName: 'pipeline', metricUnit: 'k$', target: 100 + i, current: i })
      : paragraph(`Paragraph ${i}: the joint plan explains why this quarter matters and who does what.`));
  }
  return content;
}

async function durableWrites(dir: string): Promise<BenchRow[]> {
  const updates = typingUpdates(APPENDS);
  const journal = await Journal.open(join(dir, 'bench.journal'), 0);
  const bare = await open(join(dir, 'bare.log'), 'a');
  const loc: DocLocation = { docId: 'plan_bench', kind: 'plan', filePath: join(dir, 'save.tandem'), journalPath: join(dir, 'save.journal') };
  const store = new DocumentStore({ compactEvery: 1_000_000, idleMs: 3_600_000 });
  await store.create(loc, new Y.Doc());
  await store.open(loc);
  const t = { journal: [] as number[], save: [] as number[], bare: [] as number[] };
  // Interleaved, so machine noise hits all three alike.
  for (const u of updates) {
    let s = performance.now();
    await bare.write(u, 0, u.byteLength, null);
    await bare.sync();
    t.bare.push(performance.now() - s);
    s = performance.now();
    await journal.append(u);
    t.journal.push(performance.now() - s);
    s = performance.now();
    await store.save('plan_bench', u);
    t.save.push(performance.now() - s);
  }
  await journal.close();
  await bare.close();
  await store.closeAll();
  const BARE = 'write + fsync of the same bytes';
  const rows = (name: string, xs: number[]): BenchRow[] => [
    row(`${name}, p50`, 'ms', percentile(xs, 50), percentile(t.bare, 50), `${BARE}, p50`),
    row(`${name}, p99 (budget ≤ 5 ms)`, 'ms', percentile(xs, 99), percentile(t.bare, 99), `${BARE}, p99`),
  ];
  return [...rows('durable journal append of one typing update', t.journal), ...rows('DocumentStore.save (apply + journal)', t.save)];
}

async function openBigPlan(dir: string): Promise<BenchRow[]> {
  const doc = createPlanDoc({ id: 'plan_big', title: 'Big plan', templateId: 'bench', period: 'FY27', content: bigPlan() });
  const loc: DocLocation = { docId: 'plan_big', kind: 'plan', filePath: join(dir, 'big.tandem'), journalPath: join(dir, 'big.journal') };
  const writer = new DocumentStore({ compactEvery: 1_000_000, idleMs: 3_600_000 });
  await writer.create(loc, doc);
  await writer.open(loc);
  // Edits since the last compaction, replayed from the journal on open.
  const renderer = new Y.Doc();
  Y.applyUpdate(renderer, Y.encodeStateAsUpdate(doc));
  const meta = renderer.getMap('meta');
  for (let i = 0; i < JOURNALED_EDITS; i++) {
    let u: Uint8Array | null = null;
    renderer.once('update', (x: Uint8Array) => { u = x; });
    meta.set('period', `FY27 rev ${i}`);
    await writer.save('plan_big', u!);
  }
  await writer.discard('plan_big'); // leave file + journal as a crash would
  const state = Y.encodeStateAsUpdate(doc);

  const t = { open: [] as number[], parse: [] as number[] };
  const parse = () => {
    const s = performance.now();
    Y.applyUpdate(new Y.Doc(), state);
    return performance.now() - s;
  };
  const openOnce = async () => {
    const s = performance.now();
    const store = new DocumentStore({ idleMs: 3_600_000 });
    await store.open(loc);
    const ms = performance.now() - s;
    await store.discard('plan_big');
    return ms;
  };
  await openOnce(); // warm-up, not counted
  parse();
  // Alternating which goes first, so warm caches and GC favour neither.
  for (let i = 0; i < OPENS; i++) {
    if (i % 2) {
      t.parse.push(parse());
      t.open.push(await openOnce());
    } else {
      t.open.push(await openOnce());
      t.parse.push(parse());
    }
  }
  const kib = (state.byteLength / 1024).toFixed(0);
  return [row(
    `open a ${BLOCKS.toLocaleString('en')}-block plan (20% goals, ${kib} KiB) from file + ${JOURNALED_EDITS}-update journal, median`,
    'ms', median(t.open), median(t.parse), 'Y.applyUpdate of the state alone, median',
  )];
}

export default async function run(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-bench-storage-'));
  try {
    return [...(await durableWrites(dir)), ...(await openBigPlan(dir))];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
