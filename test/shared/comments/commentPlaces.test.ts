/** Where threads point in words, field counts, the Comments view's groups, and the @mention picker's text helpers. */
import * as Y from 'yjs';
import { planPlaces, placeOf, shortQuote } from '../../../shared/comments/commentPlaces';
import { createThread, readThreads, reply, setResolved } from '../../../shared/comments/commentsDoc';
import { cardAnchor, cardKey } from '../../../shared/comments/anchors';
import { countsByField, lastActivity, meIn, requestsForMe, threadGroups, whenWritten } from '../../../shared/comments/commentsView';
import { completeMention, mentionQueryAt, mentionRuns } from '../../../shared/comments/mentions';
import { newAction, newGoal, newStageMatrix, paragraph } from '../../../shared/model/blocks';
import { type Person } from '../../../shared/model/people';

const person = (id: string, name: string): Person => ({ id, name, email: '', team: 'sales', role: '', color: '#336699' });
const PEOPLE = [person('p_ana', 'Ana Lima'), person('p_ben', 'Ben Okafor'), person('p_cam', 'Cam')];

describe('where a thread points, in words', () => {
  const matrix = newStageMatrix();
  const content = [paragraph('Intro'), newGoal({ id: 'g1', title: 'Grow ARR' }), newGoal({ id: 'g2', title: '  ' }), newAction({ id: 'a1', title: 'Trade show' }), matrix];
  const places = planPlaces(content);

  it('names cards by title and field, and says when the card is gone', () => {
    expect(placeOf({ kind: 'goal', goalId: 'g1', field: 'target' }, places)).toEqual({ label: 'Goal “Grow ARR” · target', quote: null, blockId: 'g1', missing: false });
    expect(placeOf({ kind: 'goal', goalId: 'g2' }, places).label).toBe('Goal “Untitled goal”');
    expect(placeOf({ kind: 'action', actionId: 'a1', field: 'expectedResult' }, places).label).toBe('Action “Trade show” · expected result');
    expect(placeOf({ kind: 'stage', matrixId: matrix.id, stage: 'qualification', field: 'exitCriteria' }, places))
      .toEqual({ label: 'Stage “Qualification” · exit criteria', quote: null, blockId: matrix.id, missing: false });
    expect(placeOf({ kind: 'goal', goalId: 'gone' }, places)).toMatchObject({ label: 'Goal (deleted)', missing: true });
    expect(placeOf({ kind: 'stage', matrixId: 'gone', stage: 'approach' }, places)).toMatchObject({ label: 'Stage “Approach” (deleted)', missing: true });
  });

  it('quotes text on one line, shortened; the plan and unreadable anchors have words too', () => {
    const start = { type: null, tname: 'content', item: null };
    expect(placeOf({ kind: 'text', start, last: start, quote: 'lead\ntarget  realistic' }, places)).toMatchObject({ label: '“lead target realistic”', quote: 'lead\ntarget  realistic', blockId: null });
    expect(placeOf({ kind: 'section', start, last: start, quote: 'Market' }, places).label).toBe('Section “Market”');
    expect(shortQuote('x'.repeat(200))).toHaveLength(80);
    expect(placeOf({ kind: 'plan' }, places).label).toBe('The whole plan');
    expect(placeOf(null, places).missing).toBe(true);
  });
});

