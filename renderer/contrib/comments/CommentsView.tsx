/**
 * The Comments view in the bottom panel (beside Problems, as in VS Code): the threads of the open plan
 * or of every plan, filtered — open, mine, mentioning me, asked of me, resolved — grouped by plan, the
 * most recently active first. Enter or a click opens the plan at the thread with its panel.
 */
import { useMemo } from 'react';
import { placeOf, planPlaces, type PlanPlaces } from '../../../shared/comments/commentPlaces';
import { threadGroups, whenWritten, type CommentFilter, type PlanThreadGroup, type ThreadRow } from '../../../shared/comments/commentsView';
import { type PlanContent } from '../../../shared/model/elements';
import { type Person } from '../../../shared/model/people';
import { LineIcon } from '../../workbench/icons';
import { useComputed, useServices, useValue } from '../../workbench/services/services';
import { NavList, PlanGroupRow } from '../../workbench/widgets/NavList';
import { TreeRow } from '../../workbench/widgets/TreeRow';
import { useCollapsed } from '../../workbench/widgets/useCollapsed';
import { useListNavigation, type ListNavigation } from '../../workbench/widgets/useListNavigation';
import { commentsStore } from './commentsStore';
import { CommentIcon } from '../../editor/elements/CommentBadge';
import './comments.css';

const LIST_ID = 'comments';
export const FILTER_LABELS: Record<CommentFilter, string> = {
  open: 'Open', mine: 'Mine', mentions: 'Mentioning me', requests: 'Asked of me', resolved: 'Resolved',
};
const FILTER_ORDER: CommentFilter[] = ['open', 'mine', 'mentions', 'requests', 'resolved'];
const EMPTY: Record<CommentFilter, string> = {
  open: 'No open comments.', mine: 'You have not written any comments yet.', mentions: 'Nobody has mentioned you in a comment.',
  requests: 'Nobody is waiting for your feedback.', resolved: 'No resolved comments.',
};

/** Places per plan content, kept while a plan's snapshot is the same object. */
const placesCache = new WeakMap<PlanContent, PlanPlaces>();
const placesOf = (content: PlanContent) => {
  let places = placesCache.get(content);
  if (!places) placesCache.set(content, (places = planPlaces(content)));
  return places;
};

type Row = { kind: 'plan'; key: string; group: PlanThreadGroup } | { kind: 'thread'; key: string; row: ThreadRow };

export function CommentsView() {
  const services = useServices();
  const { model, editors } = services;
  const store = commentsStore(services);
  const filter = useValue(store.filter);
  const scope = useValue(store.scope);
  const activePlanId = useValue(editors.activePlanId);
  const groups = useComputed(
    [store.threads, store.orphans, model.snapshots, model.plans, store.me, model.people, store.filter, store.scope, editors.activePlanId],
    (threads, orphans, snapshots, plans, me, people, f, sc, active) => threadGroups(
      plans.filter((p) => sc === 'all' || p.id === active).map((p) => {
        const content = snapshots.find((s) => s.meta.id === p.id)?.content ?? [];
        const orphaned = orphans.get(p.id);
        return {
          planId: p.id, planTitle: p.title, threads: threads.get(p.id) ?? [],
          placeOf: (t) => {
            const place = placeOf(t.anchor, placesOf(content));
            return orphaned?.has(t.id) ? { ...place, missing: true } : place;
          },
        };
      }), f, me, people),
  );
  const { collapsed, toggle } = useCollapsed();
  const rows = useMemo(() => groups.flatMap((g): Row[] => [
    { kind: 'plan', key: g.planId, group: g },
    ...(collapsed.has(g.planId) ? [] : g.rows.map((row): Row => ({ kind: 'thread', key: `${g.planId}:${row.thread.id}`, row }))),
  ]), [groups, collapsed]);
  const open = (row: ThreadRow) => store.openThread(row.planId, row.thread.id, row.place.missing ? null : row.place.blockId);
  const nav = useListNavigation(rows, (r) => r.key, {
    onOpen: (r) => (r.kind === 'plan' ? toggle(r.group.planId) : open(r.row)),
    onKey: (e, r) => {
      if (r.kind !== 'plan' || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return false;
      toggle(r.group.planId, e.key === 'ArrowRight');
      return true;
    },
  });
  const people = useValue(model.people);

  return (
    <div className="tv-view tc-view">
      <div className="tc-view-toolbar">
        <div role="radiogroup" aria-label="Show comments of" className="tc-segments">
          {(['plan', 'all'] as const).map((s) => (
            <button key={s} type="button" role="radio" aria-checked={scope === s} className="tc-segment" disabled={s === 'plan' && !activePlanId}
              onClick={() => store.scope.set(s)}>{s === 'plan' ? 'This plan' : 'All plans'}</button>
          ))}
        </div>
        <div role="radiogroup" aria-label="Filter comments" className="tc-segments">
          {FILTER_ORDER.map((f) => (
            <button key={f} type="button" role="radio" aria-checked={filter === f} className="tc-segment" onClick={() => store.filter.set(f)}>
              {FILTER_LABELS[f]}
            </button>
          ))}
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="tv-empty">{scope === 'plan' && !activePlanId ? 'Open a plan to see its comments.' : EMPTY[filter]}</p>
      ) : (
        <NavList listId={LIST_ID} label="Comments" nav={nav}>
          {rows.map((r) => (r.kind === 'plan' ? (
            <PlanGroupRow key={r.key} listId={LIST_ID} rowKey={r.key} nav={nav} planTitle={r.group.planTitle} count={r.group.rows.length}
              noun={['thread', 'threads']} expanded={!collapsed.has(r.group.planId)} onToggle={() => toggle(r.group.planId)} />
          ) : (
            <ThreadRowView key={r.key} row={r.row} nav={nav} people={people} onOpen={() => open(r.row)} />
          )))}
        </NavList>
      )}
    </div>
  );
}

function ThreadRowView({ row, nav, people, onOpen }: {
  row: ThreadRow; nav: ListNavigation; people: readonly Person[]; onOpen: () => void;
}) {
  const { thread, place } = row;
  const first = thread.messages[0];
  const replies = Math.max(0, thread.messages.length - 1);
  const request = thread.request ? thread.request.askedOf.map((id) => people.find((p) => p.id === id)?.name ?? 'someone').join(', ') : null;
  const state = [thread.resolved ? 'resolved' : null, place.missing ? 'orphaned' : null].filter(Boolean).join(', ');
  const label = `${request ? `Feedback asked of ${request}` : 'Comment'} on ${place.label}: ${thread.author}: ${first?.text ?? ''}${state ? ` (${state})` : ''}`;
  return (
    <TreeRow listId={LIST_ID} rowKey={`${row.planId}:${thread.id}`} nav={nav} level={2} indent={26} label={label} title={first?.text} className="tv-tall tc-row" onActivate={onOpen}>
      <span className={`tc-row-icon${thread.resolved ? ' is-resolved' : ''}`}>{thread.resolved ? <LineIcon name="action" /> : <CommentIcon />}</span>
      <span className="tc-row-main">
        <span className="tc-row-place">{place.label}</span>
        {request && <span className="tc-tag is-request">Asked of {request}</span>}
        {place.missing && <span className="tc-tag is-orphaned">Orphaned</span>}
        <span className="tc-row-text"><strong>{thread.author}</strong>: {first?.text ?? 'every message was deleted'}</span>
      </span>
      <span className="tc-row-meta">{replies > 0 ? `${replies} repl${replies === 1 ? 'y' : 'ies'} · ` : ''}{whenWritten(row.lastAt)}</span>
    </TreeRow>
  );
}
