/**
 * Documents beside a plan (`<workspaceId>/<planId>/<kind>`) on a real server with stock y-websocket
 * clients: they exist only while their plan is listed, are stored under their room's name, are written
 * only by the roles their kind allows, go through their kind's write policy (refused whole, sender
 * closed with 4403), and are deleted with their plan.
 */
import * as Y from 'yjs';
import { createThread, readThreads } from '../../../shared/comments/commentsDoc';
import { openLevelDocStore } from '../../../main/server/levelDocStore';
import { type WriteAttempt, type WritePolicy } from '../../../main/server/writePolicy';
import { connectClient, listPlan, removeDir, serverState, startTestServer, synced, waitFor, type Client, type TestServer } from './helpers';

/** Resolves with the code the server closed the client's connection with. */
const closeCode = (c: Client) => new Promise<number>((r) => c.provider.once('connection-close', (e: CloseEvent | null) => r(e?.code ?? 0)));

describe('documents beside a plan on the sync server', () => {
  let s: TestServer;
  const clients: Client[] = [];
  const connect = async (room: string, name: string, role: 'editor' | 'commenter' | 'viewer' = 'editor') => {
    const c = connectClient(s.server.wsUrl, room, await s.token(name, role));
    clients.push(c);
    return c;
  };
  /** Everything the policy below was asked, and what it refuses: a change to the key `forbidden`. */
  const asked: { writer: string; role: string; keys: string[] }[] = [];
  const editionsPolicy: WritePolicy = {
    roots: { m: Y.Map },
    check: ({ writer, after, changed }: WriteAttempt) => {
      const keys = [...(changed.get(after.getMap('m')) ?? [])].map(String);
      if (keys.length) asked.push({ writer: writer.name, role: writer.role, keys });
      return keys.includes('forbidden') ? 'the key "forbidden" is not to be written' : null;
    },
  };

  beforeEach(async () => {
    asked.length = 0;
    s = await startTestServer({ policies: { editions: editionsPolicy } });
    await listPlan(s.server.wsUrl, 'ws1', 'plan_a', await s.token('Ana'));
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await s.close();
    removeDir(s.dataDir);
  });

  it('syncs the comments of a listed plan between people and stores them under the room name', async () => {
    const ana = await connect('ws1/plan_a/comments', 'Ana');
    const cam = await connect('ws1/plan_a/comments', 'Cam', 'commenter');
    await Promise.all([synced(ana), synced(cam)]);
    createThread(ana.doc, { author: 'Ana', anchor: { kind: 'plan' }, text: 'from Ana' });
    createThread(cam.doc, { author: 'Cam', anchor: { kind: 'plan' }, text: 'from Cam' });
    await waitFor(() => ana.doc.getMap('threads').size === 2 && cam.doc.getMap('threads').size === 2, 'both to see both');
    // The plan itself is untouched: its room is another document.
    expect((await serverState(s.server.wsUrl, 'ws1/plan_a', await s.token('Ana'))).getMap('threads').size).toBe(0);
    for (const c of clients.splice(0)) c.destroy();
    await s.close();

    const store = openLevelDocStore(`${s.dataDir}/docs`);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await store.load('ws1/plan_a/comments'))!);
    await store.close();
    const texts = (doc: Y.Doc) => readThreads(doc).map((t) => t.messages[0]!.text).sort();
    expect(texts(stored)).toEqual(['from Ana', 'from Cam']);
    s = await startTestServer({ dataDir: s.dataDir });
    expect(texts(await serverState(s.server.wsUrl, 'ws1/plan_a/comments', await s.token('Vic', 'viewer')))).toEqual(['from Ana', 'from Cam']);
  });

  it('refuses, with 4404, the side documents of a plan the index does not list, and kinds it does not know', async () => {
    for (const [room, role] of [['ws1/plan_x/comments', 'editor'], ['ws1/plan_x/comments', 'commenter'], ['ws1/plan_x/editions', 'editor'], ['ws1/plan_a/notes', 'editor'], ['ws1/workspace/comments', 'editor'], ['ws1/plan_a/comments/x', 'editor']] as const) {
      const c = await connect(room, 'Ana', role);
      expect(await closeCode(c), room).toBe(4404);
      c.destroy();
    }
    expect(s.logs.some((e) => e.event === 'connection-closed' && e.code === 4404 && String(e.detail).includes('does not list'))).toBe(true);
  });

  it('takes comments from commenters but not their changes to the plan, and nothing from viewers', async () => {
    const ana = await connect('ws1/plan_a/comments', 'Ana');
    const cam = await connect('ws1/plan_a/comments', 'Cam', 'commenter');
    const vic = await connect('ws1/plan_a/comments', 'Vic', 'viewer');
    const camOnPlan = await connect('ws1/plan_a', 'Cam', 'commenter');
    await Promise.all([ana, cam, vic, camOnPlan].map(synced));
    createThread(vic.doc, { author: 'Vic', anchor: { kind: 'plan' }, text: 'viewer wrote' });
    camOnPlan.doc.getText('t').insert(0, 'commenter typed into the plan');
    const { threadId } = createThread(cam.doc, { author: 'Cam', anchor: { kind: 'plan' }, text: 'commenter wrote' });
    await waitFor(() => ana.doc.getMap('threads').has(threadId), 'the comment to reach Ana');
    const token = await s.token('Ana');
    const comments = await serverState(s.server.wsUrl, 'ws1/plan_a/comments', token);
    expect(readThreads(comments).map((t) => t.messages[0]!.text)).toEqual(['commenter wrote']);
    expect((await serverState(s.server.wsUrl, 'ws1/plan_a', token)).getText('t').toString()).toBe('');
    expect(s.logs.filter((e) => e.event === 'update-dropped').map((e) => [e.room, e.user])).toEqual(expect.arrayContaining([['ws1/plan_a/comments', 'Vic'], ['ws1/plan_a', 'Cam']]));
    // Editions are written by editors only.
    const camEditions = await connect('ws1/plan_a/editions', 'Cam', 'commenter');
    await synced(camEditions);
    camEditions.doc.getMap('m').set('x', 1);
    await waitFor(() => s.logs.some((e) => e.event === 'update-dropped' && e.room === 'ws1/plan_a/editions'), 'the commenter\'s edition change to be dropped');
  });

  it('refuses an update its kind\'s policy refuses, whole: nothing relayed or stored, the sender closed with 4403 and the reason logged', async () => {
    const ana = await connect('ws1/plan_a/editions', 'Ana');
    const ben = await connect('ws1/plan_a/editions', 'Ben');
    await Promise.all([synced(ana), synced(ben)]);
    ana.doc.getMap('m').set('fine', 1);
    await waitFor(() => ben.doc.getMap('m').get('fine') === 1, 'the allowed change to reach Ben');
    expect(asked).toEqual([{ writer: 'Ana', role: 'editor', keys: ['fine'] }]);

    const closed = closeCode(ana);
    ana.doc.transact(() => {
      ana.doc.getMap('m').set('alsoFine', 2);
      ana.doc.getMap('m').set('forbidden', 3);
    });
    expect(await closed).toBe(4403);
    ben.doc.getMap('m').set('after', 4);
    const stored = await serverState(s.server.wsUrl, 'ws1/plan_a/editions', await s.token('Ana'));
    expect(stored.getMap('m').toJSON()).toEqual({ fine: 1, after: 4 });
    expect(ben.doc.getMap('m').has('alsoFine')).toBe(false);
    expect(s.logs).toContainEqual(expect.objectContaining({ event: 'update-refused', room: 'ws1/plan_a/editions', user: 'Ana', reason: 'the key "forbidden" is not to be written' }));
  });

  it('deletes the documents beside a plan with the plan: their clients are closed with 4410 and the rooms are gone', async () => {
    const ana = await connect('ws1/plan_a/comments', 'Ana');
    await synced(ana);
    createThread(ana.doc, { author: 'Ana', anchor: { kind: 'plan' }, text: 'kept until the plan goes' });
    await waitFor(() => s.logs.length > 0 && ana.provider.synced, 'sync');
    await serverState(s.server.wsUrl, 'ws1/plan_a/comments', await s.token('Ana'));

    const api = async (method: string, path: string) => {
      const res = await fetch(`${s.server.url}/api/workspaces/ws1/plans${path}`, { method, headers: { authorization: `Bearer ${await s.token('Ana')}` } });
      return { status: res.status, json: res.status === 204 ? null : ((await res.json()) as { id: string }) };
    };
    // A duplicate does not copy the comments.
    const copy = (await api('POST', '/plan_a/duplicate')).json!;
    expect((await serverState(s.server.wsUrl, `ws1/${copy.id}/comments`, await s.token('Ana'))).getMap('threads').size).toBe(0);

    const closed = closeCode(ana);
    expect((await api('DELETE', '/plan_a')).status).toBe(204);
    expect(await closed).toBe(4410);
    const again = await connect('ws1/plan_a/comments', 'Ana');
    expect(await closeCode(again)).toBe(4404);
    await s.close();
    const store = openLevelDocStore(`${s.dataDir}/docs`);
    expect(await store.load('ws1/plan_a/comments')).toBeNull();
    await store.close();
    s = await startTestServer({ dataDir: s.dataDir });
  });
});
