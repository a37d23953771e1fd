/**
 * The Problems panel: what is missing or does not line up in the workspace's plans, grouped by plan,
 * most severe first, live as people type. Click or Enter jumps to the block.
 */
import { useMemo, useState } from 'react';
import { type Problem, type ProblemSeverity } from '../../../shared/derive/problems';
import { LineIcon } from '../../workbench/icons';
import { useDerived, useServices, useValue } from '../../workbench/services/services';
import { NavList, PlanGroupRow } from '../../workbench/widgets/NavList';
import { revealTarget } from '../../workbench/widgets/revealTarget';
import { TreeRow } from '../../workbench/widgets/TreeRow';
import { useCollapsed } from '../../workbench/widgets/useCollapsed';
import { useListNavigation } from '../../workbench/widgets/useListNavigation';
import { problems } from './problemsModel';
import { countBySeverity, describeCounts, groupProblems } from './problemGroups';
import './problems.css';

const LIST_ID = 'problems';
const SEVERITY_NAME: Record<ProblemSeverity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

export function SeverityIcon(props: { severity: ProblemSeverity }) {
  return <LineIcon name={props.severity} className={`tv-${props.severity}-fg`} label={SEVERITY_NAME[props.severity]} />;
}

/** Rows shown per plan until the user asks for the rest: a huge plan's problems never slow typing down. */
export const PROBLEMS_SHOWN_PER_PLAN = 100;

type Row =
  | { kind: 'plan'; key: string; planId: string; planTitle: string; count: number }
  | { kind: 'problem'; key: string; problem: Problem }
  | { kind: 'more'; key: string; planId: string; hidden: number };

export function ProblemsList(props: { problems: Problem[]; loading?: boolean; onReveal: (p: Problem) => void }) {
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
    <div className="tv-view tv-problems" aria-busy={props.loading ?? false}>
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
            <TreeRow key={row.key} listId={LIST_ID} rowKey={row.key} nav={nav} level={2} className="tv-info-fg" indent={48} onActivate={() => showRest(row.planId)}>
              Show {row.hidden.toLocaleString('en-US')} more
            </TreeRow>
          ) : (
            <TreeRow
              key={row.key}
              listId={LIST_ID}
              rowKey={row.key}
              nav={nav}
              level={2}
              label={`${SEVERITY_NAME[row.problem.severity]}: ${row.problem.message}`}
              indent={26}
              title={row.problem.message}
              onActivate={() => props.onReveal(row.problem)}
            >
              <SeverityIcon severity={row.problem.severity} />
              <span className="tv-label">{row.problem.message}</span>
            </TreeRow>
          ))}
        </NavList>
      )}
    </div>
  );
}

export function ProblemsView() {
  const { model, editors } = useServices();
  return (
    <ProblemsList
      problems={useDerived(problems)}
      loading={useValue(model.loading)}
      onReveal={(p) => editors.openPlan(p.planId, revealTarget(p))}
    />
  );
}
