/**
 * The server's rules for a plan's comments (`<ws>/<planId>/comments`, model in
 * shared/comments/commentsDoc.ts), checked on the scratch copy of every update (writePolicy.ts). Editors
 * and commenters write (viewers are dropped before this, `mayWrite`):
 *
 * - a new thread or message is well-formed and its `author` is the name in the writer's token;
 * - only the author of a message may edit or delete it; its id, author and time never change;
 * - a thread's author, time, anchor and request never change; anyone may resolve or reopen it, as
 *   themselves (`resolvedBy`);
 * - deleting (or replacing) a whole thread is for editors;
 * - a message is at most MAX_MESSAGE_CHARS characters;
 * - nothing is written outside `threads`.
 *
 * One broken rule refuses the whole update (the sender is closed with 4403; the reason is logged).
 */
import * as Y from 'yjs';
import { AnchorSchema } from '../../shared/comments/anchors';
import { MAX_MESSAGE_CHARS, MessageSchema, plainFields, ThreadFieldsSchema } from '../../shared/comments/commentsDoc';
import { type TokenClaims } from '../../shared/sync/rooms';
import { rootName, type WritePolicy, type YType } from './writePolicy';

const THREAD_FIELDS = new Set(['author', 'at', 'anchor', 'resolved', 'resolvedBy', 'resolvedAt', 'request', 'messages']);
const FIXED_THREAD_FIELDS = ['author', 'at', 'anchor', 'request'] as const;
const FIXED_MESSAGE_FIELDS = ['id', 'author', 'at'] as const;
const StrictMessage = MessageSchema.strict();
const StrictThreadFields = ThreadFieldsSchema.strict();

const itemKey = (type: unknown): string | null => {
  const item = (type as YType | undefined)?._item;
  return item ? `${item.id.client}:${item.id.clock}` : null;
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const count = (n: number) => n.toLocaleString('en-US');

export const commentsPolicy: WritePolicy = {
  roots: { threads: Y.Map },
  check: ({ writer, before, after, changed }) => {
    const threads = after.getMap('threads');
    const touched = new Set<string>();
    for (const [type, keys] of changed) {
      const root = rootName(after, type);
      if (root !== 'threads') return `a comments document holds only "threads" (this update writes "${root ?? 'something unnamed'}")`;
      if (type === threads) {
        if (keys.has(null)) return '"threads" is a map of threads, not a list';
        for (const key of keys) touched.add(key!);
        continue;
      }
      let top: YType = type;
      while (top._item && top._item.parent !== threads) top = top._item.parent as YType;
      const id = top._item?.parentSub;
      if (!id) return 'the update writes outside any thread';
      touched.add(id);
    }
    for (const id of touched) {
      const why = checkThread(writer, before.getMap('threads').get(id), threads.get(id));
      if (why) return `thread ${id}: ${why}`;
    }
    return null;
  },
};

function checkThread(writer: TokenClaims, was: unknown, now: unknown): string | null {
  const kept = was !== undefined && now !== undefined && itemKey(was) !== null && itemKey(was) === itemKey(now);
  if (was !== undefined && !kept) {
    if (writer.role !== 'editor') return 'only editors can delete a comment thread';
    if (now === undefined) return null;
  }
  if (now === undefined) return null;
  if (!(now instanceof Y.Map)) return 'a thread is a map';
  const unknown = [...now.keys()].find((k) => !THREAD_FIELDS.has(k));
  if (unknown) return `a thread has no field "${unknown}"`;
  const { anchor: _anchor, ...own } = plainFields(now);
  const fields = StrictThreadFields.safeParse(own);
  if (!fields.success) return fields.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  const messages = now.get('messages');
  if (!(messages instanceof Y.Array)) return 'a thread\'s messages are a list';
  if (!kept) return checkNewThread(writer, now, messages);

  const old = was as Y.Map<unknown>;
  for (const field of FIXED_THREAD_FIELDS) if (!same(old.get(field), now.get(field))) return `a thread's ${field} cannot change`;
  if (itemKey(old.get('messages')) !== itemKey(messages)) return 'a thread\'s messages list cannot be replaced';
  for (const field of ['resolved', 'resolvedBy', 'resolvedAt'] as const) {
    if (!same(old.get(field), now.get(field)) && now.get('resolvedBy') !== writer.name) return `resolve or reopen a thread as yourself ("${writer.name}")`;
  }
  return checkMessages(writer, old.get('messages') as Y.Array<unknown>, messages);
}

/** An empty list in a document of its own (reading a list outside any document makes Yjs warn). */
const NO_MESSAGES: Y.Array<unknown> = new Y.Doc().getArray();

function checkNewThread(writer: TokenClaims, thread: Y.Map<unknown>, messages: Y.Array<unknown>): string | null {
  if (thread.get('author') !== writer.name) return `a thread's author is the name in your invite ("${writer.name}"), not "${String(thread.get('author'))}"`;
  if (thread.has('resolvedBy') && thread.get('resolvedBy') !== writer.name) return `resolve a thread as yourself ("${writer.name}")`;
  const anchor = AnchorSchema.safeParse(thread.get('anchor'));
  if (!anchor.success) return `the anchor cannot be read: ${anchor.error.issues[0]!.message}`;
  if (messages.length === 0) return 'a thread starts with a message';
  return checkMessages(writer, NO_MESSAGES, messages);
}

/** The messages added, changed and removed between two versions of one thread's list. */
function checkMessages(writer: TokenClaims, was: Y.Array<unknown>, now: Y.Array<unknown>): string | null {
  const before = new Map(was.toArray().map((m) => [itemKey(m), m]));
  const after = new Map(now.toArray().map((m) => [itemKey(m), m]));
  for (const [key, old] of before) {
    if (after.has(key)) continue;
    const author = old instanceof Y.Map ? old.get('author') : undefined;
    if (author !== writer.name && !(typeof author !== 'string' && writer.role === 'editor')) return `only ${String(author)} can delete their message`;
  }
  const ids = new Set<unknown>();
  for (const [key, message] of after) {
    if (!(message instanceof Y.Map)) return 'a message is a map';
    if (ids.has(message.get('id'))) return `two messages have the id "${String(message.get('id'))}"`;
    ids.add(message.get('id'));
    const old = before.get(key);
    if (old !== undefined && same((old as Y.Map<unknown>).toJSON(), message.toJSON())) continue;
    const author = old instanceof Y.Map ? old.get('author') : message.get('author');
    if (author !== writer.name) {
      return old === undefined
        ? `a message's author is the name in your invite ("${writer.name}"), not "${String(author)}"`
        : `only ${String(author)} can edit their message`;
    }
    if (old instanceof Y.Map) for (const field of FIXED_MESSAGE_FIELDS) if (!same(old.get(field), message.get(field))) return `a message's ${field} cannot change`;
    const text = message.get('text');
    if (typeof text === 'string' && text.length > MAX_MESSAGE_CHARS) return `a message is at most ${count(MAX_MESSAGE_CHARS)} characters (this one has ${count(text.length)})`;
    const parsed = StrictMessage.safeParse(message.toJSON());
    if (!parsed.success) return `a message ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
  }
  return null;
}
