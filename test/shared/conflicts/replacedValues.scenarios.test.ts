/**
 * Seeded offline/online scenarios, two and three people, every field kind of goals, actions and stage
 * rows, through real @slate-yjs/core editors on Y.Docs and a server document that garbage-collects
 * like the sync server's (replaced values are gone from it; only the history of owners is kept). The harness tracks who had seen which write (independently of Yjs): a write
 * that no later write of its field built on, and that is not the final value, was replaced. Every such
 * write must be surfaced to its author's device exactly once; owners must merge as a set.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEditor, Element, type Editor, Transforms } from 'slate';
import { withYjs, YjsEditor } from '@slate-yjs/core';
import { newAction, newGoal, newStageMatrix } from '../../../shared/model/blocks';
import { GOAL_STATUSES } from '../../../shared/model/elements';
import { TEAMS } from '../../../shared/model/people';
import { createPlanDoc, planContent } from '../../../shared/model/planDoc';
import { conflictMap, openConflicts, settleConflict } from '../../../shared/conflicts/conflictRecords';
import { keepSetFieldHistory } from '../../../shared/conflicts/replacedValues';
import { watchConflicts } from '../../../shared/conflicts/watchConflicts';
import { seededRandom as rng } from '../../main/server/seededRandom';

type Kind = 'text' | 'number' | 'date' | 'person' | 'link' | 'status' | 'team' | 'bool' | 'set';
const GOAL_FIELDS: [string, Kind][] = [
  ['title', 'text'], ['team', 'team'], ['owners', 'set'], ['metricName', 'text'], ['metricUnit', 'text'], ['baseline', 'number'],
  ['target', 'number'], ['current', 'number'], ['period', 'text'], ['due', 'date'], ['status', 'status'], ['rationale', 'text'],
  ['parentId', 'link'], ['parentPlanId', 'link'],
];
const ACTION_FIELDS: [string, Kind][] = [
  ['title', 'text'], ['owner', 'person'], ['due', 'date'], ['done', 'bool'], ['budget', 'number'], ['expectedResult', 'text'], ['goalId', 'link'],
];
const STAGE_FIELDS: [string, Kind][] = [
  ['marketing', 'text'], ['sales', 'text'], ['marketingOwner', 'person'], ['salesOwner', 'person'], ['exitCriteria', 'text'],
  ['metricName', 'text'], ['metricTarget', 'number'], ['metricUnit', 'text'], ['assets', 'text'],
];

/** `over` is the value the writer saw in the field when writing. */
type Write = { id: number; person: number; block: string; field: string; value: unknown; over: unknown; seen: Set<number> };
type SetOp = { id: number; person: number; block: string; op: 'add' | 'remove'; owner: string; seen: Set<number> };

type Session = { doc: Y.Doc; editor: Editor; stop: () => void };
type Person = { index: number; device: string; name: string; online: boolean; store: Uint8Array; session: Session; seen: Set<number> };

function openSession(p: { device: string; name: string }, state: Uint8Array, clientID: number): Session {
  const doc = new Y.Doc({ gcFilter: keepSetFieldHistory });
  doc.clientID = clientID; // seeded, so that Yjs breaks ties the same way every run
  const stop = watchConflicts(doc, { me: { name: p.name, device: p.device } });
  Y.applyUpdate(doc, state, 'disk');
  const editor = withYjs(createEditor(), planContent(doc));
  YjsEditor.connect(editor);
  return { doc, editor, stop: () => { YjsEditor.disconnect(editor); stop(); doc.destroy(); } };
}

function exchange(a: Y.Doc, b: Y.Doc): boolean {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  const before = JSON.stringify([[...Y.encodeStateVector(a)], [...Y.encodeStateVector(b)]]);
  Y.applyUpdate(b, toB, 'remote');
  Y.applyUpdate(a, toA, 'remote');
  return before !== JSON.stringify([[...Y.encodeStateVector(a)], [...Y.encodeStateVector(b)]]);
}

/** Path and element of a block by its key, in an editor. */
function findBlock(editor: Editor, block: string): { path: number[]; node: Record<string, unknown> } | null {
  for (let i = 0; i < editor.children.length; i++) {
    const n = editor.children[i]!;
    if (!Element.isElement(n)) continue;
    if ((n.type === 'goal' || n.type === 'action') && n.id === block) return { path: [i], node: n as unknown as Record<string, unknown> };
    if (n.type === 'stage-matrix') {
      for (let j = 0; j < n.children.length; j++) {
        const s = n.children[j]!;
        if (`${n.id}:${s.stage}` === block) return { path: [i, j], node: s as unknown as Record<string, unknown> };
      }
    }
  }
  return null;
}

type Figures = { scenarios: number; writes: number; replaced: number; surfaced: number; settled: number; ownerOps: number };

