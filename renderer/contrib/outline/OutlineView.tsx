/** The outline of the active plan: headings with the goals, stage matrix and actions under them; click to jump. */
import { useDeferredValue, useMemo } from 'react';
import { buildOutline, type OutlineItem } from '../../../shared/derive/outline';
import { type PlanContent } from '../../../shared/model/elements';
import { useWorkbench } from '../../workbench/WorkbenchContext';
import { rowDomId, useListNavigation } from '../explorer/useListNavigation';
import { NavList } from '../explorer/NavList';
import '../explorer/viewList.css';

const LIST_ID = 'outline';

const KIND_LABEL: Record<OutlineItem['kind'], string> = {
  heading: 'Section', goal: 'Goal', 'stage-matrix': 'Stage matrix', action: 'Action',
};

function KindIcon(props: { kind: OutlineItem['kind'] }) {
  const paths: Record<OutlineItem['kind'], string> = {
    heading: 'M3 3v10M10 3v10M3 8h7M12.5 6.5l1.5-1v7.5',
    goal: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8 8h.01',
    'stage-matrix': 'M2 3h12v10H2zM2 6.5h12M2 9.5h12M6 3v10',
    action: 'M2.5 8.5l3 3 8-8',
  };
  const colors: Record<OutlineItem['kind'], string> = {
    heading: 'tv-muted', goal: 'tv-info-fg', 'stage-matrix': 'tv-warning-fg', action: 'tv-muted',
  };
  return <svg className={`tv-svg ${colors[props.kind]}`} viewBox="0 0 16 16" aria-hidden="true"><path d={paths[props.kind]} /></svg>;
}

export function OutlineList(props: { content: PlanContent | null; planTitle: string; onReveal: (item: OutlineItem) => void }) {
  const items = useMemo(() => (props.content ? buildOutline(props.content) : []), [props.content]);
  const keyOf = (i: OutlineItem) => i.path.join('.');
  const nav = useListNavigation(items, keyOf, { onOpen: props.onReveal });
  if (!props.content) return <p className="tv-empty">Open a plan to see its outline.</p>;
  if (items.length === 0) return <p className="tv-empty">This plan has no headings or structured blocks yet.</p>;
  const minLevel = Math.min(...items.map((i) => i.level));
  return (
    <NavList listId={LIST_ID} label={`Outline of ${props.planTitle}`} nav={nav}>
      {items.map((item) => (
        <li
          key={keyOf(item)}
          id={rowDomId(LIST_ID, keyOf(item))}
          role="treeitem"
          aria-label={item.title}
          aria-level={item.level - minLevel + 1}
          aria-selected={false}
          aria-description={KIND_LABEL[item.kind]}
          title={`${KIND_LABEL[item.kind]}: ${item.title}`}
          className={`tv-row${nav.focusedKey === keyOf(item) ? ' tv-focused' : ''}`}
          style={{ paddingLeft: 12 + (item.level - minLevel) * 12 }}
          onClick={() => { nav.setFocusedKey(keyOf(item)); props.onReveal(item); }}
        >
          <KindIcon kind={item.kind} />
          <span className="tv-label">{item.title}</span>
        </li>
      ))}
    </NavList>
  );
}

export function OutlineView() {
  const wb = useWorkbench();
  // Deferred: opening a plan paints its text first; a large plan's outline follows in the background.
  const planId = useDeferredValue(wb.activePlanId);
  const snapshot = wb.snapshots.find((s) => s.meta.id === planId) ?? null;
  return (
    <div className="tv-view">
      <OutlineList
        content={snapshot?.content ?? null}
        planTitle={snapshot?.meta.title ?? ''}
        onReveal={(item) => {
          if (planId) void wb.openPlan(planId, item.blockId ? { revealBlockId: item.blockId } : { revealPath: item.path });
        }}
      />
    </div>
  );
}
