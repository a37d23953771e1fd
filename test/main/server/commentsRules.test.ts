/**
 * The server's rules for a plan's comments (main/server/commentsPolicy.ts), each tried with the stock
 * y-websocket client against a real server: what a rule refuses is refused whole (nothing relayed to
 * the other people in the room, nothing stored), the sender is closed with 4403 and the reason logged.
 */
import * as Y from 'yjs';
import {
  createThread, deleteMessage, deleteThread, editMessage, MAX_MESSAGE_CHARS, readThreads, reply, setResolved, threadsMap,
} from '../../../shared/comments/commentsDoc';
import { connectClient, listPlan, removeDir, serverState, startTestServer, synced, waitFor, type Client, type TestServer } from './helpers';

const ROOM = 'ws1/plan_a/comments';
const closeCode = (c: Client) => new Promise<number>((r) => c.provider.once('connection-close', (e: CloseEvent | null) => r(e?.code ?? 0)));
const texts = (doc: Y.Doc) => readThreads(doc).flatMap((t) => t.messages.map((m) => `${m.author}: ${m.text}`)).sort();
const messagesOf = (doc: Y.Doc, threadId: string) => (threadsMap(doc).get(threadId) as Y.Map<unknown>).get('messages') as Y.Array<Y.Map<unknown>>;

