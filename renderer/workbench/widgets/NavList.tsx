/**
 * The list element every side bar view and the Problems panel share, and the collapsible plan
 * header row that groups results by plan: one place for their ARIA wiring and keyboard focus.
 */
import { type ReactNode } from 'react';
import { TreeRow, Twistie } from './TreeRow';
import { rowDomId, type ListNavigation } from './useListNavigation';
import './viewList.css';

export function NavList(props: { listId: string; label: string; role?: 'tree' | 'listbox'; nav: ListNavigation; children: ReactNode }) {
  const { nav } = props;
  return (
    <ul
      className="tv-list"
      role={props.role ?? 'tree'}
      aria-label={props.label}
      tabIndex={0}
      aria-activedescendant={nav.focusedKey ? rowDomId(props.listId, nav.focusedKey) : undefined}
      onKeyDown={nav.onKeyDown}
      ref={nav.listRef}
    >
      {props.children}
    </ul>
  );
}

/** A plan's header row in a grouped tree: twistie, plan title and a count ("3 problems"). */
export function PlanGroupRow(props: {
  listId: string; rowKey: string; nav: ListNavigation;
  planTitle: string; count: number; noun: readonly [singular: string, plural: string];
  expanded: boolean; onToggle: () => void;
}) {
  return (
    <TreeRow
      listId={props.listId}
      rowKey={props.rowKey}
      nav={props.nav}
      level={1}
      expanded={props.expanded}
      label={`${props.planTitle}, ${props.count} ${props.count === 1 ? props.noun[0] : props.noun[1]}`}
      indent={4}
      onActivate={props.onToggle}
    >
      <Twistie expanded={props.expanded} />
      <strong className="tv-label">{props.planTitle}</strong>
      <span className="tv-badge">{props.count}</span>
    </TreeRow>
  );
}
