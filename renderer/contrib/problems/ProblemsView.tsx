/**
 * The Problems panel: what is missing or does not line up in the workspace's plans, grouped by plan,
 * most severe first, live as people type. Click or Enter jumps to the block.
 */
import { useMemo, useState } from 'react';
import { type Problem, type ProblemSeverity } from '../../../shared/derive/problems';
import { useWorkbench } from '../../workbench/WorkbenchContext';
import { rowDomId, useListNavigation } from '../explorer/useListNavigation';
import { useCollapsed } from '../explorer/useCollapsed';
import { NavList, PlanGroupRow } from '../explorer/NavList';
import { countBySeverity, describeCounts, groupProblems } from './problemGroups';
import '../explorer/viewList.css';
import './problems.css';

const LIST_ID = 'problems';
const SEVERITY_NAME: Record<ProblemSeverity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

export function SeverityIcon(props: { severity: ProblemSeverity }) {
  const path: Record<ProblemSeverity, string> = {
    error: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM5.7 5.7l4.6 4.6M10.3 5.7l-4.6 4.6',
    warning: 'M8 1.8l6.6 12H1.4zM8 6v3.6M8 11.8v.01',
    info: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM8 7.2V11.5M8 4.8v.01',
  };
  return (
    <svg className={`tv-svg tv-${props.severity}-fg`} viewBox="0 0 16 16" role="img" aria-label={SEVERITY_NAME[props.severity]}>
      <path d={path[props.severity]} />
    </svg>
  );
}

/** Rows shown per plan until the user asks for the rest: a huge plan's problems never slow typing down. */
export const PROBLEMS_SHOWN_PER_PLAN = 100;

type Row =
  | { kind: 'plan'; key: string; planId: string; planTitle: string; count: number }
  | { kind: 'problem'; key: string; problem: Problem }
  | { kind: 'more'; key: string; planId: string; hidden: number };

export function ProblemsList(props: { problems: Problem[]; onReveal: (p: Problem) => void }) {
  const { collapsed, toggle } = useCollapsed();
  const [showAll, setShowAll] = useState<ReadonlySet<string>>(new Set());
  const groups = useMemo(() => groupProblems(props.problems), [props.problems]);
  const counts = useMemo(() => countBySeverity(props.problems), [props.problems]);
  const rows = useMemo(() => groups.flatMap((g): Row[] => {
    const header: Row = { kind: 'plan', key: g.planId, planId: g.planId, planTitle: g.planTitle, count: g.problems.length };
    if (collapsed.has(g.planId)) return [header];
    const shown = showAll.has(g.planId) ? g.problems : g.problems.slice(0, PROBLEMS_SHOWN_PER_PLAN);
    const hidden = g.problems.length - shown.length;
    return [
      header,
      ...shown.map((problem, i): Row => ({ kind: 'problem', key: `${g.planId}:${i}`, problem })),
      ...(hidden > 0 ? [{ kind: 'more' as const, key: `${g.planId}:more`, planId: g.planId, hidden }] : []),
    ];
  }), [groups, collapsed, showAll]);
  const showRest = (planId: string) => setShowAll((prev) => new Set(prev).add(planId));
  const nav = useListNavigation(rows, (r) => r.key, {
    onOpen: (r) => (r.kind === 'plan' ? toggle(r.planId) : r.kind === 'more' ? showRest(r.planId) : props.onReveal(r.problem)),
    onKey: (e, r) => {
      if (r.kind !== 'plan' || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return false;
      toggle(r.planId, e.key === 'ArrowRight');
      return true;
    },
  });

  return (
    <div className="tv-view tv-problems">
      <div className="tv-problem-counts" role="status" aria-label={describeCounts(counts)}>
        {(['error', 'warning', 'info'] as const).map((s) => (
          <span key={s} className="tv-problem-count" title={`${counts[s]} ${SEVERITY_NAME[s].toLowerCase()}${counts[s] === 1 ? '' : 's'}`}>
            <SeverityIcon severity={s} /> {counts[s]}
          </span>
        ))}
      </div>
      {rows.length === 0 ? (
        <p className="tv-empty">No problems have been found in the workspace’s plans.</p>
      ) : (
        <NavList listId={LIST_ID} label="Problems" nav={nav}>
          {rows.map((row) => row.kind === 'plan' ? (
            <PlanGroupRow key={row.key} listId={LIST_ID} rowKey={row.key} nav={nav} planTitle={row.planTitle} count={row.count} noun={['problem', 'problems']} expanded={!collapsed.has(row.planId)} onToggle={() => toggle(row.planId)} />
          ) : row.kind === 'more' ? (
            <li
              key={row.key}
              id={rowDomId(LIST_ID, row.key)}
              role="treeitem"
              aria-level={2}
              aria-selected={false}
              className={`tv-row tv-info-fg${nav.focusedKey === row.key ? ' tv-focused' : ''}`}
              style={{ paddingLeft: 48 }}
              onClick={() => { nav.setFocusedKey(row.key); showRest(row.planId); }}
            >
              Show {row.hidden.toLocaleString('en-US')} more
            </li>
          ) : (
            <li
              key={row.key}
              id={rowDomId(LIST_ID, row.key)}
              role="treeitem"
              aria-level={2}
              aria-selected={false}
              aria-label={`${SEVERITY_NAME[row.problem.severity]}: ${row.problem.message}`}
              className={`tv-row${nav.focusedKey === row.key ? ' tv-focused' : ''}`}
              style={{ paddingLeft: 26 }}
              title={row.problem.message}
              onClick={() => { nav.setFocusedKey(row.key); props.onReveal(row.problem); }}
            >
              <SeverityIcon severity={row.problem.severity} />
              <span className="tv-label">{row.problem.message}</span>
            </li>
          ))}
        </NavList>
      )}
    </div>
  );
}

export function ProblemsView() {
  const wb = useWorkbench();
  return (
    <ProblemsList
      problems={wb.problems}
      onReveal={(p) => void wb.openPlan(
        p.planId,
        // A stage's problem points at the stage inside its matrix (the matrix's id as the fallback); other blocks are found by id.
        p.code === 'stage-missing-owner' || !p.blockId ? { revealPath: p.path, revealBlockId: p.blockId ?? undefined } : { revealBlockId: p.blockId },
      )}
    />
  );
}
