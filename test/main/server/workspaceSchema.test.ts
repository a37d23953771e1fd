/**
 * The server refuses an update that breaks the workspace document's schema (a plan-index entry that is
 * not a map, a person that is not a valid person, ...): it is not applied, not passed on, not stored,
 * and its sender is closed with 4422. Valid updates, and documents that already hold bad entries from
 * before, go on working. Raw sockets send what a stock client would only send on a bad day.
 */
import * as Y from 'yjs';
import { openLevelDocStore } from '../../../main/server/levelDocStore';
import { encodeUpdate } from '../../../main/server/messages';
import { peopleMap, planIndexMap, readPlanIndex, setPlanIndexEntry, upsertPerson, workspaceMetaMap } from '../../../shared/model/workspaceDoc';
import { connectClient, rawSocket, removeDir, serverState, startTestServer, synced, tempDir, waitFor, type TestServer } from './helpers';

const ANA = { id: 'person_ana', name: 'Ana Lima', email: 'ana@example.com', team: 'sales', role: 'VP Sales', color: '#3366cc' } as const;
const PLAN = { id: 'plan_fy27', title: 'FY27', templateId: 'joint', createdAt: '2026-01-01T00:00:00.000Z' };

/** One update written by a fresh client that does `f` to its workspace doc. */
function updateOf(f: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  doc.transact(() => f(doc));
  return Y.mergeUpdates(updates);
}

/** Sends one update frame on a raw socket; resolves with the close code (or 'open' if still open after a round trip). */
async function send(s: TestServer, update: Uint8Array): Promise<number | 'open'> {
  const sock = rawSocket(`${s.server.wsUrl}/ws1/workspace?token=${await s.token('Ana')}`);
  await sock.opened;
  sock.ws.send(encodeUpdate(update));
  // A query after the update: its answer (an awareness frame) proves the update was handled.
  sock.ws.send(new Uint8Array([3]));
  const outcome = await Promise.race([sock.closed.then((c) => c.code), waitFor(() => sock.received.some((f) => f[0] === 1), 'the answer').then(() => 'open' as const)]);
  sock.ws.close();
  return outcome;
}

const WRONG_VALUES: [string, () => unknown][] = [
  ['a number', () => 42],
  ['a string', () => 'x'],
  ['a boolean', () => true],
  ['null', () => null],
  ['a plain object', () => ({ title: 'x' })],
  ['an array', () => [1, 2]],
  ['a Y.Array', () => new Y.Array()],
  ['a Y.Text', () => new Y.Text('x')],
];

describe('workspace document schema on the server', () => {
  let s: TestServer;

  beforeEach(async () => {
    s = await startTestServer();
  });
  afterEach(async () => {
    await s.close();
    removeDir(s.dataDir);
  });

  it('accepts valid people and plan-index entries', async () => {
    expect(await send(s, updateOf((d) => upsertPerson(d, ANA)))).toBe('open');
    expect(await send(s, updateOf((d) => setPlanIndexEntry(d, PLAN)))).toBe('open');
    const served = await serverState(s.server.wsUrl, 'ws1/workspace', await s.token('Ana'));
    expect(peopleMap(served).has(ANA.id)).toBe(true);
    expect(readPlanIndex(served).map((p) => p.id)).toEqual([PLAN.id]);
  });

  it.each(WRONG_VALUES)('refuses a plan-index entry or a person that is %s, and no one else ever sees it', async (_what, value) => {
    const watcher = connectClient(s.server.wsUrl, 'ws1/workspace', await s.token('Ben', 'viewer'));
    await synced(watcher);
    try {
      expect(await send(s, updateOf((d) => planIndexMap(d).set('plan_bad', value() as Y.Map<unknown>)))).toBe(4422);
      expect(await send(s, updateOf((d) => peopleMap(d).set('person_bad', value() as Y.Map<unknown>)))).toBe(4422);
      // A later valid change reaches the watcher, the refused ones never did.
      expect(await send(s, updateOf((d) => setPlanIndexEntry(d, PLAN)))).toBe('open');
      await waitFor(() => planIndexMap(watcher.doc).has(PLAN.id), 'the valid entry to reach a client');
      expect(planIndexMap(watcher.doc).has('plan_bad')).toBe(false);
      expect(peopleMap(watcher.doc).has('person_bad')).toBe(false);
      expect(s.logs.filter((e) => e.event === 'update-refused')).toHaveLength(2);
      const res = await fetch(`${s.server.url}/api/workspaces/ws1/plans`, { headers: { authorization: `Bearer ${await s.token('Ana')}` } });
      expect(res.status).toBe(200);
    } finally {
      watcher.destroy();
    }
  });

  it('refuses a person with invalid fields, a workspace name that is not text, and a top-level type of the wrong kind', async () => {
    expect(await send(s, updateOf((d) => upsertPerson(d, ANA)))).toBe('open');
    expect(await send(s, updateOf((d) => {
      const bad = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ ...ANA, color: 'red' })) if (k !== 'id') bad.set(k, v);
      peopleMap(d).set('person_red', bad);
    }))).toBe(4422);
    expect(await send(s, updateOf((d) => workspaceMetaMap(d).set('name', 7)))).toBe(4422);
    expect(await send(s, updateOf((d) => d.getArray('plans').insert(0, [1])))).toBe(4422);
    const served = await serverState(s.server.wsUrl, 'ws1/workspace', await s.token('Ana'));
    expect([...peopleMap(served).keys()]).toEqual([ANA.id]);
  });
});

it('a workspace document that already holds a bad entry still takes valid changes', async () => {
  const dataDir = tempDir();
  const store = openLevelDocStore(`${dataDir}/docs`);
  await store.appendUpdate('ws1/workspace', updateOf((d) => planIndexMap(d).set('plan_old', 42 as unknown as Y.Map<unknown>)));
  await store.close();
  const s = await startTestServer({ dataDir });
  try {
    expect(await send(s, updateOf((d) => setPlanIndexEntry(d, PLAN)))).toBe('open');
    const served = await serverState(s.server.wsUrl, 'ws1/workspace', await s.token('Ana'));
    expect(planIndexMap(served).has(PLAN.id)).toBe(true);
  } finally {
    await s.close();
    removeDir(dataDir);
  }
});
