/**
 * Convergence, the Yjs way: several plan documents, each bound to the app's plan editor
 * (createPlanEditor: @slate-yjs/core with every plugin and rule), make random seeded edits — text,
 * goal and stage fields, new goals and actions, moved blocks, split paragraphs — while their updates are delivered in random order and some peers
 * are offline for a while. Once everything is delivered, every document, every editor and every
 * derived goal tree must be equal, and the plan must still be valid.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { Editor, Element, Node, Text, Transforms, type Path } from 'slate';
import { YjsEditor } from '@slate-yjs/core';
import { Awareness } from 'y-protocols/awareness';
import { newAction, newGoal } from '../../shared/model/blocks';
import { GOAL_STATUSES, type GoalElement, type PlanContent, type PlanElement } from '../../shared/model/elements';
import { planContent, readPlanContent, snapshotPlan } from '../../shared/model/planDoc';
import { normalizePlanContent } from '../../shared/model/planOps';
import { parsePlanContent } from '../../shared/model/schemas';
import { buildGoalTree, type GoalNode } from '../../shared/derive/goalTree';
import { instantiateTemplate } from '../../shared/templates/instantiate';
import { createPlanEditor } from '../../renderer/editor/createPlanEditor';
import { parseTemplate } from '../../shared/templates/templateSchema';

const REMOTE = Symbol('remote');
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'guidance', 'list-item']);

const annual = parseTemplate(
  JSON.parse(readFileSync(fileURLToPath(new URL('../../templates/annual-joint-plan.json', import.meta.url)), 'utf8')),
  'annual-joint-plan.json',
);

/**
 * The starting plan: the annual template's headings, goals (with their parent links), stage matrix
 * and actions, and a few paragraphs and lists — every kind of block, small enough to stay fast.
 */
function startingPlan(): Uint8Array {
  let prose = 0;
  const content = annual.content.filter((n) => !('type' in n) || n.type !== 'guidance' && (
    ['heading', 'goal', 'stage-matrix', 'action'].includes(n.type) || prose++ < 8));
  return Y.encodeStateAsUpdate(instantiateTemplate({ ...annual, content }, { planId: 'plan_fy27', title: 'FY27' }));
}

type Peer = { doc: Y.Doc; editor: Editor & YjsEditor; online: boolean };
type Message = { from: number; to: number; update: Uint8Array };
/**
 * 'per-link': each peer's updates reach each other peer in the order it sent them (what a
 * y-websocket relay gives), links interleaved at random. 'any': every update in any order.
 */
type Ordering = 'per-link' | 'any';

function makePeer(initial: Uint8Array, index: number, outbox: Message[], peerCount: number, clientID = index + 1): Peer {
  const doc = new Y.Doc();
  // Fixed client ids make a seed replay exactly: Yjs orders concurrent edits by client id.
  doc.clientID = clientID;
  Y.applyUpdate(doc, initial, REMOTE);
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === REMOTE) return;
    for (let to = 0; to < peerCount; to++) if (to !== index) outbox.push({ from: index, to, update });
  });
  // The editor the app uses, with every plugin and rule.
  const editor = createPlanEditor(planContent(doc), new Awareness(doc), { name: `Peer ${index}`, color: '#2563eb' });
  YjsEditor.connect(editor);
  // What connecting normalized (the plan's closing paragraph) is written before anything else
  // arrives, as the app's editor does on the next microtask.
  YjsEditor.flushLocalChanges(editor);
  return { doc, editor, online: true };
}

/** Paths of elements matching `match`, in document order. */
function pathsOf(editor: Editor, match: (el: PlanElement) => boolean): Path[] {
  return [...Editor.nodes(editor, { at: [], match: (n) => Element.isElement(n) && match(n as PlanElement) })].map(([, p]) => p);
}

