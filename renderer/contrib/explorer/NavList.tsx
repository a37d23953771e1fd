/**
 * The list element every side bar view and the Problems panel share, and the collapsible plan
 * header row that groups results by plan: one place for their ARIA wiring and keyboard focus.
 */
import { type ReactNode } from 'react';
import { rowDomId, type ListNavigation } from './useListNavigation';

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
  const { nav } = props;
  return (
    <li
      id={rowDomId(props.listId, props.rowKey)}
      role="treeitem"
      aria-level={1}
      aria-expanded={props.expanded}
      aria-selected={false}
      aria-label={`${props.planTitle}, ${props.count} ${props.count === 1 ? props.noun[0] : props.noun[1]}`}
      className={`tv-row${nav.focusedKey === props.rowKey ? ' tv-focused' : ''}`}
      style={{ paddingLeft: 4 }}
      onClick={() => { nav.setFocusedKey(props.rowKey); props.onToggle(); }}
    >
      <span className="tv-twistie" aria-hidden="true">
        <svg className="tv-svg" viewBox="0 0 16 16" style={{ transform: props.expanded ? 'rotate(90deg)' : undefined }}><path d="M6 4l4 4-4 4" /></svg>
      </span>
      <strong className="tv-label">{props.planTitle}</strong>
      <span className="tv-badge">{props.count}</span>
    </li>
  );
}