describe('the Comments view', () => {
  const doc = new Y.Doc();
  const goal = createThread(doc, { author: 'Cam', anchor: { kind: 'goal', goalId: 'g1', field: 'target' }, text: 'Realistic, @Ana Lima?', at: '2026-12-01T10:00:00Z', people: PEOPLE });
  const asked = createThread(doc, { author: 'Cam', anchor: { kind: 'plan' }, text: 'Sign-off by Friday?', at: '2026-12-01T09:00:00Z', askedOf: ['p_ana', 'p_ben'] });
  const done = createThread(doc, { author: 'Ben Okafor', anchor: { kind: 'goal', goalId: 'g1' }, text: 'Owner?', at: '2026-12-01T08:00:00Z' });
  setResolved(doc, done.threadId, true, 'Ana Lima', '2026-12-02T08:00:00Z');
  reply(doc, goal.threadId, { author: 'Ana Lima', text: 'Yes', at: '2026-12-01T12:00:00Z' });
  const threads = readThreads(doc);
  const ana = meIn(PEOPLE, 'Ana Lima');

  it('counts threads per field of a card, open and resolved', () => {
    expect(Object.fromEntries(countsByField(threads))).toEqual({ 'goal:g1#target': { open: 1, resolved: 0 } });
  });

  it('orders each plan\'s threads by their last activity (a reply, a resolution) and plans by title', () => {
    expect(lastActivity(threads.find((t) => t.id === done.threadId)!)).toBe('2026-12-02T08:00:00Z');
    const places = planPlaces([newGoal({ id: 'g1', title: 'Grow ARR' })]);
    const plans = [
      { planId: 'p2', planTitle: 'Team plan', threads: [], placeOf: (t: (typeof threads)[number]) => placeOf(t.anchor, places) },
      { planId: 'p1', planTitle: 'FY27', threads, placeOf: (t: (typeof threads)[number]) => placeOf(t.anchor, places) },
    ];
    const all = threadGroups(plans, 'open', ana, PEOPLE);
    expect(all.map((g) => g.planTitle)).toEqual(['FY27']);
    expect(all[0]!.rows.map((r) => [r.thread.id, r.place.label])).toEqual([[goal.threadId, 'Goal “Grow ARR” · target'], [asked.threadId, 'The whole plan']]);
    expect(threadGroups(plans, 'resolved', ana, PEOPLE)[0]!.rows.map((r) => r.thread.id)).toEqual([done.threadId]);
  });

  it('counts the requests waiting for my answer across plans', () => {
    expect(requestsForMe([{ threads }], ana, PEOPLE)).toBe(1);
    expect(requestsForMe([{ threads }], meIn(PEOPLE, 'Cam'), PEOPLE)).toBe(0);
    reply(doc, asked.threadId, { author: 'Ana Lima', text: 'Friday works' });
    expect(requestsForMe([{ threads: readThreads(doc) }], ana, PEOPLE), 'answered').toBe(0);
    expect(requestsForMe([{ threads: readThreads(doc) }], meIn(PEOPLE, 'Ben Okafor'), PEOPLE), 'Ben has not answered').toBe(1);
  });
});

describe('the @mention picker', () => {
  it('finds the name being typed before the caret, and completes it with the full name', () => {
    expect(mentionQueryAt('Is this right @An', 17)).toEqual({ start: 14, query: 'An' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('mail ana@exa', 12), 'inside a word').toBeNull();
    expect(mentionQueryAt('@Ana is', 7), 'after a space').toBeNull();
    expect(completeMention('Is this right @An?', 17, 'Ana Lima')).toEqual({ text: 'Is this right @Ana Lima ?', caret: 24 });
    expect(completeMention('@B later', 2, 'Ben Okafor')).toEqual({ text: '@Ben Okafor later', caret: 12 });
  });

  it('marks the mentions of a message for showing them', () => {
    expect(mentionRuns('@Ana Lima and @Cam: ok? mail a@b.c', PEOPLE)).toEqual([
      { text: '@Ana Lima', personId: 'p_ana' }, { text: ' and ', personId: null }, { text: '@Cam', personId: 'p_cam' }, { text: ': ok? mail a@b.c', personId: null },
    ]);
    expect(mentionRuns('@Ana, hi', PEOPLE)[0]).toEqual({ text: '@Ana', personId: 'p_ana' });
    expect(mentionRuns('no one', PEOPLE)).toEqual([{ text: 'no one', personId: null }]);
  });
});

describe('card keys and times', () => {
  it('reads a card key back into its anchor, on a field when given; a key that is no card\'s is null', () => {
    for (const anchor of [{ kind: 'goal', goalId: 'g1' }, { kind: 'action', actionId: 'a_1' }, { kind: 'stage', matrixId: 'm_1', stage: 'qualification' }] as const) {
      expect(cardAnchor(cardKey(anchor)!)).toEqual(anchor);
    }
    expect(cardAnchor('goal:g1', 'target')).toEqual({ kind: 'goal', goalId: 'g1', field: 'target' });
    expect(cardAnchor('goal:g1', 'colour'), 'not a goal field').toBeNull();
    expect(cardAnchor('stage:m_1/nowhere')).toBeNull();
    expect(cardAnchor('plan')).toBeNull();
  });

  it('says when a message was written the way people do', () => {
    const now = new Date('2026-12-02T15:00:00');
    expect(whenWritten('2026-12-02T14:59:40', now)).toBe('just now');
    expect(whenWritten('2026-12-02T14:35:00', now)).toBe('25 min ago');
    expect(whenWritten('2026-12-02T09:00:00', now)).toBe('6 h ago');
    expect(whenWritten('2026-12-01T09:00:00', now)).toBe('yesterday');
    expect(whenWritten('2026-11-03T09:00:00', now)).toBe('Nov 3');
    expect(whenWritten('2025-11-03T09:00:00', now)).toBe('Nov 3, 2025');
    expect(whenWritten('not a date', now)).toBe('');
  });
});
