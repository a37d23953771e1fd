/**
 * The comment panel at the right of an open plan (a plan pane part): the threads of the card, field or
 * words someone clicked, or a box for a new comment there. It also wires the plan's editor to the
 * comments: counts, highlights and what a click on them opens (PlanComments, CommentMarks).
 */
import { useEffect, useMemo, useState } from 'react';
import { ACTION_FIELDS, cardKey, fieldKey, GOAL_FIELDS, STAGE_FIELDS, textAnchor, type Anchor, type BlockAnchor } from '../../../shared/comments/anchors';
import { planPlaces, placeOf, type PlanPlaces } from '../../../shared/comments/commentPlaces';
import { type Thread } from '../../../shared/comments/commentsDoc';
import { FIELD_LABELS } from '../../../shared/model/fieldLabels';
import { type CommentOpen } from '../../editor/commentMarks';
import { type PlanPanePartProps } from '../../workbench/planDecorations';
import { Icon } from '../../workbench/icons';
import { useComputed, useServices, useValue } from '../../workbench/services/services';
import { commentsStore, type CommentsStore, type PanelFocus } from './commentsStore';
import { Composer } from './Composer';
import { PlanComments } from './planComments';
import { ThreadView, useCommentAction } from './ThreadView';
import './comments.css';

/** The places of a plan, from its latest snapshot (kept while the snapshot is the same). */
export function usePlanPlaces(planId: string): PlanPlaces {
  const { model } = useServices();
  return useComputed([model.snapshots], (snapshots) => planPlaces(snapshots.find((s) => s.meta.id === planId)?.content ?? []), [planId]);
}

export function CommentsPanelPart({ planId, session, editor, comments: marks }: PlanPanePartProps) {
  const services = useServices();
  const store = commentsStore(services);
  const [controller, setController] = useState<PlanComments | null>(null);
  useEffect(() => {
    if (!editor) return;
    const c = new PlanComments(store, planId, session, editor, marks);
    setController(c);
    return () => {
      c.dispose();
      setController(null);
    };
  }, [store, planId, session, editor, marks]);
  useEffect(() => {
    marks.setCanComment(store.canComment);
    marks.onOpen = (what: CommentOpen) => {
      if (what.kind === 'card') store.showPanel(planId, { kind: 'card', key: what.key, anchor: what.anchor });
      else if (what.kind === 'threads') store.showPanel(planId, { kind: 'threads', threadIds: what.threadIds });
      else if (editor) {
        try {
          const anchor = textAnchor(session.doc, editor.children, what.range);
          store.showPanel(planId, { kind: 'new', anchor, label: placeOf(anchor, planPlaces([])).label });
        } catch (e) {
          services.notifications.notify(e instanceof Error ? e.message.charAt(0).toUpperCase() + e.message.slice(1) : String(e), 'error');
        }
      }
    };
  }, [store, planId, session, editor, marks, services]);
  useEffect(() => (controller ? store.revealWhenReady(planId, controller) : undefined), [store, planId, controller]);

  const panel = useValue(store.panel);
  if (!panel || panel.planId !== planId || !controller) return null;
  return <CommentsPanel key={JSON.stringify(panel.focus)} store={store} planId={planId} focus={panel.focus} controller={controller} />;
}

const FIELDS: Record<BlockAnchor['kind'], readonly string[]> = { goal: GOAL_FIELDS, action: ACTION_FIELDS, stage: STAGE_FIELDS };
const KIND_WORD: Record<BlockAnchor['kind'], string> = { goal: 'goal', action: 'action', stage: 'stage row' };

function shownThreads(threads: readonly Thread[], focus: PanelFocus): Thread[] {
  if (focus.kind === 'new') return [];
  if (focus.kind === 'threads') return threads.filter((t) => focus.threadIds.includes(t.id));
  const onField = focus.key.includes('#');
  return threads.filter((t) => t.anchor && (onField ? fieldKey(t.anchor) === focus.key : cardKey(t.anchor) === focus.key));
}

