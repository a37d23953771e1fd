/**
 * Conflicts: every value of yours that a colleague's concurrent change replaced, across the
 * workspace's plans, until you restore it or keep theirs on its card. Click or Enter jumps there.
 */
import { useMemo } from 'react';
import { conflictRows, type ConflictRow } from '../../../shared/conflicts/conflictList';
import { thisDevice } from '../../collab/deviceId';
import { describeValue, FIELD_LABELS } from '../../editor/elements/ConflictNotices';
import { useServices, useValue } from '../../workbench/services/services';
import { NavList } from '../../workbench/widgets/NavList';
import { revealTarget } from '../../workbench/widgets/revealTarget';
import { TreeRow } from '../../workbench/widgets/TreeRow';
import { useListNavigation } from '../../workbench/widgets/useListNavigation';
import './conflicts.css';

const LIST_ID = 'conflicts';

const when = (iso: string) => new Date(iso).toLocaleString('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

export function ConflictsView() {
  const { model, editors } = useServices();
  const snapshots = useValue(model.snapshots);
  const people = useValue(model.people);
  const rows = useMemo(() => conflictRows(snapshots, thisDevice()), [snapshots]);
  const peopleById = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);
  const reveal = (r: ConflictRow) => editors.openPlan(r.planId, revealTarget({ blockId: r.revealBlockId, path: r.revealPath }));
  const nav = useListNavigation(rows, (r) => r.id, { onOpen: reveal });
  if (rows.length === 0) return <div className="tv-view"><p className="tv-empty">None of your values has been replaced by a colleague’s change.</p></div>;
  return (
    <div className="tv-view tv-conflicts">
      <NavList listId={LIST_ID} label="Conflicts" role="listbox" nav={nav}>
        {rows.map((r) => {
          const field = FIELD_LABELS[r.field] ?? r.field;
          const text = `${r.by} replaced your ${field} ${describeValue(r.field, r.mine, peopleById)} with ${describeValue(r.field, r.theirs, peopleById)}`;
          return (
            <TreeRow key={r.id} listId={LIST_ID} rowKey={r.id} nav={nav} role="option"
              label={`${r.planTitle}, ${r.where}: ${text}, ${when(r.at)}`}
              className="tv-conflict-row"
              onActivate={() => reveal(r)}>
              <span className="tv-label">
                <strong>{r.planTitle}</strong> · {r.where}: {r.by} replaced your {field}{' '}
                <strong>{describeValue(r.field, r.mine, peopleById)}</strong> with <strong>{describeValue(r.field, r.theirs, peopleById)}</strong>
              </span>
              <span className="tv-conflict-when">{when(r.at)}</span>
            </TreeRow>
          );
        })}
      </NavList>
    </div>
  );
}
