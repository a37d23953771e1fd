/**
 * What a plan's comments cost, beside baselines measured in the same run (the comments UI's own
 * figure, opening a plan with 500 threads in the workbench, belongs to the editor suite):
 * - loading a comments document of 500 threads (half on prose, half on goals; a reply each): parsing
 *   its Yjs state, reading the threads (zod), resolving every anchor on a 10,000-block plan — each
 *   beside parsing that plan's Yjs state, which opening the plan does anyway;
 * - the server's write check of one reply in that room (comments policy on the kept scratch copy),
 *   beside applying the same reply with no check; and the first check, which makes the copy.
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { anchorResolver, textAnchor, type Anchor } from '../../../shared/comments/anchors';
import { createThread, readThreads, reply } from '../../../shared/comments/commentsDoc';
import { newGoal, paragraph } from '../../../shared/model/blocks';
import { type GoalElement, type PlanContent } from '../../../shared/model/elements';
import { createPlanDoc, readPlanContent } from '../../../shared/model/planDoc';
import { commentsPolicy } from '../../../main/server/commentsPolicy';
import { WriteChecker } from '../../../main/server/writePolicy';
import { median, row, type BenchRow } from '../report';

const BLOCKS = 10_000;
const THREADS = 500;
const RUNS = 7;
const REPLIES = 60;

const time = (f: () => void): number => {
  const start = performance.now();
  f();
  return performance.now() - start;
};
const medianOf = (runs: number, f: () => void) => median(Array.from({ length: runs }, () => time(f)));
const parse = (state: Uint8Array) => () => Y.applyUpdate(new Y.Doc(), state);

export default async function run(): Promise<BenchRow[]> {
  const content: PlanContent = Array.from({ length: BLOCKS }, (_, i) => (i % 5 === 0
    ? newGoal({ title: `Goal ${i}`, metricName: 'pipeline', metricUnit: 'k$', target: 100 + i })
    : paragraph(`Paragraph ${i}: the joint plan explains why this quarter matters and who does what.`)));
  const plan = createPlanDoc({ id: 'plan_bench', title: 'Bench', templateId: 'blank', period: 'FY27', content });
  const slate = readPlanContent(plan);
  const paragraphs = slate.flatMap((n, i) => ('type' in n && n.type === 'paragraph' ? [i] : []));
  const goals = slate.filter((n): n is GoalElement => 'type' in n && n.type === 'goal');

  const comments = new Y.Doc();
  for (let i = 0; i < THREADS; i++) {
    const block = paragraphs[(i * 17) % paragraphs.length]!;
    const anchor: Anchor = i % 2
      ? textAnchor(plan, slate, { anchor: { path: [block, 0], offset: 0 }, focus: { path: [block, 0], offset: 14 } })
      : { kind: 'goal', goalId: goals[i % goals.length]!.id, field: 'target' };
    const { threadId } = createThread(comments, { author: 'Ana Lima', anchor, text: `Question ${i}: is this realistic for the quarter?` });
    reply(comments, threadId, { author: 'Ben Okafor', text: 'Yes, with the two new SDRs.' });
  }
  const planState = Y.encodeStateAsUpdate(plan);
  const commentsState = Y.encodeStateAsUpdate(comments);
  const threads = readThreads(comments);
  await new Promise((r) => setImmediate(r));

  const planParse = medianOf(RUNS, parse(planState));
  const rows = [
    row(`parse a comments doc of ${THREADS} threads (${Math.round(commentsState.byteLength / 1024)} KiB)`, 'ms', medianOf(RUNS, parse(commentsState)), planParse, `parse the ${BLOCKS.toLocaleString('en-US')}-block plan`),
    row(`read its ${THREADS} threads (zod)`, 'ms', medianOf(RUNS, () => readThreads(comments)), planParse, 'parse the plan'),
    row(`resolve their ${THREADS} anchors`, 'ms', medianOf(RUNS, () => {
      const resolve = anchorResolver(plan, slate);
      for (const t of threads) resolve(t.anchor);
    }), planParse, 'parse the plan'),
  ];

  // The server: replies by a commenter, each checked against the room's document, then applied.
  const writer = { workspaceId: 'ws_bench', name: 'Cam Diaz', role: 'commenter' as const };
  const client = new Y.Doc();
  Y.applyUpdate(client, commentsState);
  const replies: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => replies.push(u));
  for (let i = 0; i < REPLIES; i++) reply(client, threads[(i * 7) % threads.length]!.id, { author: writer.name, text: `Reply ${i}` });
  const unchecked = new Y.Doc();
  Y.applyUpdate(unchecked, commentsState);
  const plain = replies.map((u) => time(() => Y.applyUpdate(unchecked, u)));
  const room = new Y.Doc();
  Y.applyUpdate(room, commentsState);
  const checker = new WriteChecker(commentsPolicy, room);
  const peer = {};
  const checked = replies.map((u) => time(() => {
    if (checker.check(writer, u, peer)) throw new Error('the comments policy refused a valid reply');
    Y.applyUpdate(room, u, peer);
  }));
  checker.dispose();
  // A room loaded again (or changed by the JSON API): its next check makes the copy anew, with the code warm.
  const firstChecks = Array.from({ length: RUNS }, () => {
    const again = new Y.Doc();
    Y.applyUpdate(again, commentsState);
    const fresh = new WriteChecker(commentsPolicy, again);
    const took = time(() => fresh.check(writer, replies[0]!, peer));
    fresh.dispose();
    return took;
  });
  const applyOne = median(plain.slice(1));
  rows.push(
    row('server: check and apply one reply (500-thread room)', 'ms', median(checked.slice(1)), applyOne, 'apply it unchecked'),
    row('server: the first check of a room (copies the document)', 'ms', median(firstChecks), applyOne, 'apply it unchecked'),
  );
  return rows;
}
