/**
 * Comment counts on the cards: a badge in a card's header (its open threads, or a quiet "comment"
 * button for someone who may comment), one beside a field with open threads of its own, and the
 * card's comment key for its fields (React context). A click opens the threads in the comment panel.
 * They stay out of the Tab order, which walks a card's fields: the keyboard has Add Comment
 * (Ctrl+Alt+M, on the field it is in) and the Comments view.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import { type BlockAnchor } from '../../../shared/comments/anchors';
import { fieldLabel } from '../../../shared/model/fieldLabels';
import { type CommentCount } from '../commentMarks';
import { usePlanEditorContext } from '../planContext';

/** A speech bubble, drawn with currentColor. */
export function CommentIcon() {
  return (
    <svg className="tandem-comment-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M2.5 2h11A1.5 1.5 0 0 1 15 3.5v7a1.5 1.5 0 0 1-1.5 1.5H8.2l-3.4 2.8a.5.5 0 0 1-.8-.4V12H2.5A1.5 1.5 0 0 1 1 10.5v-7A1.5 1.5 0 0 1 2.5 2zm0 1a.5.5 0 0 0-.5.5v7a.5.5 0 0 0 .5.5H5v2.3L7.8 11h5.7a.5.5 0 0 0 .5-.5v-7a.5.5 0 0 0-.5-.5z" />
    </svg>
  );
}

/** The card whose fields are being rendered: its comment key (`goal:<id>`) and anchor. */
export type CommentCard = { key: string; anchor: BlockAnchor; title: string };
export const CommentCardContext = createContext<CommentCard | null>(null);

function useCount(key: string): CommentCount | undefined {
  const { comments } = usePlanEditorContext();
  return useSyncExternalStore(comments?.subscribe ?? noSubscribe, () => comments?.countOf(key));
}
const noSubscribe = () => () => {};

const threads = (n: number) => `${n} comment${n === 1 ? '' : 's'}`;

/** The badge in a card's header. */
export function CardCommentBadge({ card }: { card: CommentCard }) {
  const { comments } = usePlanEditorContext();
  const count = useCount(card.key);
  if (!comments) return null;
  const open = count?.open ?? 0;
  const resolved = count?.resolved ?? 0;
  if (open === 0 && resolved === 0 && !comments.canComment) return null;
  const label = open > 0 ? `${threads(open)} on ${card.title}` : resolved > 0 ? `${resolved} resolved comment${resolved === 1 ? '' : 's'} on ${card.title}` : `Comment on ${card.title}`;
  return (
    <button type="button" tabIndex={-1} className={`tandem-comment-badge${open > 0 ? ' has-open' : resolved > 0 ? ' has-resolved' : ' is-add'}`}
      aria-label={label} title={open > 0 ? `${threads(open)}: show` : 'Comment (Ctrl+Alt+M)'}
      onClick={(e) => {
        e.stopPropagation();
        comments.onOpen({ kind: 'card', key: card.key, anchor: card.anchor });
      }}>
      <CommentIcon />{open > 0 && <span className="tandem-comment-count">{open}</span>}
    </button>
  );
}

/** The badge beside a field's label, when threads are on that field. */
export function FieldCommentBadge({ field }: { field: string }) {
  const card = useContext(CommentCardContext);
  const { comments } = usePlanEditorContext();
  const key = card ? `${card.key}#${field}` : '';
  const count = useCount(key);
  if (!card || !comments || !count?.open) return null;
  return (
    <button type="button" tabIndex={-1} className="tandem-comment-badge tandem-field-comment has-open"
      aria-label={`${threads(count.open)} on ${fieldLabel(field)}`} title={`${threads(count.open)} on ${fieldLabel(field)}: show`}
      onClick={(e) => {
        e.stopPropagation();
        comments.onOpen({ kind: 'card', key, anchor: { ...card.anchor, field } as BlockAnchor });
      }}>
      <CommentIcon /><span className="tandem-comment-count">{count.open}</span>
    </button>
  );
}
