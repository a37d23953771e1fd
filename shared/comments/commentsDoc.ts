/**
 * A plan's comments: a Y.Doc of its own beside the plan (doc id `<planId>/comments`, room
 * `<workspaceId>/<planId>/comments`), documented in docs/plan-model.md.
 *
 *   threads: Y.Map  thread id → Y.Map {
 *     author: string          who started it (the name in their token: the server checks)
 *     at: string              when (ISO time)
 *     anchor: Anchor          where it points (anchors.ts), a plain value set once
 *     resolved: boolean       resolvedBy / resolvedAt: who last resolved or reopened it, and when
 *     request?: { askedOf }   a feedback request: the person ids asked; the question is the first message
 *     messages: Y.Array of Y.Map { id, author, text, at, editedAt?, mentions: person ids }
 *   }
 *
 * Made to merge offline: every thread and message is a Y.Map of its own under a fresh random id, and a
 * thread's `messages` array is created once, by the thread's author, with the thread; replies are pushed
 * into it. So two people writing offline never create the same Y type under one key, and nothing is lost.
 *
 * Reading is defensive (zod): an entry of the wrong type is skipped and reported, unknown fields are
 * ignored, an anchor this version cannot read leaves the thread orphaned, never dropped.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { newId } from '../model/ids';
import { type Person } from '../model/people';
import { type Role } from '../sync/rooms';
import { AnchorSchema, type Anchor } from './anchors';
import { parseMentions } from './mentions';

/** The longest message, in characters; the server refuses longer ones. */
export const MAX_MESSAGE_CHARS = 8000;
/** The most people one feedback request asks. */
export const MAX_ASKED = 50;

export const threadsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('threads');

const text = (max: number) => z.string().max(max);
export const MessageSchema = z.object({
  id: z.string().min(1).max(64),
  author: z.string().min(1).max(200),
  text: z.string().min(1, 'a message cannot be empty').max(MAX_MESSAGE_CHARS, `a message is at most ${MAX_MESSAGE_CHARS.toLocaleString('en-US')} characters`),
  at: text(64),
  editedAt: text(64).optional(),
  mentions: z.array(z.string().min(1).max(64)).max(100).default([]),
});
export type Message = z.infer<typeof MessageSchema>;

export const RequestSchema = z.object({ askedOf: z.array(z.string().min(1).max(64)).min(1).max(MAX_ASKED) });
/** The plain fields of a thread (`anchor` and `messages` are read on their own). */
export const ThreadFieldsSchema = z.object({
  author: z.string().min(1).max(200),
  at: text(64),
  resolved: z.boolean().default(false),
  resolvedBy: text(200).optional(),
  resolvedAt: text(64).optional(),
  request: RequestSchema.optional(),
});

export type Thread = z.infer<typeof ThreadFieldsSchema> & {
  id: string;
  /** Null when this version cannot read the anchor (the thread then shows as orphaned). */
  anchor: Anchor | null;
  messages: Message[];
};

/** What a reader skipped: `where` is `threads.<id>` or `threads.<id>.messages.<n>`. */
export type SkippedComment = { where: string; reason: string };

/** A change the model refuses; the message is written for the person who sees it. */
export class CommentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommentError';
  }
}

const issues = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');

/** Every readable thread, oldest first; what cannot be read is skipped and reported, never thrown. */
export function readThreads(doc: Y.Doc, onSkip: (s: SkippedComment) => void = () => {}): Thread[] {
  let root: Y.Map<unknown>;
  try {
    root = threadsMap(doc);
  } catch (e) {
    onSkip({ where: 'threads', reason: `not a map: ${e instanceof Error ? e.message : String(e)}` });
    return [];
  }
  const out: Thread[] = [];
  root.forEach((entry, id) => {
    const thread = readThread(id, entry, onSkip);
    if (thread) out.push(thread);
  });
  return out.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

function readThread(id: string, entry: unknown, onSkip: (s: SkippedComment) => void): Thread | null {
  const where = `threads.${id}`;
  if (!(entry instanceof Y.Map)) {
    onSkip({ where, reason: 'not a map' });
    return null;
  }
  const fields = ThreadFieldsSchema.safeParse(plainFields(entry));
  if (!fields.success) {
    onSkip({ where, reason: issues(fields.error) });
    return null;
  }
  const anchor = AnchorSchema.safeParse(entry.get('anchor'));
  if (!anchor.success) onSkip({ where: `${where}.anchor`, reason: issues(anchor.error) });
  const list = entry.get('messages');
  const messages: Message[] = [];
  if (list instanceof Y.Array) {
    list.forEach((m: unknown, n) => {
      const parsed = m instanceof Y.Map ? MessageSchema.safeParse(m.toJSON()) : null;
      if (parsed?.success) messages.push(parsed.data);
      else onSkip({ where: `${where}.messages.${n}`, reason: parsed ? issues(parsed.error) : 'not a map' });
    });
  } else if (list !== undefined) onSkip({ where: `${where}.messages`, reason: 'not a list' });
  return { id, ...fields.data, anchor: anchor.success ? anchor.data : null, messages };
}

/** A Y.Map's values that are not Yjs types (a thread's own fields and its anchor). */
export function plainFields(map: Y.Map<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  map.forEach((value, key) => {
    if (!(value instanceof Y.AbstractType)) out[key] = value;
  });
  return out;
}

// ---------- changes ----------

export type NewMessage = { author: string; text: string; at?: string; people?: Person[] };

function messageMap(m: NewMessage): { id: string; at: string; map: Y.Map<unknown> } {
  const at = m.at ?? new Date().toISOString();
  const parsed = MessageSchema.safeParse({ id: newId('msg'), author: m.author, text: m.text, at, mentions: parseMentions(m.text, m.people ?? []) });
  if (!parsed.success) throw new CommentError(parsed.error.issues[0]!.message);
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(parsed.data)) map.set(key, value);
  return { id: parsed.data.id, at, map };
}

