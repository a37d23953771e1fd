/** The status bar's count of feedback requests waiting for my answer; a click lists them in the Comments view. */
import { requestsForMe } from '../../../shared/comments/commentsView';
import { CommentIcon } from '../../editor/elements/CommentBadge';
import { runCommand } from '../../platform/commands';
import { useComputed, useServices } from '../../workbench/services/services';
import { commentsStore } from './commentsStore';

export function CommentsStatusItem() {
  const services = useServices();
  const store = commentsStore(services);
  const count = useComputed([store.threads, store.me, services.model.people],
    (threads, me, people) => requestsForMe([...threads.values()].map((t) => ({ threads: t })), me, people));
  if (count === 0) return null;
  return (
    <button type="button" className="tandem-status-item" aria-label={`Feedback asked of you: ${count}`}
      title="Colleagues are waiting for your feedback: show their questions"
      onClick={() => {
        store.scope.set('all');
        store.filter.set('requests');
        void runCommand('workbench.view.show.comments');
      }}>
      <CommentIcon /> {count} asked of you
    </button>
  );
}
