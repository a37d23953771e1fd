/** Marked text: bold, italic, underline, code; and text that open comment threads are on, highlighted. */
import { useContext } from 'react';
import { type RenderLeafProps } from 'slate-react';
import { COMMENT_LEAF } from '../commentMarks';
import { PlanEditorContext } from '../planContext';

export function PlanLeaf({ attributes, children, leaf }: RenderLeafProps) {
  let out = children;
  if (leaf.code) out = <code>{out}</code>;
  if (leaf.bold) out = <strong>{out}</strong>;
  if (leaf.italic) out = <em>{out}</em>;
  if (leaf.underline) out = <u>{out}</u>;
  const threads = (leaf as Record<string, unknown>)[COMMENT_LEAF] as readonly string[] | undefined;
  if (threads) return <CommentedText attributes={attributes} threads={threads}>{out}</CommentedText>;
  return <span {...attributes}>{out}</span>;
}

/** Text with comments: a click (that selects nothing) opens its threads. */
function CommentedText({ attributes, threads, children }: { attributes: RenderLeafProps['attributes']; threads: readonly string[]; children: React.ReactNode }) {
  const comments = useContext(PlanEditorContext)?.comments;
  return (
    <span {...attributes} className="tandem-comment-mark" data-comment-threads={threads.join(' ')}
      onClick={() => {
        if (window.getSelection()?.isCollapsed !== false) comments?.onOpen({ kind: 'threads', threadIds: threads });
      }}>
      {children}
    </span>
  );
}
