/**
 * A plan's comments for the workbench, without any UI: the plan's comments document
 * (`<planId>/comments`) on a collab session like a plan's (local store through the host, the sync
 * server, offline saving), its threads read defensively, written as the person the server knows (the
 * invite's name), and listeners told when the threads change. The workbench hands it a pooled session;
 * `openCommentsService` opens one of its own.
 */
import { type Anchor } from '../../shared/comments/anchors';
import {
  CommentError, createThread, deleteMessage, deleteThread, editMessage, readThreads, reply, setResolved,
  type SkippedComment, type Thread,
} from '../../shared/comments/commentsDoc';
import { countsByAnchor, filterThreads, meIn, type AnchorCount, type CommentFilter, type Me } from '../../shared/comments/commentsView';
import { type Person } from '../../shared/model/people';
import { sideDocId, type Role } from '../../shared/sync/rooms';
import { openCollabSession, type CollabSession, type CollabSessionOptions } from './collabSession';

export type CommentsServiceOptions = {
  /** The session of the plan's comments document (`sideDocId(planId, 'comments')`). */
  session: CollabSession;
  /** Who writes: the invite's name (the server checks it), and the invite's role. */
  author: string;
  role: Role;
  /** The workspace's people directory, for @mentions and "mentioning me". */
  people: () => readonly Person[];
  /** What the reader skipped (an entry of the wrong type); default: the console. */
  onSkip?: (skipped: SkippedComment) => void;
  /** Lets go of the session (default: destroys it). */
  close?: () => void | Promise<void>;
};

/** Opens the comments of `planId` on a session of their own. */
export function openCommentsService(opts: Omit<CollabSessionOptions, 'docId'> & Pick<CommentsServiceOptions, 'people' | 'onSkip'> & { planId: string }): CommentsService {
  const session = openCollabSession({ ...opts, docId: sideDocId(opts.planId, 'comments') });
  return new CommentsService({
    session, author: opts.target?.name ?? opts.user.name, role: opts.target?.role ?? 'editor', people: opts.people, onSkip: opts.onSkip,
  });
}

export class CommentsService {
  readonly session: CollabSession;
  /** The name the server checks new threads and messages against: the invite's, else this user's. */
  readonly author: string;
  readonly role: Role;
  private cached: Thread[] | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly opts: CommentsServiceOptions) {
    this.author = opts.author;
    this.role = opts.role;
    this.session = opts.session;
    this.session.doc.on('update', this.onUpdate);
  }

  get ready(): Promise<void> {
    return this.session.ready;
  }

  /** Whether this person may only read the comments (a viewer's invite). */
  get readOnly(): boolean {
    return this.session.readOnly;
  }

  get me(): Me {
    return meIn([...this.opts.people()], this.author);
  }

  /** Every readable thread, oldest first. */
  threads(): Thread[] {
    this.cached ??= readThreads(this.session.doc, this.opts.onSkip ?? ((s) => console.warn(`comments: skipped ${s.where}: ${s.reason}`)));
    return this.cached;
  }

  filtered(filter: CommentFilter): Thread[] {
    return filterThreads(this.threads(), filter, this.me, this.opts.people());
  }

  counts(): Map<string, AnchorCount> {
    return countsByAnchor(this.threads());
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts a thread; `askedOf` (person ids) makes it a feedback request. Returns the thread id. */
  startThread(anchor: Anchor, text: string, askedOf?: string[]): string {
    this.writable();
    return createThread(this.session.doc, { author: this.author, anchor, text, askedOf, people: [...this.opts.people()] }).threadId;
  }

  reply(threadId: string, text: string): string {
    this.writable();
    return reply(this.session.doc, threadId, { author: this.author, text, people: [...this.opts.people()] });
  }

  edit(threadId: string, messageId: string, text: string): void {
    this.writable();
    editMessage(this.session.doc, threadId, messageId, { me: this.author, text, people: [...this.opts.people()] });
  }

  deleteMessage(threadId: string, messageId: string): void {
    this.writable();
    deleteMessage(this.session.doc, threadId, messageId, this.author);
  }

  setResolved(threadId: string, resolved: boolean): void {
    this.writable();
    setResolved(this.session.doc, threadId, resolved, this.author);
  }

  deleteThread(threadId: string): void {
    this.writable();
    deleteThread(this.session.doc, threadId, this.role);
  }

  async destroy(): Promise<void> {
    this.listeners.clear();
    this.session.doc.off('update', this.onUpdate);
    await (this.opts.close ? this.opts.close() : this.session.destroy());
  }

  private writable(): void {
    if (this.session.readOnly) throw new CommentError('your invite lets you read the comments, not write them');
  }

  private onUpdate = (): void => {
    this.cached = null;
    for (const l of this.listeners) l();
  };
}
