/**
 * The goal tree: every goal of the workspace as one cascade across plans, with owners, status and
 * rolled-up progress. Click or Enter jumps to the goal block; ←/→ collapse and expand; the filter
 * keeps matches in their cascade.
 */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { GOAL_STATUS_LABELS } from '../../../shared/model/elements';
import { type GoalNode } from '../../../shared/derive/goalTree';
import { type Person } from '../../../shared/model/people';
import { runCommand } from '../../platform/commands';
import { goalTree } from '../../workbench/derived';
import { LineIcon } from '../../workbench/icons';
import { useComputed, useDerived, useServices, useValue } from '../../workbench/services/services';
import { Avatar } from '../../workbench/widgets/Avatar';
import { ContextMenu } from '../../workbench/widgets/ContextMenu';
import { NavList } from '../../workbench/widgets/NavList';
import { revealTarget } from '../../workbench/widgets/revealTarget';
import { TreeRow, Twistie } from '../../workbench/widgets/TreeRow';
import { useCollapsed } from '../../workbench/widgets/useCollapsed';
import { useListNavigation } from '../../workbench/widgets/useListNavigation';
import { behindPace, goalKey, ownerNames, progressExplained, progressPercent, visibleGoalRows } from './goalTreeRows';
import './goalTree.css';

const LIST_ID = 'goal-tree';

function ProgressBar(props: { node: GoalNode; behind?: number }) {
  const pct = progressPercent(props.node.progress);
  const expected = props.behind === undefined ? null : Math.round(props.behind * 100);
  return (
    <span className={`tv-progress${expected !== null ? ' tv-behind' : ''}`} title={`${progressExplained(props.node.progress)}${expected !== null ? `; behind pace: ${expected}% expected by now` : ''}`}>
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
      {expected !== null && <span className="tv-behind-tag">behind pace</span>}
    </span>
  );
}

export type GoalTreeProps = {
  roots: GoalNode[];
  people: Person[];
  activePlanId: string | null;
  /** Goals behind their pace line (goalKey → the share of the way expected by now). */
  behind?: ReadonlyMap<string, number>;
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
          <LineIcon name="expandAll" />
        </button>
        <button type="button" className="tv-icon-button" aria-label="Collapse all goals" title="Collapse All" onClick={() => setCollapsed(new Set(allKeys()))}>
          <LineIcon name="collapseAll" />
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
              <TreeRow
                key={row.key}
                listId={LIST_ID}
                rowKey={row.key}
                nav={nav}
                label={title}
                level={row.depth + 1}
                expanded={row.hasChildren ? row.expanded : undefined}
                description={[
                  GOAL_STATUS_LABELS[g.status],
                  owners.length ? `owned by ${owners.join(', ')}` : 'no owner',
                  `in ${row.node.planTitle}`,
                  row.node.parentMissing ? 'its parent goal no longer exists' : '',
                  progressExplained(row.node.progress),
                  props.behind?.has(row.key) ? `behind pace, ${Math.round(props.behind.get(row.key)! * 100)}% expected by now` : '',
                ].filter(Boolean).join(', ')}
                className={`tv-goal-row${row.matches ? '' : ' tv-dimmed'}`}
                indent={4 + row.depth * 14}
                onActivate={() => props.onReveal(row.node)}
                onContextMenu={(e) => setMenu({ x: e.clientX, y: e.clientY, node: row.node })}
              >
                <Twistie expanded={row.hasChildren ? row.expanded : undefined} onToggle={() => toggle(row.key)} />
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
                        <LineIcon name="warning" />
                      </span>
                    )}
                    <span className="tv-label">{title}</span>
                    <span className="tv-avatars">
                      {g.owners.map((id, i) => <Avatar key={`${id}-${i}`} person={byId.get(id) ?? null} fallbackName={owners[i]} size={16} />)}
                    </span>
                  </span>
                  {(row.node.progress.ratio !== null || row.showsPlan) && (
                    <span className="tv-goal-line tv-goal-meta">
                      {row.node.progress.ratio !== null && <ProgressBar node={row.node} behind={props.behind?.get(row.key)} />}
                      {row.showsPlan && <span className="tv-plan-tag" title={`In ${row.node.planTitle}`}>{row.node.planTitle}</span>}
                    </span>
                  )}
                </span>
              </TreeRow>
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
  const { model, editors, notifications } = useServices();
  const roots = useDerived(goalTree).roots;
  const behind = useComputed([model.get(goalTree), model.snapshots, model.workspaceSettings, model.today],
    (tree, plans, settings, today) => behindPace(tree.roots, plans, today, settings.fiscalYearStartMonth));
  return (
    <GoalTreePanel
      roots={roots}
      behind={behind}
      people={useValue(model.people)}
      activePlanId={useValue(editors.activePlanId)}
      onReveal={(node) => editors.openPlan(node.planId, revealTarget({ blockId: node.goal.id }))}
      onCascade={(node) => void runCommand('plan.new', { planId: node.planId, goalId: node.goal.id, goalTitle: node.goal.title.trim() || 'Untitled goal' })
        .catch((err: unknown) => notifications.notify(String(err), 'error'))}
    />
  );
}
