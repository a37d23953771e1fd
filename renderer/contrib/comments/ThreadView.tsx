/**
 * One comment thread as people read it: where it points (and whether those words are still there),
 * who was asked for feedback and who answered, the messages with their @mentions, and what this person
 * may do — reply, edit or delete their own message, resolve or reopen, delete the thread (editors).
 */
import { useState } from 'react';
import { type ResolvedAnchor } from '../../../shared/comments/anchors';
import { type Place } from '../../../shared/comments/commentPlaces';
import { CommentError, type Message, type Thread } from '../../../shared/comments/commentsDoc';
import { requestStatus, whenWritten } from '../../../shared/comments/commentsView';
import { mentionRuns } from '../../../shared/comments/mentions';
import { type Person } from '../../../shared/model/people';
import { type CommentsService } from '../../collab/commentsService';
import { type QuickInputService } from '../../workbench/services/quickInputService';
import { useServices } from '../../workbench/services/services';
import { Avatar } from '../../workbench/widgets/Avatar';
import { Composer } from './Composer';

type Props = {
  thread: Thread;
  place: Place;
  where: ResolvedAnchor | undefined;
  service: CommentsService | null;
  people: readonly Person[];
  canComment: boolean;
  canDeleteThread: boolean;
  onReveal?: () => void;
};

/** Runs a change of the comments; a refusal (the thread is gone, a rule) is said in a notification. */
export function useCommentAction(): (change: () => void) => void {
  const { notifications } = useServices();
  return (change) => {
    try {
      change();
    } catch (e) {
      if (!(e instanceof CommentError)) throw e;
      notifications.notify(`The comment could not be changed: ${e.message}.`, 'error');
    }
  };
}

/** Asks before something that cannot be undone; dismissing the question keeps it. */
async function confirmDelete(quickInput: QuickInputService, question: string, yes: string): Promise<boolean> {
  return !!(await quickInput.pick([{ label: yes, value: true }, { label: 'Keep it', value: false }], { placeholder: question }));
}

const byName = (people: readonly Person[], name: string) => people.find((p) => p.name.trim().toLowerCase() === name.trim().toLowerCase()) ?? null;

