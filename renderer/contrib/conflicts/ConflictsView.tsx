/**
 * Conflicts: every value of yours that a colleague's concurrent change replaced, across the
 * workspace's plans, until you restore it or keep theirs on its card. Click or Enter jumps there.
 */
import { useMemo } from 'react';
import { conflictRows, type ConflictRow } from '../../../shared/conflicts/conflictList';
import { thisDevice } from '../../collab/deviceId';
import { describeValue, FIELD_LABELS } from '../../editor/elements/ConflictNotices';
import { useWorkbench } from '../../workbench/WorkbenchContext';
import { NavList } from '../explorer/NavList';
import { rowDomId, useListNavigation } from '../explorer/useListNavigation';
import '../explorer/viewList.css';
import './conflicts.css';

const LIST_ID = 'conflicts';

const when = (iso: string) => new Date(iso).toLocaleString('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

export function ConflictsView() {
  const wb = useWorkbench();
  const rows = useMemo(() => conflictRows(wb.snapshots, thisDevice()), [wb.snapshots]);
  const peopleById = useMemo(() => new Map(wb.people.map((p) => [p.id, p])), [wb.people]);
  const reveal = (r: ConflictRow) => void wb.openPlan(r.planId, { revealBlockId: r.revealBlockId, revealPath: r.revealPath });
  const nav = useListNavigation(rows, (r) => r.id, { onOpen: reveal });
  if (rows.length === 0) return <div className="tv-view"><p className="tv-empty">None of your values has been replaced by a colleague’s change.</p></div>;
  return (
    <div className="tv-view tv-conflicts">
      <NavList listId={LIST_ID} label="Conflicts" role="listbox" nav={nav}>
        {rows.map((r) => {
          const field = FIELD_LABELS[r.field] ?? r.field;
          const text = `${r.by} replaced your ${field} ${describeValue(r.field, r.mine, peopleById)} with ${describeValue(r.field, r.theirs, peopleById)}`;
          return (
            <li key={r.id} id={rowDomId(LIST_ID, r.id)} role="option" aria-selected={false}
              aria-label={`${r.planTitle}, ${r.where}: ${text}, ${when(r.at)}`}
              className={`tv-row tv-conflict-row${nav.focusedKey === r.id ? ' tv-focused' : ''}`}
              onClick={() => { nav.setFocusedKey(r.id); reveal(r); }}>
              <span className="tv-label">
                <strong>{r.planTitle}</strong> · {r.where}: {r.by} replaced your {field}{' '}
                <strong>{describeValue(r.field, r.mine, peopleById)}</strong> with <strong>{describeValue(r.field, r.theirs, peopleById)}</strong>
              </span>
              <span className="tv-conflict-when">{when(r.at)}</span>
            </li>
          );
        })}
      </NavList>
    </div>
  );
}
