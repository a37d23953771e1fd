/** The outline of the active plan: headings with the goals, stage matrix and actions under them; click to jump. */
import { useDeferredValue, useMemo } from 'react';
import { buildOutline, type OutlineItem } from '../../../shared/derive/outline';
import { type PlanContent } from '../../../shared/model/elements';
import { LineIcon, type LineIconName } from '../../workbench/icons';
import { useComputed, useServices, useValue } from '../../workbench/services/services';
import { NavList } from '../../workbench/widgets/NavList';
import { revealTarget } from '../../workbench/widgets/revealTarget';
import { TreeRow } from '../../workbench/widgets/TreeRow';
import { useListNavigation } from '../../workbench/widgets/useListNavigation';

const LIST_ID = 'outline';

const KIND_LABEL: Record<OutlineItem['kind'], string> = {
  heading: 'Section', goal: 'Goal', 'stage-matrix': 'Stage matrix', action: 'Action',
};

const KIND_ICON: Record<OutlineItem['kind'], { icon: LineIconName; color: string }> = {
  heading: { icon: 'heading', color: 'tv-muted' },
  goal: { icon: 'goal', color: 'tv-info-fg' },
  'stage-matrix': { icon: 'stageMatrix', color: 'tv-warning-fg' },
  action: { icon: 'action', color: 'tv-muted' },
};

function KindIcon(props: { kind: OutlineItem['kind'] }) {
  const { icon, color } = KIND_ICON[props.kind];
  return <LineIcon name={icon} className={color} />;
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
        <TreeRow
          key={keyOf(item)}
          listId={LIST_ID}
          rowKey={keyOf(item)}
          nav={nav}
          label={item.title}
          level={item.level - minLevel + 1}
          description={KIND_LABEL[item.kind]}
          title={`${KIND_LABEL[item.kind]}: ${item.title}`}
          indent={12 + (item.level - minLevel) * 12}
          onActivate={() => props.onReveal(item)}
        >
          <KindIcon kind={item.kind} />
          <span className="tv-label">{item.title}</span>
        </TreeRow>
      ))}
    </NavList>
  );
}

export function OutlineView() {
  const { model, editors } = useServices();
  // Deferred: opening a plan paints its text first; a large plan's outline follows in the background.
  const planId = useDeferredValue(useValue(editors.activePlanId));
  // Only this plan's snapshot: another plan's new snapshot does not re-render the outline.
  const snapshot = useComputed([model.snapshots], (all) => all.find((s) => s.meta.id === planId) ?? null, [planId]);
  return (
    <div className="tv-view">
      <OutlineList
        content={snapshot?.content ?? null}
        planTitle={snapshot?.meta.title ?? ''}
        onReveal={(item) => {
          if (planId) editors.openPlan(planId, revealTarget({ blockId: item.blockId, path: item.path }));
        }}
      />
    </div>
  );
}