function threadOf(doc: Y.Doc, threadId: string): Y.Map<unknown> {
  const thread = threadsMap(doc).get(threadId);
  if (!(thread instanceof Y.Map)) throw new CommentError('this comment thread is no longer there');
  return thread;
}

function messagesOf(thread: Y.Map<unknown>): Y.Array<unknown> {
  const list = thread.get('messages');
  if (!(list instanceof Y.Array)) throw new CommentError('this comment thread cannot be answered (it has no messages list)');
  return list;
}

/** Where message `messageId` sits in its thread, and its map. */
function findMessage(doc: Y.Doc, threadId: string, messageId: string): { list: Y.Array<unknown>; index: number; map: Y.Map<unknown> } {
  const list = messagesOf(threadOf(doc, threadId));
  const index = list.toArray().findIndex((m) => m instanceof Y.Map && m.get('id') === messageId);
  if (index < 0) throw new CommentError('this message is no longer there');
  return { list, index, map: list.get(index) as Y.Map<unknown> };
}

/** Starts a thread on `anchor` with its first message; `askedOf` (person ids) makes it a feedback request. */
export function createThread(doc: Y.Doc, t: NewMessage & { anchor: Anchor; askedOf?: string[] }): { threadId: string; messageId: string } {
  const anchor = AnchorSchema.safeParse(t.anchor);
  if (!anchor.success) throw new CommentError(`a comment cannot point there: ${issues(anchor.error)}`);
  const request = t.askedOf?.length ? RequestSchema.safeParse({ askedOf: [...new Set(t.askedOf)] }) : null;
  if (request && !request.success) throw new CommentError(`a feedback request asks 1 to ${MAX_ASKED} people`);
  const first = messageMap(t);
  const threadId = newId('thread');
  const thread = new Y.Map<unknown>();
  doc.transact(() => {
    threadsMap(doc).set(threadId, thread);
    thread.set('author', t.author);
    thread.set('at', first.at);
    thread.set('anchor', anchor.data);
    thread.set('resolved', false);
    if (request?.success) thread.set('request', request.data);
    thread.set('messages', Y.Array.from([first.map]));
  });
  return { threadId, messageId: first.id };
}

/** Adds a message to a thread (an answer to a feedback request is a reply by someone asked). */
export function reply(doc: Y.Doc, threadId: string, m: NewMessage): string {
  const list = messagesOf(threadOf(doc, threadId));
  const message = messageMap(m);
  list.push([message.map]);
  return message.id;
}

/** Changes the text of one's own message. */
export function editMessage(doc: Y.Doc, threadId: string, messageId: string, edit: { me: string; text: string; at?: string; people?: Person[] }): void {
  const { map } = findMessage(doc, threadId, messageId);
  if (map.get('author') !== edit.me) throw new CommentError('you can edit only your own messages');
  const parsed = MessageSchema.shape.text.safeParse(edit.text);
  if (!parsed.success) throw new CommentError(parsed.error.issues[0]!.message);
  doc.transact(() => {
    map.set('text', parsed.data);
    map.set('editedAt', edit.at ?? new Date().toISOString());
    map.set('mentions', parseMentions(parsed.data, edit.people ?? []));
  });
}

/** Deletes one's own message (the thread stays, with its other messages). */
export function deleteMessage(doc: Y.Doc, threadId: string, messageId: string, me: string): void {
  const { list, index, map } = findMessage(doc, threadId, messageId);
  if (map.get('author') !== me) throw new CommentError('you can delete only your own messages');
  list.delete(index, 1);
}

/** Resolves or reopens a thread (anyone who may comment). */
export function setResolved(doc: Y.Doc, threadId: string, resolved: boolean, me: string, at = new Date().toISOString()): void {
  const thread = threadOf(doc, threadId);
  doc.transact(() => {
    thread.set('resolved', resolved);
    thread.set('resolvedBy', me);
    thread.set('resolvedAt', at);
  });
}

/** Deletes a whole thread: editors only. */
export function deleteThread(doc: Y.Doc, threadId: string, role: Role): void {
  if (role !== 'editor') throw new CommentError('only editors can delete a comment thread');
  threadOf(doc, threadId);
  threadsMap(doc).delete(threadId);
}