function CommentsPanel({ store, planId, focus, controller }: { store: CommentsStore; planId: string; focus: PanelFocus; controller: PlanComments }) {
  const { model } = useServices();
  const people = useValue(model.people);
  const threads = useValue(store.threads).get(planId) ?? [];
  const resolved = useValue(controller.resolved);
  const places = usePlanPlaces(planId);
  const service = store.service(planId);
  const act = useCommentAction();
  const shown = shownThreads(threads, focus);
  // Threads asked for by id show as they are; a card's threads resolved before it was opened wait
  // behind "Show resolved" (one resolved meanwhile stays where it is, saying so).
  const [resolvedBefore] = useState(() => new Set(focus.kind === 'card' ? shownThreads(threads, focus).filter((t) => t.resolved).map((t) => t.id) : []));
  const open = shown.filter((t) => !resolvedBefore.has(t.id));
  const done = shown.filter((t) => resolvedBefore.has(t.id));
  const [showResolved, setShowResolved] = useState(false);
  // Threads opened by id say where they are themselves.
  const where = focus.kind === 'threads' ? null : focus.kind === 'new' ? focus.label : placeOf(focus.anchor, places).label;

  const thread = (t: Thread) => (
    <ThreadView key={t.id} thread={t} place={placeOf(t.anchor, places)} where={resolved.get(t.id)} service={service} people={people}
      canComment={store.canComment} canDeleteThread={store.canDeleteThreads} onReveal={() => controller.reveal(t.id)} />
  );
  const start = (anchor: Anchor, text: string) => act(() => {
    const id = service?.startThread(anchor, text);
    if (id) store.showPanel(planId, { kind: 'threads', threadIds: [id] });
  });

  return (
    <aside className="tc-panel" aria-label="Comments">
      <header className="tc-panel-head">
        <h2 className="tc-panel-title">Comments</h2>
        <button type="button" className="tc-icon-button" aria-label="Close comments" title="Close" onClick={() => store.closePanel()}>
          <Icon name="close" />
        </button>
      </header>
      {where && <p className="tc-panel-where">{where}</p>}
      <div className="tc-panel-body">
        {open.map(thread)}
        {focus.kind !== 'new' && open.length === 0 && done.length === 0 && (
          <p className="tc-empty">{store.canComment ? 'No comments here yet.' : 'No comments here.'}</p>
        )}
        {done.length > 0 && (
          <button type="button" className="tc-link tc-show-resolved" aria-expanded={showResolved} onClick={() => setShowResolved((v) => !v)}>
            {showResolved ? 'Hide' : 'Show'} {done.length} resolved
          </button>
        )}
        {showResolved && done.map(thread)}
        {store.canComment && service && focus.kind === 'new' && (
          <Composer label="Your comment" placeholder="Write a comment… (@ to mention someone)" submitLabel="Comment" people={people} autoFocus
            onSubmit={(text) => start(focus.anchor, text)} onCancel={() => store.closePanel()} />
        )}
        {store.canComment && service && focus.kind === 'card' && <NewOnCard focus={focus} people={people} onStart={start} autoFocus={shown.length === 0} />}
        {!store.canComment && <p className="tc-muted tc-note">Your invite lets you read comments, not write them.</p>}
      </div>
    </aside>
  );
}

/** A new comment on a card, on the whole card or one of its fields. */
function NewOnCard({ focus, people, onStart, autoFocus }: {
  focus: Extract<PanelFocus, { kind: 'card' }>; people: Parameters<typeof Composer>[0]['people']; onStart: (anchor: Anchor, text: string) => void; autoFocus: boolean;
}) {
  const base = focus.anchor;
  const [field, setField] = useState<string>(('field' in base && base.field) || '');
  const fields = useMemo(() => FIELDS[base.kind].filter((f) => FIELD_LABELS[f]), [base.kind]);
  return (
    <div className="tc-new">
      <label className="tc-about">
        <span>About</span>
        <select value={field} onChange={(e) => setField(e.target.value)}>
          <option value="">the whole {KIND_WORD[base.kind]}</option>
          {fields.map((f) => <option key={f} value={f}>{FIELD_LABELS[f]}</option>)}
        </select>
      </label>
      <Composer label="Your comment" placeholder="Write a comment… (@ to mention someone)" submitLabel="Comment" people={people} autoFocus={autoFocus}
        onSubmit={(text) => {
          const { field: _old, ...card } = base as BlockAnchor & { field?: string };
          onStart((field ? { ...card, field } : card) as Anchor, text);
        }} />
    </div>
  );
}
