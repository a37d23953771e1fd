/**
 * Check-ins merge the Yjs way: three people check in on the same goals while offline, their updates
 * are delivered in a random (seeded) order, and every copy ends with every check-in and the same
 * current value and status. Bad entries written over sync are skipped, never thrown.
 */
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { newGoal, paragraph } from '../../../shared/model/blocks';
import { addCheckIn, addCheckIns, checkInsMap, readCheckIns, watchCheckIns } from '../../../shared/model/checkIns';
import { createPlanDoc, snapshotPlan } from '../../../shared/model/planDoc';
import { buildGoalTree } from '../../../shared/derive/goalTree';
import { GOAL_STATUSES } from '../../../shared/model/elements';

const goals = [
  newGoal({ id: 'goal_revenue', title: 'New revenue', metricUnit: '$', baseline: 0, target: 12e6 }),
  newGoal({ id: 'goal_leads', title: 'Accepted leads', metricUnit: 'leads', baseline: 0, target: 1400 }),
];
const initial = Y.encodeStateAsUpdate(createPlanDoc({ id: 'plan_fy27', title: 'FY27', templateId: 'annual-joint-plan', period: 'FY2027', content: [...goals, paragraph()] }));

type Sent = { from: number; update: Uint8Array };

function offlineCheckIns(seed: number) {
  const gen = prng.create(seed);
  const people = ['Ana', 'Ben', 'Chloé'].map((name, i) => {
    const doc = new Y.Doc();
    doc.clientID = i + 1;
    Y.applyUpdate(doc, initial);
    return { name, doc, outbox: [] as Sent[] };
  });
  people.forEach((p, i) => p.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') p.outbox.push({ from: i, update });
  }));
  let written = 0;
  for (let round = 0; round < 20; round++) {
    for (const p of people) {
      if (!prng.bool(gen)) continue;
      const day = `2027-0${prng.int32(gen, 1, 9)}-1${prng.int32(gen, 0, 9)}`;
      addCheckIn(p.doc, {
        goalId: prng.oneOf(gen, goals).id, value: prng.int32(gen, 0, 12_000_000), status: prng.oneOf(gen, GOAL_STATUSES.slice(0, 3)),
        confidence: prng.oneOf(gen, ['low', 'medium', 'high', null] as const), note: `${p.name} round ${round}`, date: day, author: p.name,
      }, { now: () => new Date(Date.UTC(2027, 0, 1, 0, 0, prng.int32(gen, 0, 59))) });
      written++;
    }
  }
  // Back online: every update reaches every other person, in a random order.
  const messages = people.flatMap((p) => p.outbox.flatMap((m) => people.map((_, to) => ({ ...m, to })).filter((x) => x.to !== x.from)));
  for (let i = messages.length - 1; i > 0; i--) {
    const j = prng.int32(gen, 0, i);
    [messages[i], messages[j]] = [messages[j]!, messages[i]!];
  }
  for (const m of messages) Y.applyUpdate(people[m.to]!.doc, m.update, 'remote');
  return { people, written };
}

describe('check-ins written offline by three people', () => {
  for (const seed of [1, 7, 42, 1234, 99_999]) {
    it(`all kept, every copy equal (seed ${seed})`, () => {
      const { people, written } = offlineCheckIns(seed);
      expect(written).toBeGreaterThan(10);
      const views = people.map((p) => {
        const snap = snapshotPlan(p.doc);
        const tree = buildGoalTree([snap]);
        return {
          checkIns: [...snap.checkIns!].sort((a, b) => a.id.localeCompare(b.id)),
          now: goals.map((g) => ({ current: tree.byId.get(g.id)!.goal.current, status: tree.byId.get(g.id)!.goal.status, progress: tree.byId.get(g.id)!.progress })),
        };
      });
      expect(views[0]!.checkIns).toHaveLength(written);
      expect(views[1]).toEqual(views[0]);
      expect(views[2]).toEqual(views[0]);
      expect(Y.encodeStateVector(people[1]!.doc)).toEqual(Y.encodeStateVector(people[0]!.doc));
    });
  }
});

describe('reading and writing check-ins', () => {
  const doc = () => createPlanDoc({ id: 'p', title: 't', templateId: 'x', period: '', content: [...goals, paragraph()] });

  it('refuses an invalid check-in as a whole and stores nothing', () => {
    const d = doc();
    const ok = { goalId: 'goal_leads', value: 10, status: 'on-track', confidence: null, note: '', date: '2027-02-01', author: 'Ana' } as const;
    expect(() => addCheckIns(d, [ok, { ...ok, date: '1 Feb 2027' }])).toThrow(/YYYY-MM-DD/);
    expect(() => addCheckIns(d, [{ ...ok, value: Number.NaN }])).toThrow();
    expect(checkInsMap(d).size).toBe(0);
  });

  it('skips entries written wrong over sync, reporting each', () => {
    const d = doc();
    addCheckIn(d, { goalId: 'goal_leads', value: 10, status: 'at-risk', confidence: 'low', note: ' slipped ', date: '2027-02-01', author: 'Ana' });
    checkInsMap(d).set('bad_1', 'not a record');
    checkInsMap(d).set('bad_2', { goalId: 'goal_leads', value: '12', status: 'on-track' });
    checkInsMap(d).set('bad_3', new Y.Map());
    const skipped: string[] = [];
    const read = readCheckIns(d, (s) => skipped.push(s.key));
    expect(read).toHaveLength(1);
    expect(read[0]).toMatchObject({ value: 10, note: 'slipped', source: 'card' });
    expect(skipped.sort()).toEqual(['bad_1', 'bad_2', 'bad_3']);
  });
});

describe('watching check-ins', () => {
  it('keeps the list current as check-ins arrive (from anyone), reading only what changed', () => {
    const d = createPlanDoc({ id: 'p', title: 't', templateId: 'x', period: '', content: [...goals, paragraph()] });
    const input = { goalId: 'goal_leads', value: 10, status: 'on-track', confidence: null, note: '', date: '2027-02-01', author: 'Ana' } as const;
    addCheckIn(d, input);
    let changes = 0;
    const watch = watchCheckIns(d, () => changes++);
    const first = watch.current();
    expect(first).toHaveLength(1);
    expect(watch.current()).toBe(first); // nothing changed: the same list
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(d));
    addCheckIn(remote, { ...input, value: 20 });
    Y.applyUpdate(d, Y.encodeStateAsUpdate(remote));
    expect(changes).toBe(1);
    expect(watch.current().map((c) => c.value).sort()).toEqual([10, 20]);
    checkInsMap(d).set('bad', { goalId: 'goal_leads' });
    expect(watch.current()).toHaveLength(2);
    watch.stop();
    addCheckIn(d, { ...input, value: 30 });
    expect(watch.current()).toHaveLength(3); // stopped: read whole, still right
  });
});