/** One random edit through Slate transforms, as a person would make it in the editor. */
function randomEdit(gen: prng.PRNG, editor: Editor, label: string): void {
  const pick = <T>(xs: T[]): T | undefined => (xs.length ? xs[prng.int32(gen, 0, xs.length - 1)] : undefined);
  const texts = [...Editor.nodes(editor, { at: [], match: Text.isText })]
    .filter(([, p]) => TEXT_BLOCKS.has((Node.parent(editor, p) as PlanElement).type)) as [Text, Path][];
  const goals = pathsOf(editor, (el) => el.type === 'goal');
  const goalIds = goals.map((p) => (Node.get(editor, p) as GoalElement).id);
  const kind = prng.int32(gen, 0, 9);
  switch (kind) {
    case 0: case 1: { // type some text
      const t = pick(texts);
      if (!t) return;
      Transforms.insertText(editor, ` ${prng.word(gen, 1, 6)}`, { at: { path: t[1], offset: prng.int32(gen, 0, t[0].text.length) } });
      return;
    }
    case 2: { // delete some text
      const t = pick(texts.filter(([n]) => n.text.length > 1));
      if (!t) return;
      const start = prng.int32(gen, 0, t[0].text.length - 1);
      const end = Math.min(t[0].text.length, start + prng.int32(gen, 1, 8));
      Transforms.delete(editor, { at: { anchor: { path: t[1], offset: start }, focus: { path: t[1], offset: end } } });
      return;
    }
    case 3: case 4: { // change a goal's fields
      const at = pick(goals);
      if (!at) return;
      const fields = pick<Partial<GoalElement>>([
        { title: `Goal ${prng.word(gen, 3, 8)}` },
        { current: prng.int32(gen, 0, 100), target: prng.int32(gen, 50, 200) },
        { status: pick([...GOAL_STATUSES])! },
        { owners: [`person_${prng.int32(gen, 1, 5)}`] },
        { parentId: pick(goalIds) ?? null, parentPlanId: null },
      ])!;
      // Slate types a null field as "remove it", which is exactly what the editor does when a field is cleared.
      Transforms.setNodes(editor, fields as never, { at });
      return;
    }
    case 5: { // change a stage's fields
      const at = pick(pathsOf(editor, (el) => el.type === 'stage'));
      if (!at) return;
      Transforms.setNodes(editor, prng.bool(gen)
        ? { marketing: `Marketing ${prng.word(gen, 3, 8)}`, marketingOwner: `person_${prng.int32(gen, 1, 5)}` }
        : { exitCriteria: `Exit ${prng.word(gen, 3, 8)}`, metricTarget: prng.int32(gen, 1, 99) }, { at });
      return;
    }
    case 6: { // insert a goal or an action
      const at = [prng.int32(gen, 0, editor.children.length)];
      const block = prng.bool(gen)
        ? newGoal({ id: `goal_${label}`, title: `New ${label}`, parentId: pick(goalIds) ?? null, target: 10, current: prng.int32(gen, 0, 10) })
        : newAction({ id: `action_${label}`, title: `Action ${label}`, goalId: pick(goalIds) ?? null });
      Transforms.insertNodes(editor, block, { at });
      return;
    }
    case 7: case 8: { // move a top-level block
      const n = editor.children.length;
      const from = prng.int32(gen, 0, n - 1);
      const to = prng.int32(gen, 0, n - 1);
      if (from !== to) Transforms.moveNodes(editor, { at: [from], to: [to] });
      return;
    }
    case 9: { // press Enter inside a paragraph
      const t = pick(texts.filter(([n, p]) => n.text.length > 0 && (Node.parent(editor, p) as PlanElement).type === 'paragraph'));
      if (!t) return;
      Transforms.splitNodes(editor, { at: { path: t[1], offset: prng.int32(gen, 0, t[0].text.length) }, always: true });
      return;
    }
  }
}

/**
 * The editor's children as Yjs stores them. Yjs cannot keep formatting on an empty text (a
 * zero-length insert has nowhere to hold attributes), so a bold empty leaf that Slate leaves behind
 * after Enter reads back from the document as a plain empty leaf. Invisible, and the only
 * difference allowed between an editor and its document.
 */
function asStored(nodes: Node[]): Node[] {
  return nodes.map((n) => {
    if (Text.isText(n)) return n.text === '' ? { text: '' } : n;
    return { ...n, children: asStored(n.children) } as Node;
  });
}

/** Fields the random edits may clear by setting null. */
const CLEARABLE = new Set(['goal.parentId', 'goal.parentPlanId']);

/** `type.field` for every field a structured block lacks. */
function missingFields(content: Node[]): string[] {
  const full = normalizePlanContent(content as PlanContent);
  const out: string[] = [];
  const walk = (a: Node[], b: Node[]) => a.forEach((n, i) => {
    if (Text.isText(n)) return;
    const m = b[i] as Element;
    for (const k of Object.keys(m)) if (!(k in n)) out.push(`${(n as PlanElement).type}.${k}`);
    walk(n.children, m.children);
  });
  walk(content, full);
  return out;
}

/** The goal tree as plain data, to compare across peers. */
const treeShape = (nodes: GoalNode[]): unknown[] =>
  nodes.map((n) => [n.goal.id, n.goal.title, n.path, n.progress, n.parentMissing, n.inCycle, treeShape(n.children)]);

function runSession(seed: number, peerCount: number, steps: number, ordering: Ordering) {
  const gen = prng.create(seed);
  const initial = startingPlan();
  const outbox: Message[] = [];
  const peers: Peer[] = [];
  for (let i = 0; i < peerCount; i++) peers.push(makePeer(initial, i, outbox, peerCount, seed * 100 + i + 1));

  const deliver = (onlyOnline: boolean) => {
    const ready = outbox.map((m, i) => [m, i] as const).filter(([m]) => !onlyOnline || (peers[m.from]!.online && peers[m.to]!.online));
    if (!ready.length) return false;
    let [m, i] = ready[prng.int32(gen, 0, ready.length - 1)]!;
    if (ordering === 'per-link') [m, i] = ready.find(([x]) => x.from === m.from && x.to === m.to)!;
    outbox.splice(i, 1);
    Y.applyUpdate(peers[m.to]!.doc, m.update, REMOTE);
    // Normalising remote changes can make local ones: send those too.
    YjsEditor.flushLocalChanges(peers[m.to]!.editor);
    return true;
  };

  let offlineEver = 0;
  for (let step = 0; step < steps; step++) {
    const p = prng.int32(gen, 0, peerCount - 1);
    const peer = peers[p]!;
    if (prng.int32(gen, 0, 19) === 0) {
      peer.online = !peer.online;
      if (!peer.online) offlineEver++;
    }
    randomEdit(gen, peer.editor, `${seed}x${step}`);
    YjsEditor.flushLocalChanges(peer.editor);
    for (let k = prng.int32(gen, 0, 3); k > 0; k--) deliver(true);
  }
  // Everyone comes back online; every queued update arrives, in random order.
  peers.forEach((peer) => { peer.online = true; });
  while (deliver(false));
  return { peers, offlineEver };
}