function runScenario(seed: number, people: number, figures: Figures): void {
  const random = rng(seed);
  const newClient = () => Math.floor(random() * 2 ** 31);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const goal = newGoal({ id: 'g1', title: 'Revenue' });
  const action = newAction({ id: 'a1', title: 'Launch' });
  const matrix = newStageMatrix();
  matrix.id = 'm1';
  // The sync server keeps the history of set fields too (main/server/room.ts).
  const server = createPlanDoc({ id: 'p1', title: 'Plan', templateId: 'blank', period: '2027', content: [goal, action, matrix] }, new Y.Doc({ gcFilter: keepSetFieldHistory }));
  const initial = Y.encodeStateAsUpdate(server);
  const blocks: { key: string; fields: [string, Kind][] }[] = [
    { key: 'g1', fields: GOAL_FIELDS }, { key: 'a1', fields: ACTION_FIELDS },
    ...matrix.children.map((s) => ({ key: `m1:${s.stage}`, fields: STAGE_FIELDS })),
  ];
  let counter = 0;
  const writes: Write[] = [];
  const setOps: SetOp[] = [];
  let serverSeen = new Set<number>();
  const ps: Person[] = Array.from({ length: people }, (_, index) => {
    const p = { device: `device-${seed}-${index}`, name: `Person ${index}` };
    return { ...p, index, online: true, store: initial, session: openSession(p, initial, newClient()), seen: new Set<number>() };
  });

  const sync = (p: Person) => {
    if (!p.online) return false;
    const changed = exchange(p.session.doc, server);
    const union = new Set([...serverSeen, ...p.seen]);
    serverSeen = union;
    p.seen = new Set(union);
    return changed;
  };
  const persist = (p: Person) => { p.store = Y.encodeStateAsUpdate(p.session.doc); };

  const valueFor = (p: Person, kind: Kind, current: unknown): unknown => {
    const n = ++counter;
    switch (kind) {
      case 'text': return `text ${n}`;
      case 'number': return 1000 + n;
      case 'date': return `2027-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}#${n}`;
      case 'person': return `person-${n}`;
      case 'link': return `goal-${n}`;
      // Values of few choices are the writer's own, so that two concurrent writes of them always differ.
      case 'status': return GOAL_STATUSES[p.index];
      case 'team': return TEAMS[p.index];
      case 'bool': return p.index === 2 ? current : p.index === 0;
      default: return current;
    }
  };

  // A few fields are where this scenario's people meet (so that writes collide); the rest are random.
  const hot = Array.from({ length: 4 }, () => {
    const block = pick(blocks);
    return { block, field: pick(block.fields) };
  });
  if (seed % 3 === 0) hot.push({ block: blocks[0]!, field: GOAL_FIELDS.find(([f]) => f === 'owners')! });
  const write = (p: Person) => {
    const { session } = p;
    const target = random() < 0.8 ? pick(hot) : (() => {
      const block = pick(blocks);
      return { block, field: pick(block.fields) };
    })();
    const { block } = target;
    const [field, kind] = target.field;
    const found = findBlock(session.editor, block.key)!;
    const current = found.node[field] ?? null;
    if (kind === 'set') {
      const owners = (current as string[] | null) ?? [];
      const remove = owners.length > 0 && random() < 0.4;
      const owner = remove ? pick(owners) : `owner-${++counter}`;
      const next = remove ? owners.filter((o) => o !== owner) : [...owners, owner];
      const id = ++counter;
      setOps.push({ id, person: p.index, block: block.key, op: remove ? 'remove' : 'add', owner, seen: new Set(p.seen) });
      p.seen.add(id);
      Transforms.setNodes(session.editor, { [field]: next } as never, { at: found.path });
      figures.ownerOps++;
    } else {
      const value = valueFor(p, kind, current);
      if (JSON.stringify(value) === JSON.stringify(current)) return;
      const id = ++counter;
      writes.push({ id, person: p.index, block: block.key, field, value, over: current, seen: new Set(p.seen) });
      p.seen.add(id);
      Transforms.setNodes(session.editor, { [field]: value } as never, { at: found.path });
    }
    YjsEditor.flushLocalChanges(session.editor as YjsEditor);
  };

  /** The person acts on one of their open conflicts: restores their value or keeps the other one. */
  const act = (p: Person) => {
    const open = openConflicts(p.session.doc, p.device);
    if (open.length === 0) return;
    const record = pick(open);
    if (random() < 0.5) {
      const found = findBlock(p.session.editor, record.block);
      if (found && JSON.stringify(found.node[record.field] ?? null) !== JSON.stringify(record.mine)) {
        const id = ++counter;
        writes.push({ id, person: p.index, block: record.block, field: record.field, value: record.mine, over: found.node[record.field] ?? null, seen: new Set(p.seen) });
        p.seen.add(id);
        Transforms.setNodes(p.session.editor, { [record.field]: record.mine } as never, { at: found.path });
        YjsEditor.flushLocalChanges(p.session.editor as YjsEditor);
      }
      settleConflict(p.session.doc, record.id, 'restored');
    } else {
      settleConflict(p.session.doc, record.id, 'kept');
    }
  };

  /** Once a device has a conflict as settled, it never shows it open again. */
  const settledOn = new Map<Person, Set<string>>(ps.map((p) => [p, new Set()]));
  const checkSettledStay = () => {
    for (const p of ps) {
      const seen = settledOn.get(p)!;
      conflictMap(p.session.doc).forEach((r, id) => {
        if (r.settled) seen.add(id);
        else expect(seen.has(id), `seed ${seed}: a settled conflict came back for ${p.name}`).toBe(false);
      });
    }
  };

  const steps = 6 + Math.floor(random() * 14);
  for (let s = 0; s < steps; s++) {
    const p = pick(ps);
    const roll = random();
    if (roll < 0.55) write(p);
    else if (roll < 0.72) p.online = !p.online;
    else if (roll < 0.85) {
      persist(p);
      p.session.stop();
      p.session = openSession(p, p.store, newClient());
    } else act(p);
    for (const q of ps) sync(q);
    for (const q of ps) persist(q);
    checkSettledStay();
  }
  // Everyone comes back online, and their devices settle what arrives.
  for (const p of ps) p.online = true;
  for (let round = 0; round < 20; round++) {
    let changed = false;
    for (const p of ps) changed = sync(p) || changed;
    if (!changed) break;
  }
  checkSettledStay();

  const final = ps[0]!.session.editor;
  // Replaced writes, by the harness's own account of who had seen what.
  // A write was built on when someone who had it, and saw its value in the field, wrote over it.
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  // (A restored value repeats an earlier one: the writer built on the latest of them it had.)
  const basis = (later: Write) => writes.filter((x) => x.block === later.block && x.field === later.field && later.seen.has(x.id) && same(later.over, x.value)).at(-1);
  const builtOn = (w: Write) => writes.some((later) => basis(later) === w);
  const expected: string[] = [];
  for (const w of writes) {
    if (builtOn(w)) continue;
    const finalValue = findBlock(final, w.block)!.node[w.field] ?? null;
    const finalWrite = writes.filter((x) => x.block === w.block && x.field === w.field && same(x.value, finalValue) && !builtOn(x)).at(-1);
    if (finalWrite !== w) expected.push(`${ps[w.person]!.device}|${w.block}|${w.field}|${JSON.stringify(w.value)}`);
  }
  const surfaced: string[] = [];
  conflictMap(server).forEach((r) => {
    surfaced.push(`${r.device}|${r.block}|${r.field}|${JSON.stringify(r.mine)}`);
    if (r.settled) figures.settled++;
  });
  expect(surfaced.sort(), `seed ${seed}: surfaced values`).toEqual(expected.sort());
  figures.replaced += expected.length;
  figures.surfaced += surfaced.length;
  figures.writes += writes.length;

  // Owners: an owner stays unless a removal that had seen its addition removed it.
  for (const b of blocks.filter((x) => x.fields.some(([, k]) => k === 'set'))) {
    const adds = setOps.filter((o) => o.block === b.key && o.op === 'add');
    const keep = adds.filter((a) => !setOps.some((r) => r.op === 'remove' && r.owner === a.owner && r.seen.has(a.id))).map((a) => a.owner);
    for (const p of ps) {
      const owners = (findBlock(p.session.editor, b.key)!.node.owners as string[]) ?? [];
      expect([...owners].sort(), `seed ${seed}: owners of ${p.name}`).toEqual(keep.sort());
    }
  }
  // Everyone ends with the same plan.
  const json = (p: Person) => JSON.stringify(p.session.editor.children);
  for (const p of ps) expect(json(p)).toBe(json(ps[0]!));
  for (const p of ps) p.session.stop();
  figures.scenarios++;
}

describe('replaced values in offline/online scenarios', () => {
  it('surfaces every replaced value of every field kind to its author once, and merges owners as a set', () => {
    const figures: Figures = { scenarios: 0, writes: 0, replaced: 0, surfaced: 0, settled: 0, ownerOps: 0 };
    for (let seed = 1; seed <= 500; seed++) runScenario(seed, seed % 2 === 0 ? 2 : 3, figures);
    console.log(`conflict scenarios: ${figures.scenarios} run, ${figures.writes} field writes, ${figures.replaced} values replaced, `
      + `${figures.surfaced} surfaced (${figures.settled} acted on), ${figures.ownerOps} owner additions/removals merged as a set`);
    expect(figures.surfaced).toBe(figures.replaced);
    expect(figures.replaced).toBeGreaterThan(100);
  });
});