export function ThreadView({ thread, place, where, service, people, canComment, canDeleteThread, onReveal }: Props) {
  const { quickInput } = useServices();
  const act = useCommentAction();
  const [replying, setReplying] = useState(false);
  const request = requestStatus(thread, people);
  const orphaned = place.missing || where?.status === 'orphaned';
  const mine = (m: Message) => !!service && m.author === service.author;
  const [first, ...replies] = thread.messages;
  return (
    <article className={`tc-thread${thread.resolved ? ' is-resolved' : ''}${orphaned ? ' is-orphaned' : ''}`}
      aria-label={`${request ? 'Feedback request' : 'Comment'} by ${thread.author}${thread.resolved ? ', resolved' : ''}${orphaned ? ', orphaned' : ''}`}>
      <header className="tc-thread-place">
        <button type="button" className="tc-link" disabled={orphaned || !onReveal} onClick={onReveal} title={orphaned ? undefined : 'Go to it in the plan'}>
          {place.label}
        </button>
        {thread.resolved && <span className="tc-tag is-resolved">Resolved</span>}
        {orphaned && <span className="tc-tag is-orphaned" title={where?.status === 'orphaned' ? where.reason : 'It is no longer in the plan'}>Orphaned</span>}
      </header>
      {orphaned && place.quote && (
        <p className="tc-orphan-note">The words this comment was on were deleted: <del>“{place.quote}”</del></p>
      )}
      {!orphaned && where?.status === 'edited' && where.at === 'text' && (
        <p className="tc-orphan-note">The words were changed; now: “{where.text}”</p>
      )}
      {request && (
        <div className="tc-request" role="group" aria-label="Feedback requested">
          <span className="tc-request-title">Feedback asked of</span>
          <ul className="tc-asked">
            {request.asked.map((a) => (
              <li key={a.personId} className={a.answered ? 'is-answered' : ''} aria-label={`${a.name ?? 'someone no longer listed'}: ${a.answered ? 'answered' : 'waiting for an answer'}`}>
                <Avatar person={people.find((p) => p.id === a.personId) ?? null} size={16} fallbackName={a.name ?? undefined} />
                {a.name ?? 'Someone no longer listed'}
                <span className="tc-muted">{a.answered ? '✓ answered' : 'waiting'}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {first && <MessageView message={first} people={people} mine={mine(first)} service={service} threadId={thread.id} canComment={canComment} />}
      {replies.map((m) => <MessageView key={m.id} message={m} people={people} mine={mine(m)} service={service} threadId={thread.id} canComment={canComment} />)}
      {thread.messages.length === 0 && <p className="tc-muted">Every message of this thread was deleted.</p>}
      {thread.resolved && thread.resolvedBy && (
        <p className="tc-muted tc-resolved-by">Resolved by {thread.resolvedBy}{thread.resolvedAt ? `, ${whenWritten(thread.resolvedAt)}` : ''}</p>
      )}
      {canComment && service && (
        replying ? (
          <Composer label="Reply" placeholder="Reply… (@ to mention someone)" submitLabel="Reply" people={people} autoFocus
            onSubmit={(text) => {
              service.reply(thread.id, text);
              setReplying(false);
            }} onCancel={() => setReplying(false)} />
        ) : (
          <div className="tc-thread-actions">
            {!thread.resolved && <button type="button" className="tc-button is-secondary" onClick={() => setReplying(true)}>Reply</button>}
            <button type="button" className="tc-button is-secondary" onClick={() => act(() => service.setResolved(thread.id, !thread.resolved))}>
              {thread.resolved ? 'Reopen' : 'Resolve'}
            </button>
            {canDeleteThread && (
              <button type="button" className="tc-button is-secondary is-danger" onClick={async () => {
                if (await confirmDelete(quickInput, 'Delete this thread and every reply in it, for everyone?', 'Delete the thread')) act(() => service.deleteThread(thread.id));
              }}>Delete thread</button>
            )}
          </div>
        )
      )}
    </article>
  );
}

function MessageView({ message, people, mine, service, threadId, canComment }: {
  message: Message; people: readonly Person[]; mine: boolean; service: CommentsService | null; threadId: string; canComment: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const { quickInput } = useServices();
  const act = useCommentAction();
  const person = byName(people, message.author);
  return (
    <div className="tc-message">
      <div className="tc-message-head">
        <Avatar person={person} size={20} fallbackName={message.author} />
        <strong className="tc-author">{message.author}</strong>
        <time className="tc-muted" dateTime={message.at} title={new Date(message.at).toLocaleString()}>{whenWritten(message.at)}</time>
        {message.editedAt && <span className="tc-muted" title={`Edited ${new Date(message.editedAt).toLocaleString()}`}>(edited)</span>}
        {mine && canComment && service && !editing && (
          <span className="tc-message-tools">
            <button type="button" className="tc-link" onClick={() => setEditing(true)} aria-label="Edit your message">Edit</button>
            <button type="button" className="tc-link" aria-label="Delete your message" onClick={async () => {
              if (await confirmDelete(quickInput, 'Delete your message for everyone?', 'Delete my message')) act(() => service.deleteMessage(threadId, message.id));
            }}>Delete</button>
          </span>
        )}
      </div>
      {editing && service ? (
        <Composer label="Edit your message" placeholder="Your message" submitLabel="Save" people={people} initial={message.text} autoFocus
          onSubmit={(text) => {
            service.edit(threadId, message.id, text);
            setEditing(false);
          }} onCancel={() => setEditing(false)} />
      ) : (
        <p className="tc-text">
          {mentionRuns(message.text, people).map((r, i) => (r.personId ? <span key={i} className="tc-mention">{r.text}</span> : <span key={i}>{r.text}</span>))}
        </p>
      )}
    </div>
  );
}
