/**
 * The goal tree: every goal of the workspace as one cascade across plans, with owners, status and
 * rolled-up progress. Click or Enter jumps to the goal block; ←/→ collapse and expand; the filter
 * keeps matches in their cascade.
 */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { GOAL_STATUS_LABELS } from '../../../shared/model/elements';
import { type GoalNode } from '../../../shared/derive/goalTree';
import { type Person } from '../../../shared/model/people';
import { useWorkbench } from '../../workbench/WorkbenchContext';
import { ContextMenu } from '../explorer/ContextMenu';
import { newPlanFromTemplate } from '../explorer/planActions';
import { rowDomId, useListNavigation } from '../explorer/useListNavigation';
import { useCollapsed } from '../explorer/useCollapsed';
import { NavList } from '../explorer/NavList';
import { Avatar } from '../people/Avatar';
import { goalKey, ownerNames, progressExplained, progressPercent, visibleGoalRows, type GoalRow } from './goalTreeRows';
import '../explorer/viewList.css';
import './goalTree.css';

const LIST_ID = 'goal-tree';

function Twistie(props: { row: GoalRow; onToggle: () => void }) {
  if (!props.row.hasChildren) return <span className="tv-twistie" />;
  return (
    <span
      className="tv-twistie"
      aria-hidden="true"
      onClick={(e) => { e.stopPropagation(); props.onToggle(); }}
    >
      <svg className="tv-svg" viewBox="0 0 16 16" style={{ transform: props.row.expanded ? 'rotate(90deg)' : undefined }}>
        <path d="M6 4l4 4-4 4" />
      </svg>
    </span>
  );
}

