/**
 * What the comments views show, derived from the threads of a plan (pure): the filters (open, mine,
 * mentioning me, resolved, feedback requests for me), who a feedback request asked and who answered,
 * and the counts per anchor for the cards and the margin.
 */
import { type Person } from '../model/people';
import { cardKey, fieldKey } from './anchors';
import { type Thread } from './commentsDoc';
import { type Place } from './commentPlaces';

/** The person looking: their name (as in their token) and the directory ids that are theirs. */
export type Me = { name: string; personIds: readonly string[] };

/** `me` from the people directory: the people whose name is the user's (names compared without case). */
export function meIn(people: readonly Person[], name: string): Me {
  const key = name.trim().toLowerCase();
  return { name, personIds: people.filter((p) => p.name.trim().toLowerCase() === key).map((p) => p.id) };
}

export const COMMENT_FILTERS = ['open', 'mine', 'mentions', 'resolved', 'requests'] as const;
export type CommentFilter = (typeof COMMENT_FILTERS)[number];

export type RequestStatus = {
  /** Who asked (the thread's author) and the question (its first message). */
  askedBy: string;
  question: string;
  asked: { personId: string; name: string | null; answered: boolean }[];
};

/** A feedback request's state: someone asked has answered once a reply of theirs is in the thread. Null for a plain thread. */
export function requestStatus(thread: Thread, people: readonly Person[]): RequestStatus | null {
  if (!thread.request) return null;
  const repliers = new Set(thread.messages.slice(1).map((m) => m.author.trim().toLowerCase()));
  return {
    askedBy: thread.author,
    question: thread.messages[0]?.text ?? '',
    asked: thread.request.askedOf.map((personId) => {
      const name = people.find((p) => p.id === personId)?.name ?? null;
      return { personId, name, answered: name !== null && repliers.has(name.trim().toLowerCase()) };
    }),
  };
}

const wrote = (thread: Thread, me: Me) => thread.author === me.name || thread.messages.some((m) => m.author === me.name);
const mentions = (thread: Thread, me: Me) => thread.messages.some((m) => m.mentions.some((id) => me.personIds.includes(id)));

/** An open request that asks `me` and that `me` has not answered yet. */
export function asksMe(thread: Thread, me: Me, people: readonly Person[]): boolean {
  if (thread.resolved) return false;
  return requestStatus(thread, people)?.asked.some((a) => me.personIds.includes(a.personId) && !a.answered) ?? false;
}

export function filterThreads(threads: readonly Thread[], filter: CommentFilter, me: Me, people: readonly Person[]): Thread[] {
  switch (filter) {
    case 'open': return threads.filter((t) => !t.resolved);
    case 'resolved': return threads.filter((t) => t.resolved);
    case 'mine': return threads.filter((t) => wrote(t, me));
    case 'mentions': return threads.filter((t) => mentions(t, me));
    case 'requests': return threads.filter((t) => asksMe(t, me, people));
  }
}

export type AnchorCount = { open: number; resolved: number };

/**
 * Threads per card (`goal:<id>`, `action:<id>`, `stage:<matrixId>/<stage>`: a comment on one field of a
 * card counts on the card), and `plan`, `text`, `section` for the others (`unreadable`: an anchor this
 * version cannot read). Text threads are counted per block by resolving their anchors (anchors.ts).
 */
export function countsByAnchor(threads: readonly Thread[]): Map<string, AnchorCount> {
  const counts = new Map<string, AnchorCount>();
  for (const t of threads) {
    const key = t.anchor ? (cardKey(t.anchor) ?? t.anchor.kind) : 'unreadable';
    const c = counts.get(key) ?? { open: 0, resolved: 0 };
    if (t.resolved) c.resolved++;
    else c.open++;
    counts.set(key, c);
  }
  return counts;
}

/** Threads per field of a card (`goal:<id>#target`), for the badge beside the field. */
export function countsByField(threads: readonly Thread[]): Map<string, AnchorCount> {
  const counts = new Map<string, AnchorCount>();
  for (const t of threads) {
    const key = t.anchor ? fieldKey(t.anchor) : null;
    if (!key) continue;
    const c = counts.get(key) ?? { open: 0, resolved: 0 };
    if (t.resolved) c.resolved++;
    else c.open++;
    counts.set(key, c);
  }
  return counts;
}

/** When a thread last changed: its latest message, edit, or resolution. */
export function lastActivity(thread: Thread): string {
  let at = thread.resolvedAt && thread.resolvedAt > thread.at ? thread.resolvedAt : thread.at;
  for (const m of thread.messages) {
    const t = m.editedAt && m.editedAt > m.at ? m.editedAt : m.at;
    if (t > at) at = t;
  }
  return at;
}

/** One plan's threads as the Comments view reads them. */
export type PlanThreads = { planId: string; planTitle: string; threads: readonly Thread[]; placeOf: (t: Thread) => Place };
export type ThreadRow = { planId: string; planTitle: string; thread: Thread; place: Place; lastAt: string };
export type PlanThreadGroup = { planId: string; planTitle: string; rows: ThreadRow[] };

/**
 * The Comments view's rows: the threads of each plan that pass `filter`, the most recently active
 * first, grouped by plan (plans by title); plans with none left out.
 */
export function threadGroups(plans: readonly PlanThreads[], filter: CommentFilter, me: Me, people: readonly Person[]): PlanThreadGroup[] {
  return plans
    .map((p) => ({
      planId: p.planId,
      planTitle: p.planTitle,
      rows: filterThreads(p.threads, filter, me, people)
        .map((thread) => ({ planId: p.planId, planTitle: p.planTitle, thread, place: p.placeOf(thread), lastAt: lastActivity(thread) }))
        .sort((a, b) => b.lastAt.localeCompare(a.lastAt) || a.thread.id.localeCompare(b.thread.id)),
    }))
    .filter((g) => g.rows.length > 0)
    .sort((a, b) => a.planTitle.localeCompare(b.planTitle) || a.planId.localeCompare(b.planId));
}

/** How many open feedback requests across these plans ask `me` and wait for my answer. */
export function requestsForMe(plans: readonly { threads: readonly Thread[] }[], me: Me, people: readonly Person[]): number {
  let n = 0;
  for (const p of plans) for (const t of p.threads) if (asksMe(t, me, people)) n++;
  return n;
}

/** When something was written, as people say it: "just now", "5 min ago", "3 h ago", "yesterday", "Dec 1", "Dec 1, 2025". */
export function whenWritten(at: string, now: Date = new Date()): string {
  const then = new Date(at);
  if (Number.isNaN(then.getTime())) return '';
  const minutes = Math.floor((now.getTime() - then.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60 && then.getDate() === now.getDate()) return `${Math.floor(minutes / 60)} h ago`;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (then.toDateString() === yesterday.toDateString()) return 'yesterday';
  const sameYear = then.getFullYear() === now.getFullYear();
  return then.toLocaleDateString('en-US', { month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }) });
}
