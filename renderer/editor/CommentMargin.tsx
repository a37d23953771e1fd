/**
 * The right margin beside the prose (a strip over the text column's right padding, centred like it): a count for each block with open comment threads on its text
 * (placed at the line where the first one starts), and, while some words are selected, a button to
 * comment on them — also for someone who can comment but not edit (the text is read-only for them,
 * so the range is read from the page's selection). Placed in the box that scrolls with the text, like
 * collaborators' carets, and measured again after the text, the size or the threads change.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Range, type BaseRange } from 'slate';
import { ReactEditor, useSlateStatic } from 'slate-react';
import { type CommentMarks } from './commentMarks';
import { type PlanSlateEditor } from './createPlanEditor';
import { CommentIcon } from './elements/CommentBadge';

type Badge = { top: number; threadIds: string[] };
type Placed = { badges: Badge[]; selection: { top: number; range: BaseRange } | null };

const NOTHING: Placed = { badges: [], selection: null };
const MEASURE_AFTER_MS = 120;

/** The Slate range of the page's selection when it is some words of this editor's text. */
function selectedWords(editor: PlanSlateEditor): BaseRange | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const root = ReactEditor.toDOMNode(editor, editor);
  if (!root.contains(selection.anchorNode) || !root.contains(selection.focusNode)) return null;
  const range = ReactEditor.toSlateRange(editor, selection, { exactMatch: false, suppressThrow: true });
  return range && !Range.isCollapsed(range) ? range : null;
}

function measure(editor: PlanSlateEditor, marks: CommentMarks, container: HTMLElement): Placed {
  const box = container.getBoundingClientRect();
  const topOf = (range: BaseRange): number | null => {
    try {
      const start = Range.start(range);
      const rect = ReactEditor.toDOMRange(editor, { anchor: start, focus: start }).getBoundingClientRect();
      return rect.height === 0 && rect.top === 0 ? null : rect.top - box.top;
    } catch {
      return null; // a block not rendered yet (a large plan renders as you scroll)
    }
  };
  const byBlock = new Map<number, Badge>();
  for (const mark of marks.textMarks()) {
    const block = Range.start(mark.range).path[0]!;
    const known = byBlock.get(block);
    if (known) {
      for (const id of mark.threadIds) if (!known.threadIds.includes(id)) known.threadIds.push(id);
      continue;
    }
    const top = topOf(mark.range);
    if (top !== null) byBlock.set(block, { top, threadIds: [...mark.threadIds] });
  }
  const words = marks.canComment ? selectedWords(editor) : null;
  const selectionTop = words ? topOf(words) : null;
  return { badges: [...byBlock.values()], selection: words && selectionTop !== null ? { top: selectionTop, range: words } : null };
}

export function CommentMargin({ marks }: { marks: CommentMarks }) {
  const editor = useSlateStatic();
  const ref = useRef<HTMLDivElement>(null);
  const [placed, setPlaced] = useState<Placed>(NOTHING);
  const version = useSyncExternalStore(marks.subscribe, marks.getVersion);

  useEffect(() => {
    const container = ref.current?.parentElement;
    if (!container) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        setPlaced(measure(editor, marks, container));
      }, MEASURE_AFTER_MS);
    };
    setPlaced(measure(editor, marks, container));
    const resize = new ResizeObserver(later);
    resize.observe(container);
    document.addEventListener('selectionchange', later);
    const stopEdits = marks.subscribeEdits(later);
    return () => {
      if (timer !== null) clearTimeout(timer);
      resize.disconnect();
      document.removeEventListener('selectionchange', later);
      stopEdits();
    };
  }, [editor, marks, version]);

  return (
    <div ref={ref} className="tandem-comment-margin" aria-label="Comments on the text">
      {placed.badges.map((b) => (
        <button key={`${b.top}:${b.threadIds[0]}`} type="button" className="tandem-comment-badge tandem-margin-badge has-open"
          style={{ top: b.top }}
          aria-label={`${b.threadIds.length} comment${b.threadIds.length === 1 ? '' : 's'} on this text`}
          title="Show the comments on this text"
          onClick={() => marks.onOpen({ kind: 'threads', threadIds: b.threadIds })}>
          <CommentIcon /><span className="tandem-comment-count">{b.threadIds.length}</span>
        </button>
      ))}
      {placed.selection && (
        <button type="button" className="tandem-comment-badge tandem-margin-badge tandem-comment-selection"
          style={{ top: placed.selection.top + (placed.badges.some((b) => Math.abs(b.top - placed.selection!.top) < 24) ? 26 : 0) }}
          aria-label="Comment on the selected words" title="Comment on the selected words (Ctrl+Alt+M)"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => marks.onOpen({ kind: 'text', range: placed.selection!.range })}>
          <CommentIcon /><span className="tandem-comment-plus">+</span>
        </button>
      )}
    </div>
  );
}
