/** The Explorer: the plans of the workspace. Click or Enter opens, F2 renames, Delete deletes, right-click for more. */
import { useCallback, useMemo, useState, type MouseEvent } from 'react';
import { type PlanSummary, type TemplateSummary } from '../../../shared/ipc/contract';
import { useServices, useValue } from '../../workbench/services/services';
import { ContextMenu, type MenuItem } from '../../workbench/widgets/ContextMenu';
import { LineIcon } from '../../workbench/icons';
import { NavList } from '../../workbench/widgets/NavList';
import { TreeRow } from '../../workbench/widgets/TreeRow';
import { useListNavigation } from '../../workbench/widgets/useListNavigation';
import { deletePlanConfirmed, duplicatePlanInteractive, newPlanFromTemplate, renamePlanInteractive } from './planActions';

export type PlanListProps = {
  plans: PlanSummary[];
  templates: TemplateSummary[];
  activePlanId: string | null;
  onOpen: (plan: PlanSummary, toSide?: boolean) => void;
  onNew: () => void;
  onRename: (plan: PlanSummary) => void;
  onDuplicate: (plan: PlanSummary) => void;
  onDelete: (plan: PlanSummary) => void;
};

const LIST_ID = 'explorer-plans';

export function PlanList(props: PlanListProps) {
  const { plans, activePlanId } = props;
  const sorted = useMemo(() => [...plans].sort((a, b) => a.title.localeCompare(b.title)), [plans]);
  const templateName = useMemo(() => new Map(props.templates.map((t) => [t.id, t.name])), [props.templates]);
  const [menu, setMenu] = useState<{ x: number; y: number; plan: PlanSummary } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const nav = useListNavigation(sorted, (p) => p.id, {
    onOpen: (p) => props.onOpen(p),
    onKey: (e, p) => {
      if (e.key === 'F2') props.onRename(p);
      else if (e.key === 'Delete' || (e.key === 'Backspace' && e.metaKey)) props.onDelete(p);
      else return false;
      return true;
    },
  });

  const openMenu = (e: MouseEvent, plan: PlanSummary) => {
    e.preventDefault();
    nav.setFocusedKey(plan.id);
    setMenu({ x: e.clientX, y: e.clientY, plan });
  };
  const menuItems = (plan: PlanSummary): MenuItem[] => [
    { label: 'Open', run: () => props.onOpen(plan) },
    { label: 'Open to the Side', run: () => props.onOpen(plan, true) },
    'separator',
    { label: 'Rename…', keybinding: 'F2', run: () => props.onRename(plan) },
    { label: 'Duplicate', run: () => props.onDuplicate(plan) },
    'separator',
    { label: 'Delete…', keybinding: 'Delete', run: () => props.onDelete(plan) },
  ];

  return (
    <div className="tv-view">
      <div className="tv-toolbar">
        <span className="tv-grow tv-muted">{plans.length === 1 ? '1 plan' : `${plans.length} plans`}</span>
        <button type="button" className="tv-icon-button" aria-label="New plan from template" title="New Plan from Template…" onClick={props.onNew}>
          <LineIcon name="add" />
        </button>
      </div>
      {sorted.length === 0 ? (
        <div className="tv-empty">
          <p>This workspace has no plans yet.</p>
          <button type="button" className="tv-button" onClick={props.onNew}>New plan from a template</button>
        </div>
      ) : (
        <NavList listId={LIST_ID} label="Plans" nav={nav}>
          {sorted.map((plan) => (
            <TreeRow
              key={plan.id}
              listId={LIST_ID}
              rowKey={plan.id}
              nav={nav}
              label={plan.title}
              selected={plan.id === activePlanId}
              indent={12}
              title={`${plan.title} — ${templateName.get(plan.templateId) ?? 'plan'}`}
              onActivate={() => props.onOpen(plan)}
              onContextMenu={(e) => openMenu(e, plan)}
            >
              <LineIcon name="plan" />
              <span className="tv-label">{plan.title}</span>
              <span className="tv-description">{templateName.get(plan.templateId) ?? ''}</span>
            </TreeRow>
          ))}
        </NavList>
      )}
      {menu && <ContextMenu x={menu.x} y={menu.y} label={`Actions for ${menu.plan.title}`} items={menuItems(menu.plan)} onClose={closeMenu} />}
    </div>
  );
}

export function ExplorerView() {
  const wb = useServices();
  return (
    <PlanList
      plans={useValue(wb.model.plans)}
      templates={wb.templates}
      activePlanId={useValue(wb.editors.activePlanId)}
      onOpen={(plan, toSide) => wb.editors.openPlan(plan.id, toSide ? { toSide } : undefined)}
      onNew={() => void newPlanFromTemplate(wb)}
      onRename={(plan) => void renamePlanInteractive(wb, plan)}
      onDuplicate={(plan) => void duplicatePlanInteractive(wb, plan)}
      onDelete={(plan) => void deletePlanConfirmed(wb, plan)}
    />
  );
}