function ProgressBar(props: { node: GoalNode }) {
  const pct = progressPercent(props.node.progress);
  return (
    <span className="tv-progress" title={progressExplained(props.node.progress)}>
      <span
        className="tv-progress-bar"
        role="progressbar"
        aria-label={`Progress of ${props.node.goal.title || 'Untitled goal'}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        aria-valuetext={pct === null ? 'not measurable yet' : `${pct}%`}
      >
        <span className="tv-progress-fill" style={{ width: `${pct ?? 0}%` }} />
      </span>
      <span className="tv-progress-value">{pct === null ? '—' : `${pct}%`}</span>
    </span>
  );
}

export type GoalTreeProps = {
  roots: GoalNode[];
  people: Person[];
  activePlanId: string | null;
  onReveal: (node: GoalNode) => void;
  /** Start a plan whose top goals support this goal (a team's cascade plan). */
  onCascade: (node: GoalNode) => void;
};

export function GoalTreePanel(props: GoalTreeProps) {
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter);
  const { collapsed, setCollapsed, toggle } = useCollapsed();
  const [menu, setMenu] = useState<{ x: number; y: number; node: GoalNode } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const rows = useMemo(
    () => visibleGoalRows(props.roots, { collapsed, filter: deferredFilter, people: props.people, activePlanId: props.activePlanId }),
    [props.roots, collapsed, deferredFilter, props.people, props.activePlanId],
  );
  const byId = useMemo(() => new Map(props.people.map((p) => [p.id, p])), [props.people]);
  const nav = useListNavigation(rows, (r) => r.key, {
    onOpen: (r) => props.onReveal(r.node),
    onKey: (e, r) => {
      if (e.key === 'ArrowRight' && r.hasChildren && !r.expanded) toggle(r.key, true);
      else if (e.key === 'ArrowLeft' && r.hasChildren && r.expanded) toggle(r.key, false);
      else return false;
      return true;
    },
  });
  const allKeys = () => {
    const keys: string[] = [];
    const walk = (n: GoalNode) => { if (n.children.length) keys.push(goalKey(n)); n.children.forEach(walk); };
    props.roots.forEach(walk);
    return keys;
  };

  return (
    <div className="tv-view">
      <div className="tv-toolbar">
        <input
          className="tv-input"
          type="search"
          aria-label="Filter goals"
          placeholder="Filter goals, owners, plans"
          value={filter}
          onKeyDown={nav.onInputKeyDown}
          onChange={(e) => setFilter(e.target.value)}
        />
        <button type="button" className="tv-icon-button" aria-label="Expand all goals" title="Expand All" onClick={() => setCollapsed(new Set())}>
          <svg className="tv-svg" viewBox="0 0 16 16" aria-hidden="true"><path d="M4 6l4 4 4-4" /></svg>
        </button>
        <button type="button" className="tv-icon-button" aria-label="Collapse all goals" title="Collapse All" onClick={() => setCollapsed(new Set(allKeys()))}>
          <svg className="tv-svg" viewBox="0 0 16 16" aria-hidden="true"><path d="M4 10l4-4 4 4" /></svg>
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="tv-empty">
          {props.roots.length === 0 ? 'No goals yet. Insert a goal in a plan and it shows here, in its cascade.' : `No goal matches “${deferredFilter.trim()}”.`}
        </p>
      ) : (
        <NavList listId={LIST_ID} label="Goal cascade" nav={nav}>
          {rows.map((row) => {
            const g = row.node.goal;
            const title = g.title.trim() || 'Untitled goal';
            const owners = ownerNames(row.node, byId);
            return (
              <li
                key={row.key}
                id={rowDomId(LIST_ID, row.key)}
                role="treeitem"
                aria-label={title}
                aria-level={row.depth + 1}
                aria-expanded={row.hasChildren ? row.expanded : undefined}
                aria-selected={false}
                aria-description={[
                  GOAL_STATUS_LABELS[g.status],
                  owners.length ? `owned by ${owners.join(', ')}` : 'no owner',
                  `in ${row.node.planTitle}`,
                  row.node.parentMissing ? 'its parent goal no longer exists' : '',
                  progressExplained(row.node.progress),
                ].filter(Boolean).join(', ')}
                className={`tv-row tv-goal-row${nav.focusedKey === row.key ? ' tv-focused' : ''}${row.matches ? '' : ' tv-dimmed'}`}
                style={{ paddingLeft: 4 + row.depth * 14 }}
                onClick={() => { nav.setFocusedKey(row.key); props.onReveal(row.node); }}
                onContextMenu={(e) => { e.preventDefault(); nav.setFocusedKey(row.key); setMenu({ x: e.clientX, y: e.clientY, node: row.node }); }}
              >
                <Twistie row={row} onToggle={() => toggle(row.key)} />
                <span className="tv-goal-body">
                  <span className="tv-goal-line">
                    <span className={`tv-status tv-status-${g.status}`} title={GOAL_STATUS_LABELS[g.status]} />
                    {(row.node.parentMissing || row.node.inCycle) && (
                      <span
                        className="tv-warning-fg tv-goal-warning"
                        role="img"
                        aria-label={row.node.inCycle ? 'Parent link loops back' : 'Parent goal missing'}
                        title={row.node.inCycle ? 'Its parent links loop back to itself' : 'It supports a goal that no longer exists'}
                      >
                        <svg className="tv-svg" viewBox="0 0 16 16" aria-hidden="true"><path d="M8 2l6.5 12h-13zM8 6.5v3.5M8 12v.01" /></svg>
                      </span>
                    )}
                    <span className="tv-label">{title}</span>
                    <span className="tv-avatars">
                      {g.owners.map((id, i) => <Avatar key={`${id}-${i}`} person={byId.get(id) ?? null} fallbackName={owners[i]} size={16} />)}
                    </span>
                  </span>
                  {(row.node.progress.ratio !== null || row.showsPlan) && (
                    <span className="tv-goal-line tv-goal-meta">
                      {row.node.progress.ratio !== null && <ProgressBar node={row.node} />}
                      {row.showsPlan && <span className="tv-plan-tag" title={`In ${row.node.planTitle}`}>{row.node.planTitle}</span>}
                    </span>
                  )}
                </span>
              </li>
            );
          })}
        </NavList>
      )}
      {menu && (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          label={`Actions for ${menu.node.goal.title.trim() || 'Untitled goal'}`}
          onClose={closeMenu}
          items={[
            { label: 'Go to Goal', run: () => props.onReveal(menu.node) },
            { label: 'New Plan Under This Goal…', run: () => props.onCascade(menu.node) },
          ]}
        />
      )}
    </div>
  );
}

export function GoalTreeView() {
  const wb = useWorkbench();
  return (
    <GoalTreePanel
      roots={wb.goalTree.roots}
      people={wb.people}
      activePlanId={wb.activePlanId}
      onReveal={(node) => void wb.openPlan(node.planId, { revealBlockId: node.goal.id })}
      onCascade={(node) => void newPlanFromTemplate(wb, { planId: node.planId, goalId: node.goal.id, goalTitle: node.goal.title.trim() || 'Untitled goal' })}
    />
  );
}
