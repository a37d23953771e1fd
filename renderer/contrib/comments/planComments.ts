/**
 * One open plan's comments in its editor: where each thread's anchor is now (anchors.ts), the counts
 * on the cards and fields, the highlighted words, and which threads are orphaned. Read after the
 * plan's first paint, again when the threads change, and a while after the plan stops changing (the
 * highlights follow the edits in between on their own: CommentMarks.follow).
 */
import { Editor, type BaseRange } from 'slate';
import { anchorResolver, cardKey, fieldKey, type ResolvedAnchor } from '../../../shared/comments/anchors';
import { type Thread } from '../../../shared/comments/commentsDoc';
import { type AnchorCount } from '../../../shared/comments/commentsView';
import { type CollabSession } from '../../collab/collabSession';
import { afterNextPaint } from '../../editor/afterNextPaint';
import { type CommentMarks, type TextMark } from '../../editor/commentMarks';
import { type PlanSlateEditor } from '../../editor/createPlanEditor';
import { revealBlock, revealSelection } from '../../editor/editorCommands';
import { Value } from '../../workbench/services/observable';
import { type CommentsStore } from './commentsStore';

/** After the plan stops changing this long, anchors are resolved again (orphaned, relocated words). */
const RESOLVE_AFTER_EDITS_MS = 1_500;

export class PlanComments {
  /** Where each thread of the plan points now, by thread id. */
  readonly resolved = new Value<ReadonlyMap<string, ResolvedAnchor>>(new Map());
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly stops: (() => void)[] = [];
  private threads: readonly Thread[] = [];

  constructor(
    private readonly store: CommentsStore,
    private readonly planId: string,
    private readonly session: CollabSession,
    private readonly editor: PlanSlateEditor,
    private readonly marks: CommentMarks,
  ) {
    // What waits for the plan's first paint: opening the comments and reading where they point.
    this.stops.push(afterNextPaint(() => {
      store.service(planId);
      this.stops.push(store.threads.subscribe(() => this.threadsChanged()));
      const onUpdate = () => this.later();
      session.doc.on('update', onUpdate);
      this.stops.push(() => session.doc.off('update', onUpdate));
      this.threadsChanged();
    }));
  }

  /** Puts the caret on what the thread points at (its words selected), scrolled into view. */
  reveal(threadId: string): void {
    const where = this.resolved.get().get(threadId);
    if (!where || where.status === 'orphaned') return;
    if (where.at === 'text') revealSelection(this.editor, where.range.focus, { anchor: where.range.anchor, scroll: 'center' });
    else if (where.at === 'block') {
      const top = this.editor.children[where.path[0]!] as { id?: string } | undefined;
      if (top?.id) revealBlock(this.editor, top.id);
    }
  }

  /** The text range (or card path) a thread points at now. */
  whereIs(threadId: string): ResolvedAnchor | undefined {
    return this.resolved.get().get(threadId);
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.stops.splice(0).forEach((s) => s());
  }

  private threadsChanged(): void {
    const threads = this.store.threadsOf(this.planId);
    if (threads === this.threads && this.resolved.get().size > 0) return;
    this.threads = threads;
    this.resolve();
  }

  private later(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.resolve();
    }, RESOLVE_AFTER_EDITS_MS);
  }

  private resolve(): void {
    const resolve = anchorResolver(this.session.doc, this.editor.children);
    const resolved = new Map<string, ResolvedAnchor>();
    const counts = new Map<string, AnchorCount>();
    const count = (key: string | null, t: Thread) => {
      if (!key) return;
      const c = counts.get(key) ?? { open: 0, resolved: 0 };
      if (t.resolved) c.resolved++;
      else c.open++;
      counts.set(key, c);
    };
    const ranges = new Map<string, { range: BaseRange; threadIds: string[] }>();
    const orphans = new Set<string>();
    for (const t of this.threads) {
      const where = resolve(t.anchor);
      resolved.set(t.id, where);
      if (where.status === 'orphaned') {
        orphans.add(t.id);
        continue;
      }
      if (t.anchor) {
        count(cardKey(t.anchor), t);
        count(fieldKey(t.anchor), t);
      }
      if (where.at === 'text' && !t.resolved && Editor.hasPath(this.editor, where.range.anchor.path)) {
        const key = JSON.stringify(where.range);
        const known = ranges.get(key);
        if (known) known.threadIds.push(t.id);
        else ranges.set(key, { range: where.range, threadIds: [t.id] });
      }
    }
    this.resolved.set(resolved);
    this.marks.setCounts(counts);
    this.marks.setMarks([...ranges.values()] as TextMark[]);
    this.store.setOrphans(this.planId, orphans);
  }
}