describe('convergence of plans edited concurrently', () => {
  it.each([1, 2, 3, 4])('seed %i: all documents, editors and goal trees end equal, every field intact', (seed) => {
    const { peers, offlineEver } = runSession(seed, 4, 120, 'per-link');
    expect(offlineEver).toBeGreaterThan(0);

    const contents = peers.map((p) => readPlanContent(p.doc));
    for (const [i, peer] of peers.entries()) {
      expect(contents[i], `peer ${i}'s document`).toEqual(contents[0]);
      expect(asStored(peer.editor.children), `peer ${i}'s editor`).toEqual(contents[0]);
      expect(Y.encodeStateVector(peer.doc)).toEqual(Y.encodeStateVector(peers[0]!.doc));
    }
    // Slate removes a field set to null; normalising puts the null back, and nothing else is missing.
    expect(missingFields(contents[0]!).filter((f) => !CLEARABLE.has(f))).toEqual([]);
    expect(() => parsePlanContent(normalizePlanContent(contents[0]!))).not.toThrow();
    expect(JSON.stringify(contents[0])).toMatch(/"parentId":"goal_/);

    const trees = peers.map((p) => treeShape(buildGoalTree([snapshotPlan(p.doc)]).roots));
    for (const tree of trees) expect(tree).toEqual(trees[0]);
    // The edits really happened: the plan differs from the template it started as.
    const start = new Y.Doc();
    Y.applyUpdate(start, startingPlan());
    expect(contents[0]!.length).not.toBe(readPlanContent(start).length);
  });

  it.each([11, 12, 13])('seed %i, updates in any order: documents, editors and goal trees still end equal and valid', (seed) => {
    const { peers } = runSession(seed, 3, 100, 'any');
    const contents = peers.map((p) => readPlanContent(p.doc));
    for (const [i, peer] of peers.entries()) {
      expect(contents[i]).toEqual(contents[0]);
      expect(asStored(peer.editor.children)).toEqual(contents[0]);
    }
    const trees = peers.map((p) => treeShape(buildGoalTree([snapshotPlan(p.doc)]).roots));
    for (const tree of trees) expect(tree).toEqual(trees[0]);
    // A block moved while a change to one of its fields is only partly delivered can lose that
    // field (see docs/plan-model.md); normalising keeps the plan valid all the same.
    expect(() => parsePlanContent(normalizePlanContent(contents[0]!))).not.toThrow();
  });

  it('keeps both edits when two offline peers change different fields of the same goal', () => {
    const initial = startingPlan();
    const outbox: Message[] = [];
    const peers: Peer[] = [];
    for (let i = 0; i < 3; i++) peers.push(makePeer(initial, i, outbox, 3));
    const [a, b] = peers as [Peer, Peer];
    const at = pathsOf(a.editor, (el) => el.type === 'goal')[0]!;
    Transforms.setNodes(a.editor, { current: 44_000_000 }, { at });
    Transforms.setNodes(b.editor, { owners: ['person_ana'], status: 'at-risk' }, { at });
    peers.forEach((p) => YjsEditor.flushLocalChanges(p.editor));
    // Links deliver in the order they were sent (as the server relays: it holds back an update whose
    // dependencies have not arrived), the links themselves in reverse.
    const links = [...new Set(outbox.map((m) => `${m.from}>${m.to}`))].reverse();
    for (const link of links) {
      for (const m of outbox.filter((x) => `${x.from}>${x.to}` === link)) {
        Y.applyUpdate(peers[m.to]!.doc, m.update, REMOTE);
        YjsEditor.flushLocalChanges(peers[m.to]!.editor);
      }
    }
    // What the receivers' editors wrote while merging reaches everyone too.
    for (let i = 0; i < peers.length; i++) for (const p of peers) Y.applyUpdate(p.doc, Y.encodeStateAsUpdate(peers[i]!.doc), REMOTE);
    for (const peer of peers) {
      expect(Node.get(peer.editor, at)).toMatchObject({ current: 44_000_000, owners: ['person_ana'], status: 'at-risk' });
      expect(buildGoalTree([snapshotPlan(peer.doc)]).roots[0]!.progress.ratio).toBeCloseTo(0.5);
    }
  });
});
