/**
 * The one row of every view's list or tree: its DOM id for aria-activedescendant, its ARIA state,
 * the focused-row frame, indentation, and click (focus the row, then act) and right-click.
 */
import { type MouseEvent, type ReactNode } from 'react';
import { LineIcon } from '../icons';
import { rowDomId, type ListNavigation } from './useListNavigation';

export type TreeRowProps = {
  listId: string;
  rowKey: string;
  nav: ListNavigation;
  /** The accessible name (the visible text when omitted). */
  label?: string;
  level?: number;
  /** Whether its children show; leave out for a row without children. */
  expanded?: boolean;
  selected?: boolean;
  description?: string;
  title?: string;
  /** Left padding in pixels (the depth of a tree row). */
  indent?: number;
  className?: string;
  role?: 'treeitem' | 'option';
  /** A row inside a list item that holds more than the row (an inline form). */
  as?: 'li' | 'div';
  onActivate: () => void;
  onContextMenu?: (e: MouseEvent) => void;
  onDoubleClick?: () => void;
  children: ReactNode;
};

export function TreeRow(p: TreeRowProps) {
  const Tag = p.as ?? 'li';
  return (
    <Tag
      id={rowDomId(p.listId, p.rowKey)}
      role={p.role ?? 'treeitem'}
      aria-label={p.label}
      aria-level={p.level}
      aria-expanded={p.expanded}
      aria-selected={p.selected ?? false}
      aria-description={p.description}
      title={p.title}
      className={`tv-row${p.className ? ` ${p.className}` : ''}${p.nav.focusedKey === p.rowKey ? ' tv-focused' : ''}`}
      style={p.indent === undefined ? undefined : { paddingLeft: p.indent }}
      onClick={() => { p.nav.setFocusedKey(p.rowKey); p.onActivate(); }}
      onContextMenu={p.onContextMenu && ((e: MouseEvent) => { e.preventDefault(); p.nav.setFocusedKey(p.rowKey); p.onContextMenu!(e); })}
      onDoubleClick={p.onDoubleClick}
    >
      {p.children}
    </Tag>
  );
}

/** The expand/collapse arrow of a tree row; an empty slot for a row without children. */
export function Twistie({ expanded, onToggle }: { expanded?: boolean; onToggle?: () => void }) {
  if (expanded === undefined) return <span className="tv-twistie" />;
  return (
    <span
      className={`tv-twistie${expanded ? ' is-open' : ''}`}
      aria-hidden="true"
      onClick={onToggle && ((e) => { e.stopPropagation(); onToggle(); })}
    >
      <LineIcon name="twistie" />
    </span>
  );
}
