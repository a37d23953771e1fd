/**
 * The Editions view (in the Explorer, like VS Code's Timeline): the active plan's editions, newest
 * first, each with who saved it when and where its sign-off stands; click to open it read-only,
 * right-click to compare, ask for sign-off, approve or restore. A person asked to approve an edition
 * sees an Approve button on its row; readers (commenters, viewers) see no writing actions.
 */
import { useCallback, useMemo, useState, type MouseEvent } from 'react';
import { type EditionInfo } from '../../../shared/editions/editionsDoc';
import { awaitingApprovalFrom, editionSignoff } from '../../../shared/editions/planApproval';
import { type SignoffState } from '../../../shared/editions/signoff';
import { runFromUi } from './editionActions';
import { LineIcon } from '../../workbench/icons';
import { useComputed, useServices, useValue } from '../../workbench/services/services';
import { ContextMenu, type MenuItem } from '../../workbench/widgets/ContextMenu';
import { NavList } from '../../workbench/widgets/NavList';
import { TreeRow } from '../../workbench/widgets/TreeRow';
import { useListNavigation } from '../../workbench/widgets/useListNavigation';
import { planOfTab } from './editionRefs';
import { allEditions } from './editionsModel';
import { editionWhen, joinNames } from './editionWords';
import './editions.css';

const LIST_ID = 'editions';

/** The plan the view shows: the active plan, or the plan of the active edition or comparison. */
function useViewedPlan(): string | null {
  const { editors } = useServices();
  return useComputed([editors.activeInput], planOfTab);
}

/** A sign-off in a few words for a row: "Approved", "Waiting for Marc Dubois", "Asked: Ana, Marc". */
function signoffBadge(s: SignoffState | null): { text: string; tone: 'approved' | 'waiting' } | null {
  if (!s) return null;
  if (s.complete) return { text: 'Approved', tone: 'approved' };
  const waiting = s.asked.filter((x) => x.approvedAt === null).map((x) => x.name);
  return { text: `Waiting for ${joinNames(waiting)}`, tone: 'waiting' };
}

type Row = { edition: EditionInfo; signoff: SignoffState | null; mine: boolean };

export function EditionsView() {
  const wb = useServices();
  const { model, user } = wb;
  const planId = useViewedPlan();
  const people = useValue(model.people);
  const teams = useValue(model.teams);
  const planTitle = useComputed([model.plans], (ps) => ps.find((p) => p.id === planId)?.title ?? null, [planId]);
  const entry = useComputed([model.get(allEditions)], (all) => (planId ? all.get(planId) : undefined), [planId]);
  const rows = useMemo<Row[]>(() => {
    if (!entry) return [];
    const waiting = entry.readOnly ? null : awaitingApprovalFrom(entry.records, people, user.name);
    return [...entry.records.editions].reverse().map((edition) => ({
      edition,
      signoff: editionSignoff(entry.records, edition.id, people, teams),
      mine: waiting?.request.editionId === edition.id,
    }));
  }, [entry, people, teams, user.name]);
  const open = useCallback((r: Row) => planId && runFromUi(wb, 'editions.open', { planId, editionId: r.edition.id }), [planId, wb]);
  const nav = useListNavigation(rows, (r) => r.edition.id, { onOpen: open });
  const [menu, setMenu] = useState<{ x: number; y: number; row: Row } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);

  if (!planId || !planTitle) return <p className="tv-empty">Open a plan to see its editions.</p>;
  if (!entry?.loaded && rows.length === 0) return <p className="tv-empty" aria-busy="true">Loading editions…</p>;
  const writable = !entry!.readOnly;
  const run = (id: string, row?: Row) => runFromUi(wb, id, row ? { planId, editionId: row.edition.id } : { planId });
  const menuItems = (row: Row): MenuItem[] => {
    const index = entry!.records.editions.findIndex((e) => e.id === row.edition.id);
    const previous = index > 0 ? entry!.records.editions[index - 1] : undefined;
    return [
      { label: 'Open Edition', run: () => run('editions.open', row) },
      { label: 'Compare with Now', run: () => run('editions.compare', row) },
      ...(previous ? [{ label: `Compare with “${previous.name}”`, run: () => runFromUi(wb, 'editions.compareEditions', { planId, before: previous.id, after: row.edition.id }) }] : []),
      { label: 'Compare with…', run: () => run('editions.compareEditions', row) },
      ...(writable ? [
        'separator' as const,
        { label: 'Request Sign-off…', run: () => run('editions.requestSignoff', row) },
        { label: 'Approve', run: () => run('editions.approve', row) },
        'separator' as const,
        { label: 'Restore This Edition…', run: () => run('editions.restore', row) },
      ] : []),
    ];
  };
  const onContextMenu = (e: MouseEvent, row: Row) => setMenu({ x: e.clientX, y: e.clientY, row });

  return (
    <div className="tv-view ed-view">
      <div className="tv-toolbar">
        <span className="tv-grow ed-view-plan" title={planTitle}>{planTitle}</span>
        {writable && (
          <button type="button" className="tv-icon-button" aria-label="Save Edition…" title="Save Edition…" onClick={() => run('editions.save')}>
            <LineIcon name="add" />
          </button>
        )}
        <button type="button" className="tv-icon-button" aria-label="Compare with Edition…" title="Compare with Edition…" onClick={() => run('editions.compare')} disabled={rows.length === 0}>
          <LineIcon name="compare" />
        </button>
      </div>
      {rows.length === 0 ? (
        <div className="tv-empty">
          <p>No editions of this plan yet. An edition names the plan as it is now — a board draft, the approved plan — so you can compare with it, ask for sign-off and go back to it.</p>
          {writable && <button type="button" className="tv-button" onClick={() => run('editions.save')}>Save Edition…</button>}
        </div>
      ) : (
        <NavList listId={LIST_ID} label={`Editions of ${planTitle}`} nav={nav}>
          {rows.map((row) => {
            const badge = signoffBadge(row.signoff);
            return (
              <TreeRow
                key={row.edition.id}
                listId={LIST_ID}
                rowKey={row.edition.id}
                nav={nav}
                className="tv-tall ed-row"
                label={[row.edition.name, `saved by ${row.edition.author}, ${editionWhen(row.edition.createdAt)}`, badge?.text, row.mine ? 'you are asked to approve it' : null].filter(Boolean).join(', ')}
                title={`${row.edition.name} — saved by ${row.edition.author}, ${editionWhen(row.edition.createdAt)}`}
                indent={12}
                onActivate={() => open(row)}
                onContextMenu={(e) => onContextMenu(e, row)}
              >
                <LineIcon name="edition" className="ed-row-icon" />
                <span className="ed-row-text">
                  <span className="ed-row-name">{row.edition.name}</span>
                  <span className="ed-row-about">{row.edition.author} · {editionWhen(row.edition.createdAt)}</span>
                </span>
                {row.mine
                  ? (
                    <button type="button" className="tv-button ed-row-approve" onClick={(e) => { e.stopPropagation(); run('editions.approve', row); }}>
                      Approve
                    </button>
                  )
                  : badge && <span className={`ed-badge is-${badge.tone}`}>{badge.tone === 'approved' && <LineIcon name="action" />}{badge.text}</span>}
              </TreeRow>
            );
          })}
        </NavList>
      )}
      {menu && <ContextMenu x={menu.x} y={menu.y} label={`Actions for ${menu.row.edition.name}`} items={menuItems(menu.row)} onClose={closeMenu} />}
    </div>
  );
}