describe('the rules of a plan\'s comments on the server', () => {
  let s: TestServer;
  const clients: Client[] = [];
  const connect = async (name: string, role: 'editor' | 'commenter' | 'viewer', room = ROOM) => {
    const c = connectClient(s.server.wsUrl, room, await s.token(name, role));
    clients.push(c);
    await synced(c);
    return c;
  };
  /** What the server holds, read by an editor. */
  const stored = async () => texts(await serverState(s.server.wsUrl, ROOM, await s.token('Reader')));
  /** Does `change` on the client's copy and expects the server to close it with 4403, logging a reason that matches `why`. */
  const refused = async (c: Client, why: RegExp | string, change: () => void) => {
    const closed = closeCode(c);
    change();
    expect(await closed).toBe(4403);
    const entry = s.logs.filter((e) => e.event === 'update-refused').at(-1);
    expect(entry?.reason).toMatch(why);
  };

  let ana: Client; // editor
  let cam: Client; // commenter
  let thread: { threadId: string; messageId: string };

  beforeEach(async () => {
    s = await startTestServer();
    await listPlan(s.server.wsUrl, 'ws1', 'plan_a', await s.token('Ana'));
    ana = await connect('Ana', 'editor');
    cam = await connect('Cam', 'commenter');
    thread = createThread(ana.doc, { author: 'Ana', anchor: { kind: 'goal', goalId: 'goal_1', field: 'target' }, text: 'Is this target realistic?' });
    await waitFor(() => texts(cam.doc).length === 1, 'Cam to see Ana\'s thread');
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await s.close();
    removeDir(s.dataDir);
  });

  it('lets a commenter start threads, reply, edit and delete their own message, resolve and reopen', async () => {
    const mine = createThread(cam.doc, { author: 'Cam', anchor: { kind: 'plan' }, text: 'Typo in the intro' });
    const answer = reply(cam.doc, thread.threadId, { author: 'Cam', text: 'Sales thinks so.' });
    editMessage(cam.doc, thread.threadId, answer, { me: 'Cam', text: 'Sales thinks so, with the new SDRs.' });
    setResolved(cam.doc, thread.threadId, true, 'Cam');
    setResolved(cam.doc, mine.threadId, true, 'Cam');
    setResolved(cam.doc, mine.threadId, false, 'Cam');
    deleteMessage(cam.doc, mine.threadId, mine.messageId, 'Cam');
    await waitFor(() => readThreads(ana.doc).find((t) => t.id === thread.threadId)?.resolved === true && texts(ana.doc).length === 2, 'Ana to see it all');
    expect(await stored()).toEqual(['Ana: Is this target realistic?', 'Cam: Sales thinks so, with the new SDRs.']);
    expect(readThreads(ana.doc).map((t) => [t.id, t.resolved, t.resolvedBy])).toEqual(expect.arrayContaining([[thread.threadId, true, 'Cam'], [mine.threadId, false, 'Cam']]));
    expect(s.logs.filter((e) => e.event === 'update-refused')).toEqual([]);
  });

  it('refuses a thread or a reply whose author is not the name in the token', async () => {
    await refused(cam, 'a thread\'s author is the name in your invite ("Cam"), not "Ana"', () => createThread(cam.doc, { author: 'Ana', anchor: { kind: 'plan' }, text: 'forged' }));
    const bea = await connect('Bea', 'commenter');
    await refused(bea, 'a message\'s author is the name in your invite ("Bea"), not "Ana"', () => reply(bea.doc, thread.threadId, { author: 'Ana', text: 'forged reply' }));
    expect(await stored()).toEqual(['Ana: Is this target realistic?']);
    expect(texts(ana.doc), 'nothing was relayed to Ana').toEqual(['Ana: Is this target realistic?']);
  });

  it('refuses edits and deletions of another person\'s message, and changes to a message\'s author', async () => {
    const [message] = messagesOf(cam.doc, thread.threadId).toArray();
    await refused(cam, 'only Ana can edit their message', () => message!.set('text', 'Cam rewrote Ana'));
    const bea = await connect('Bea', 'commenter');
    await refused(bea, 'only Ana can delete their message', () => messagesOf(bea.doc, thread.threadId).delete(0, 1));
    const ben = await connect('Ben', 'editor');
    const own = reply(ben.doc, thread.threadId, { author: 'Ben', text: 'mine' });
    await waitFor(() => texts(ana.doc).length === 2, 'Ben\'s reply');
    await refused(ben, 'a message\'s author cannot change', () => messagesOf(ben.doc, thread.threadId).toArray().find((m) => m.get('id') === own)!.set('author', 'Ana'));
    expect(await stored()).toEqual(['Ana: Is this target realistic?', 'Ben: mine']);
  });

  it('refuses a valid update bundled with a forbidden one, whole: neither part is relayed or stored', async () => {
    const watcher = await connect('Wes', 'commenter');
    await refused(cam, /only Ana can edit their message/, () => cam.doc.transact(() => {
      createThread(cam.doc, { author: 'Cam', anchor: { kind: 'plan' }, text: 'a perfectly valid comment' });
      reply(cam.doc, thread.threadId, { author: 'Cam', text: 'a valid reply' });
      messagesOf(cam.doc, thread.threadId).get(0).set('text', 'and a forged edit');
    }));
    expect(await stored()).toEqual(['Ana: Is this target realistic?']);
    expect(texts(watcher.doc)).toEqual(['Ana: Is this target realistic?']);
    expect(texts(cam.doc), 'the sender still has what it wrote, on its own copy').toHaveLength(3);
  });

  it('lets only editors delete a thread', async () => {
    await refused(cam, 'only editors can delete a comment thread', () => threadsMap(cam.doc).delete(thread.threadId));
    expect(() => deleteThread(ana.doc, thread.threadId, 'commenter')).toThrow('only editors');
    const watcher = await connect('Wes', 'commenter');
    deleteThread(ana.doc, thread.threadId, 'editor');
    await waitFor(() => texts(watcher.doc).length === 0, 'the deletion to reach Wes');
    expect(await stored()).toEqual([]);
  });

  it('refuses a message over the size limit, saying so (the model says the same before anything is sent)', async () => {
    expect(() => reply(cam.doc, thread.threadId, { author: 'Cam', text: 'x'.repeat(MAX_MESSAGE_CHARS + 1) })).toThrow('a message is at most 8,000 characters');
    await refused(cam, `a message is at most 8,000 characters (this one has ${(MAX_MESSAGE_CHARS + 1).toLocaleString('en-US')})`, () => cam.doc.transact(() => {
      const m = new Y.Map<unknown>();
      messagesOf(cam.doc, thread.threadId).push([m]);
      for (const [k, v] of Object.entries({ id: 'msg_big', author: 'Cam', text: 'x'.repeat(MAX_MESSAGE_CHARS + 1), at: new Date().toISOString(), mentions: [] })) m.set(k, v);
    }));
    expect(await stored()).toEqual(['Ana: Is this target realistic?']);
  });

  it('refuses resolving as someone else, changing a thread\'s anchor, and writing outside the threads', async () => {
    const map = () => threadsMap(cam.doc).get(thread.threadId) as Y.Map<unknown>;
    await refused(cam, 'resolve or reopen a thread as yourself ("Cam")', () => cam.doc.transact(() => {
      map().set('resolved', true);
      map().set('resolvedBy', 'Ana');
    }));
    const bea = await connect('Bea', 'commenter');
    await refused(bea, 'a thread\'s anchor cannot change', () => (threadsMap(bea.doc).get(thread.threadId) as Y.Map<unknown>).set('anchor', { kind: 'plan' }));
    const ben = await connect('Ben', 'editor');
    await refused(ben, 'a comments document holds only "threads" (this update writes "content")', () => ben.doc.getText('content').insert(0, 'plan text in the comments room'));
    const bo = await connect('Bo', 'commenter');
    await refused(bo, 'a thread is a map', () => threadsMap(bo.doc).set('thread_junk', 'not a thread'));
  });

  it('drops a viewer\'s comments; a commenter comments but cannot change the plan', async () => {
    const vic = await connect('Vic', 'viewer');
    createThread(vic.doc, { author: 'Vic', anchor: { kind: 'plan' }, text: 'a viewer tries' });
    await waitFor(() => s.logs.some((e) => e.event === 'update-dropped' && e.user === 'Vic' && e.room === ROOM), 'the viewer\'s update to be dropped');
    const camOnPlan = await connect('Cam', 'commenter', 'ws1/plan_a');
    camOnPlan.doc.getText('content').insert(0, 'commenter typing into the plan');
    await waitFor(() => s.logs.some((e) => e.event === 'update-dropped' && e.user === 'Cam' && e.room === 'ws1/plan_a'), 'the commenter\'s plan change to be dropped');
    reply(cam.doc, thread.threadId, { author: 'Cam', text: 'but this comment is fine' });
    await waitFor(() => texts(ana.doc).length === 2, 'Cam\'s reply');
    expect(await stored()).toEqual(['Ana: Is this target realistic?', 'Cam: but this comment is fine']);
    expect((await serverState(s.server.wsUrl, 'ws1/plan_a', await s.token('Ana'))).getText('content').toString()).toBe('');
  });

  it('merges comments two people wrote offline once they reconnect', async () => {
    const bea = await connect('Bea', 'commenter');
    cam.provider.disconnect();
    bea.provider.disconnect();
    reply(cam.doc, thread.threadId, { author: 'Cam', text: 'written on a plane' });
    createThread(cam.doc, { author: 'Cam', anchor: { kind: 'plan' }, text: 'another thought from the plane' });
    reply(bea.doc, thread.threadId, { author: 'Bea', text: 'written on a train' });
    setResolved(bea.doc, thread.threadId, true, 'Bea');
    reply(ana.doc, thread.threadId, { author: 'Ana', text: 'meanwhile, online' });
    cam.provider.connect();
    bea.provider.connect();
    const all = ['Ana: Is this target realistic?', 'Ana: meanwhile, online', 'Bea: written on a train', 'Cam: another thought from the plane', 'Cam: written on a plane'];
    await waitFor(() => [ana, cam, bea].every((c) => JSON.stringify(texts(c.doc)) === JSON.stringify(all)), 'everyone to hold every comment');
    expect(await stored()).toEqual(all);
    expect(readThreads(ana.doc).find((t) => t.id === thread.threadId)).toMatchObject({ resolved: true, resolvedBy: 'Bea' });
    expect(s.logs.filter((e) => e.event === 'update-refused')).toEqual([]);
  });
});
