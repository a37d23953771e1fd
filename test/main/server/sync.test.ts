import * as Y from 'yjs';
import { createPlanDoc, readPlanContent, planContent } from '../../../shared/model/planDoc';
import { heading, newGoal, newStageMatrix, paragraph } from '../../../shared/model/blocks';
import { connectClient, removeDir, serverState, startTestServer, synced, waitFor, type Client } from './helpers';

const ROOM = 'ws1/plan_main';
const equalState = (docs: Y.Doc[]) => docs.every((d) => Buffer.from(Y.encodeStateVector(d)).equals(Buffer.from(Y.encodeStateVector(docs[0]!))));

describe('sync server with the stock y-websocket client', () => {
  let clients: Client[] = [];
  afterEach(() => {
    for (const c of clients) c.destroy();
    clients = [];
  });

  it('syncs text and structured plan blocks between three clients, with awareness', async () => {
    const s = await startTestServer();
    try {
      const token = await s.token('Ana');
      const [a, b, c] = [0, 1, 2].map(() => connectClient(s.server.wsUrl, ROOM, token));
      clients = [a!, b!, c!];
      await Promise.all(clients.map(synced));

      const goal = newGoal({ title: 'Grow pipeline', metricName: 'Qualified pipeline', target: 4_000_000 });
      createPlanDoc({ id: 'plan_main', title: 'FY plan', templateId: 'blank', period: 'FY27', content: [heading(1, 'Goals'), goal, newStageMatrix(), paragraph('Notes')] }, a!.doc);
      b!.doc.getText('notes').insert(0, 'from b');
      await waitFor(() => equalState(clients.map((x) => x.doc)), 'three clients to converge');
      for (const x of clients) {
        const content = readPlanContent(x.doc);
        expect(content.find((n) => 'type' in n && n.type === 'goal')).toMatchObject({ id: goal.id, title: 'Grow pipeline', target: 4_000_000 });
        expect(content.find((n) => 'type' in n && n.type === 'stage-matrix')?.children).toHaveLength(7);
        expect(x.doc.getText('notes').toString()).toBe('from b');
      }

      // A structured field edited on one client reaches the others as that field.
      const goalIndex = readPlanContent(c!.doc).findIndex((n) => 'type' in n && n.type === 'goal');
      const goalNode = planContent(c!.doc).toDelta()[goalIndex].insert as Y.XmlText;
      goalNode.setAttribute('status', 'at-risk');
      await waitFor(() => clients.every((x) => (readPlanContent(x.doc)[goalIndex] as { status?: string }).status === 'at-risk'), 'the status to reach everyone');

      a!.provider.awareness.setLocalStateField('user', { name: 'Ana', color: '#3366cc' });
      await waitFor(() => [b!, c!].every((x) => x.provider.awareness.getStates().get(a!.doc.clientID)?.user?.name === 'Ana'), 'awareness to reach the others');
      a!.destroy();
      await waitFor(() => [b!, c!].every((x) => !x.provider.awareness.getStates().has(a!.doc.clientID)), 'the departed client to leave awareness');
    } finally {
      await s.close();
      removeDir(s.dataDir);
    }
  });

  it('keeps every document across a restart on the same data folder', async () => {
    const first = await startTestServer();
    const token = await first.token('Ana');
    const a = connectClient(first.server.wsUrl, ROOM, token);
    const w = connectClient(first.server.wsUrl, 'ws1/workspace', token);
    clients = [a, w];
    await Promise.all(clients.map(synced));
    createPlanDoc({ id: 'plan_main', title: 'Kept', templateId: 'blank', period: '', content: [paragraph('survives restarts')] }, a.doc);
    w.doc.getMap('meta').set('name', 'Acme');
    // Once another client has the edits, the server has them; a graceful stop must store them.
    const seen = await serverState(first.server.wsUrl, ROOM, token);
    expect(readPlanContent(seen)).toEqual(readPlanContent(a.doc));
    await waitFor(() => w.provider.synced, 'the workspace doc');
    const ws = connectClient(first.server.wsUrl, 'ws1/workspace', token);
    clients.push(ws);
    await waitFor(() => ws.doc.getMap('meta').get('name') === 'Acme', 'the workspace name to reach the server');
    await first.close();

    const second = await startTestServer({ dataDir: first.dataDir });
    try {
      const plan = await serverState(second.server.wsUrl, ROOM, token);
      expect(readPlanContent(plan)).toEqual(readPlanContent(a.doc));
      expect((await serverState(second.server.wsUrl, 'ws1/workspace', token)).getMap('meta').get('name')).toBe('Acme');
    } finally {
      await second.close();
      removeDir(first.dataDir);
    }
  });

  it('converges edits made offline on both sides once the offline client reconnects', async () => {
    const s = await startTestServer();
    try {
      const token = await s.token('Ana');
      const online = connectClient(s.server.wsUrl, ROOM, token);
      const laptop = connectClient(s.server.wsUrl, ROOM, token);
      clients = [online, laptop];
      await Promise.all(clients.map(synced));
      online.doc.getText('t').insert(0, 'shared ');
      await waitFor(() => laptop.doc.getText('t').toString() === 'shared ', 'the first edit');

      laptop.provider.disconnect();
      for (let i = 0; i < 50; i++) laptop.doc.getText('t').insert(laptop.doc.getText('t').length, `L${i} `);
      laptop.doc.getMap('fields').set('owner', 'person_laptop');
      for (let i = 0; i < 50; i++) online.doc.getText('t').insert(0, `O${i} `);
      online.doc.getMap('fields').set('target', 42);

      laptop.provider.connect();
      await waitFor(() => equalState([online.doc, laptop.doc]), 'offline and online edits to converge');
      const text = online.doc.getText('t').toString();
      for (let i = 0; i < 50; i++) {
        expect(text).toContain(`L${i} `);
        expect(text).toContain(`O${i} `);
      }
      expect(laptop.doc.getText('t').toString()).toBe(text);
      expect(online.doc.getMap('fields').toJSON()).toEqual({ owner: 'person_laptop', target: 42 });
    } finally {
      await s.close();
      removeDir(s.dataDir);
    }
  });
});
