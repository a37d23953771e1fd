/**
 * Editions benchmarks, each beside a baseline measured in the same run (docs/editions.md):
 * - what an edition of an unchanged 10,000-block plan costs in the editions document (budget < 1 KB),
 *   fresh and after an editing history full of deletions, beside a whole copy of the plan's state;
 * - rebuilding the last edition of a chain of editions (budget ≤ 2×), and saving the next one, vs
 *   parsing the plan's state;
 * - the structural diff of two 10,000-block editions vs reading both plans from their states.
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { type GoalElement } from '../../../shared/model/elements';
import { createPlanDoc, planContent, readPlanContent, readPlanMeta } from '../../../shared/model/planDoc';
import { rebuildEdition } from '../../../shared/editions/editionChain';
import { readEditions, saveEdition } from '../../../shared/editions/editionsDoc';
import { diffPlans } from '../../../shared/derive/diff/planDiff';
import { planBlocks } from '../editor/benchPlan';
import { median, row, type BenchRow } from '../report';

const BLOCKS = 10_000;
const RUNS = 7;
const EDITIONS = 10;

const bigPlan = () => createPlanDoc({ id: 'plan_big', title: 'Big plan', templateId: 'bench', period: 'FY27', content: planBlocks(BLOCKS) });
const blocksOf = (doc: Y.Doc) => planContent(doc).toDelta().map((op: { insert: Y.XmlText }) => op.insert) as Y.XmlText[];

/** An editing session: words typed and deleted across the plan, targets moved. */
function edit(doc: Y.Doc, round: number, n: number): void {
  const blocks = blocksOf(doc);
  doc.transact(() => {
    for (let i = 0; i < n; i++) {
      const b = blocks[(round * 7919 + i * 104_729) % blocks.length]!;
      if (b.getAttribute('type') === 'goal') b.setAttribute('target', (round + 1) * 1000 + i as never);
      else if (b.length > 8) {
        b.delete(2, 3);
        b.insert(2, 'new');
      }
    }
  });
}

function editionSize(withHistory: boolean): BenchRow {
  const doc = bigPlan();
  if (withHistory) for (let r = 0; r < 20; r++) edit(doc, r, 100);
  const editions = new Y.Doc();
  saveEdition(doc, editions, { name: 'Board draft', author: 'Ana' });
  const before = Y.encodeStateAsUpdate(editions).byteLength;
  saveEdition(doc, editions, { name: 'Board draft, unchanged', author: 'Ana' });
  const grew = Y.encodeStateAsUpdate(editions).byteLength - before;
  const state = Y.encodeStateAsUpdate(doc).byteLength;
  return row(
    `edition of an unchanged ${BLOCKS.toLocaleString('en')}-block plan${withHistory ? ' after 2,000 edits with deletions' : ''} (budget < 1,024)`,
    'bytes', grew, state, 'the plan\'s whole state',
  );
}

function timeIt(fn: () => void): number {
  const s = performance.now();
  fn();
  return performance.now() - s;
}

function rebuild(): BenchRow[] {
  const doc = bigPlan();
  const editions = new Y.Doc();
  for (let e = 0; e < EDITIONS; e++) {
    if (e) edit(doc, e, 200);
    saveEdition(doc, editions, { name: `v${e + 1}`, author: 'Ana' });
  }
  const all = readEditions(editions);
  const last = all[all.length - 1]!;
  const state = Y.encodeStateAsUpdate(doc);
  edit(doc, EDITIONS, 200);
  const saves: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(editions));
    saves.push(timeIt(() => saveEdition(doc, copy, { name: 'next', author: 'Ana' })));
  }
  const parse = () => timeIt(() => Y.applyUpdate(new Y.Doc(), state));
  const build = () => timeIt(() => rebuildEdition(all, last.id));
  parse();
  build();
  const t = { parse: [] as number[], build: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    if (i % 2) {
      t.parse.push(parse());
      t.build.push(build());
    } else {
      t.build.push(build());
      t.parse.push(parse());
    }
  }
  return [
    row(`rebuild the last of ${EDITIONS} editions (200 edits apart), median (budget ≤ 2×)`, 'ms', median(t.build), median(t.parse), 'Y.applyUpdate of the plan\'s state, median'),
    row(`save the ${EDITIONS + 1}th edition (200 edits after the last), median`, 'ms', median(saves), median(t.parse), 'Y.applyUpdate of the plan\'s state, median'),
  ];
}

function diffTime(): BenchRow {
  const doc = bigPlan();
  const a = Y.encodeStateAsUpdate(doc);
  edit(doc, 1, 300);
  const goal = blocksOf(doc).find((b) => b.getAttribute('type') === 'goal')!;
  goal.setAttribute('owners', ['person_b'] as never);
  const b = Y.encodeStateAsUpdate(doc);
  const read = (state: Uint8Array) => {
    const d = new Y.Doc();
    Y.applyUpdate(d, state);
    return { meta: readPlanMeta(d), content: readPlanContent(d) };
  };
  const before = read(a);
  const after = read(b);
  let changes = 0;
  const readBoth = () => timeIt(() => { read(a); read(b); });
  const diff = () => timeIt(() => { changes = diffPlans(before, after, []).changes.length; });
  readBoth();
  diff();
  const t = { read: [] as number[], diff: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    t.read.push(readBoth());
    t.diff.push(diff());
  }
  if (changes < 100) throw new Error(`the diff found only ${changes} changes`);
  const goals = before.content.filter((n) => 'type' in n && n.type === 'goal') as GoalElement[];
  return row(`diff two ${BLOCKS.toLocaleString('en')}-block editions (${goals.length.toLocaleString('en')} goals, ${changes} changes), median`, 'ms', median(t.diff), median(t.read), 'reading both plans (parse + Slate content), median');
}

export default async function run(): Promise<BenchRow[]> {
  return [editionSize(false), editionSize(true), ...rebuild(), diffTime()];
}
