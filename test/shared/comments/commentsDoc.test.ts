import * as Y from 'yjs';
import {
  CommentError, createThread, deleteMessage, deleteThread, editMessage, MAX_MESSAGE_CHARS, readThreads, reply, setResolved, threadsMap,
  type SkippedComment,
} from '../../../shared/comments/commentsDoc';
import { asksMe, countsByAnchor, filterThreads, meIn, requestStatus } from '../../../shared/comments/commentsView';
import { parseMentions } from '../../../shared/comments/mentions';
import { type Person } from '../../../shared/model/people';
import { seededRandom } from '../../main/server/seededRandom';
import { WRONG_VALUES } from '../../support/wrongValues';

const person = (id: string, name: string): Person => ({ id, name, email: '', team: 'sales', role: '', color: '#336699' });
const PEOPLE = [person('p_ana', 'Ana Lima'), person('p_ben', 'Ben Okafor'), person('p_bea', 'Bea Stone'), person('p_cam', 'Cam')];
const GOAL = { kind: 'goal', goalId: 'goal_1', field: 'target' } as const;

describe('mentions', () => {
  it('find people by full name or a first name nobody else has, at word starts, longest first', () => {
    expect(parseMentions('@Ana Lima and @ben okafor, is this right?', PEOPLE)).toEqual(['p_ana', 'p_ben']);
    expect(parseMentions('@Ana: and @Cam.', PEOPLE)).toEqual(['p_ana', 'p_cam']);
    expect(parseMentions('mail ana@example.com, @Anabel, @B', PEOPLE), 'no one').toEqual([]);
    expect(parseMentions('@Cam @Cam @cam', PEOPLE)).toEqual(['p_cam']);
  });
});

describe('a plan\'s comments document', () => {
  it('starts threads, replies, edits and deletes one\'s own messages, resolves and reopens', () => {
    const doc = new Y.Doc();
    const { threadId, messageId } = createThread(doc, { author: 'Bea Stone', anchor: GOAL, text: 'Is this target realistic, @Ana?', at: '2026-12-01T10:00:00Z', people: PEOPLE });
    const answer = reply(doc, threadId, { author: 'Ana Lima', text: 'Yes: pipeline is 3x.', at: '2026-12-01T11:00:00Z' });
    editMessage(doc, threadId, answer, { me: 'Ana Lima', text: 'Yes: pipeline is 3.2x.', at: '2026-12-01T11:05:00Z' });
    expect(() => editMessage(doc, threadId, messageId, { me: 'Ana Lima', text: 'forged' })).toThrow('you can edit only your own messages');
    expect(() => deleteMessage(doc, threadId, messageId, 'Ana Lima')).toThrow('you can delete only your own messages');
    setResolved(doc, threadId, true, 'Bea Stone', '2026-12-01T12:00:00Z');

    const [thread] = readThreads(doc);
    expect(thread).toMatchObject({
      id: threadId, author: 'Bea Stone', anchor: GOAL, resolved: true, resolvedBy: 'Bea Stone',
      messages: [
        { id: messageId, author: 'Bea Stone', text: 'Is this target realistic, @Ana?', mentions: ['p_ana'] },
        { id: answer, author: 'Ana Lima', text: 'Yes: pipeline is 3.2x.', editedAt: '2026-12-01T11:05:00Z', mentions: [] },
      ],
    });
    setResolved(doc, threadId, false, 'Ana Lima');
    deleteMessage(doc, threadId, answer, 'Ana Lima');
    expect(readThreads(doc)[0]).toMatchObject({ resolved: false, resolvedBy: 'Ana Lima', messages: [{ id: messageId }] });

    expect(() => deleteThread(doc, threadId, 'commenter')).toThrow('only editors can delete a comment thread');
    deleteThread(doc, threadId, 'editor');
    expect(readThreads(doc)).toEqual([]);
  });

  it('refuses what the server would refuse, with a clear message, and changes nothing', () => {
    const doc = new Y.Doc();
    expect(() => createThread(doc, { author: 'Ana', anchor: GOAL, text: 'x'.repeat(MAX_MESSAGE_CHARS + 1) })).toThrow('a message is at most 8,000 characters');
    expect(() => createThread(doc, { author: 'Ana', anchor: GOAL, text: '' })).toThrow('a message cannot be empty');
    expect(() => createThread(doc, { author: 'Ana', anchor: { kind: 'goal' } as never, text: 'hi' })).toThrow(/cannot point there/);
    expect(() => reply(doc, 'thread_gone', { author: 'Ana', text: 'hi' })).toThrow('this comment thread is no longer there');
    expect(threadsMap(doc).size).toBe(0);
  });

  it('reads every wrong value defensively: skipped and reported, the good threads kept, an unreadable anchor kept as null', () => {
    for (const { kind, make } of WRONG_VALUES) {
      const doc = new Y.Doc();
      const good = createThread(doc, { author: 'Ana', anchor: GOAL, text: 'good' });
      const odd = createThread(doc, { author: 'Ben', anchor: { kind: 'plan' }, text: 'odd anchor' });
      const skipped: SkippedComment[] = [];
      doc.transact(() => {
        threadsMap(doc).set('thread_bad', make());
        const oddThread = threadsMap(doc).get(odd.threadId) as Y.Map<unknown>;
        oddThread.set('anchor', make());
        oddThread.set('futureField', make());
        (oddThread.get('messages') as Y.Array<unknown>).push([make()]);
      });
      const threads = readThreads(doc, (s) => skipped.push(s));
      expect(threads.map((t) => t.id).sort(), kind).toEqual([good.threadId, odd.threadId].sort());
      const oddRead = threads.find((t) => t.id === odd.threadId)!;
      expect(oddRead.anchor, kind).toBeNull();
      expect(oddRead.messages.map((m) => m.text), kind).toEqual(['odd anchor']);
      expect(skipped.map((s) => s.where), kind).toEqual(expect.arrayContaining(['threads.thread_bad', `threads.${odd.threadId}.anchor`, `threads.${odd.threadId}.messages.1`]));
    }
    const junk = new Y.Doc();
    junk.getArray('threads').insert(0, [1]);
    expect(readThreads(junk, () => {})).toEqual([]);
  });

  it('filters open, mine, mentioning me, resolved and feedback requests for me, and counts per anchor', () => {
    const doc = new Y.Doc();
    const ask = createThread(doc, { author: 'Bea Stone', anchor: GOAL, text: 'Sales: is this lead target realistic?', askedOf: ['p_ana', 'p_ben'], at: '2026-12-01T09:00:00Z' });
    const mention = createThread(doc, { author: 'Ben Okafor', anchor: { kind: 'goal', goalId: 'goal_1' }, text: '@Ana Lima see this', people: PEOPLE, at: '2026-12-01T09:01:00Z' });
    const done = createThread(doc, { author: 'Ana Lima', anchor: { kind: 'plan' }, text: 'Typo in the intro', at: '2026-12-01T09:02:00Z' });
    setResolved(doc, done.threadId, true, 'Ana Lima');
    const ana = meIn(PEOPLE, 'Ana Lima');
    expect(meIn(PEOPLE, ' ana lima').personIds, 'the directory name matches without case').toEqual(['p_ana']);
    const ids = (f: Parameters<typeof filterThreads>[1], me = ana) => filterThreads(readThreads(doc), f, me, PEOPLE).map((t) => t.id);
    expect(ids('open')).toEqual([ask.threadId, mention.threadId]);
    expect(ids('resolved')).toEqual([done.threadId]);
    expect(ids('mine', meIn(PEOPLE, 'Ana Lima'))).toEqual([done.threadId]);
    expect(ids('mentions')).toEqual([mention.threadId]);
    expect(ids('requests')).toEqual([ask.threadId]);

    reply(doc, ask.threadId, { author: 'Ana Lima', text: 'Yes, with the new SDRs.' });
    const thread = readThreads(doc).find((t) => t.id === ask.threadId)!;
    expect(requestStatus(thread, PEOPLE)).toEqual({
      askedBy: 'Bea Stone', question: 'Sales: is this lead target realistic?',
      asked: [{ personId: 'p_ana', name: 'Ana Lima', answered: true }, { personId: 'p_ben', name: 'Ben Okafor', answered: false }],
    });
    expect(ids('requests'), 'answered: no longer asked of Ana').toEqual([]);
    expect(asksMe(thread, meIn(PEOPLE, 'Ben Okafor'), PEOPLE)).toBe(true);
    expect(ids('mine')).toEqual([ask.threadId, done.threadId]);
    expect(Object.fromEntries(countsByAnchor(readThreads(doc)))).toEqual({ 'goal:goal_1': { open: 2, resolved: 0 }, plan: { open: 0, resolved: 1 } });
  });

  it('merges threads and replies written offline by several people, delivered in any order, without losing any', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = seededRandom(seed);
      const origin = new Y.Doc();
      const shared = createThread(origin, { author: 'Ana', anchor: GOAL, text: 'Shared question' });
      const base = Y.encodeStateAsUpdate(origin);
      const writers = ['Ana', 'Ben', 'Cam'].map((name) => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, base);
        const updates: Uint8Array[] = [];
        doc.on('update', (u: Uint8Array) => updates.push(u));
        return { name, doc, updates };
      });
      const expected: string[] = ['Shared question'];
      for (let i = 0; i < 30; i++) {
        const w = writers[Math.floor(random() * writers.length)]!;
        const text = `${w.name} ${i}`;
        expected.push(text);
        if (random() < 0.3) createThread(w.doc, { author: w.name, anchor: { kind: 'plan' }, text });
        else reply(w.doc, shared.threadId, { author: w.name, text });
      }
      const all = writers.flatMap((w) => w.updates);
      const replicas = [0, 1, 2].map(() => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, base);
        for (const u of [...all].sort(() => random() - 0.5)) Y.applyUpdate(doc, u);
        return doc;
      });
      const texts = (doc: Y.Doc) => readThreads(doc, () => { throw new Error('nothing is skipped'); }).flatMap((t) => t.messages.map((m) => m.text)).sort();
      for (const r of replicas) expect(texts(r), `seed ${seed}`).toEqual([...expected].sort());
      const views = replicas.map((r) => JSON.stringify(readThreads(r)));
      expect(views.every((v) => v === views[0]), `seed ${seed}: every replica reads the same threads, messages in the same order`).toBe(true);
    }
  });

  it('says why a change cannot be made as a CommentError', () => {
    expect(() => setResolved(new Y.Doc(), 'thread_x', true, 'Ana')).toThrow(CommentError);
  });
});
