/**
 * The editor area: one or two groups side by side, each a strip of tabs (drag to reorder, middle
 * click or × to close, a dot while changes are not yet safe) above the active plan's editor.
 */
import { useState, type ReactNode } from 'react';
import { type PlanSummary } from '../../shared/ipc/contract';
import { type CollabSession } from '../collab/collabSession';
import { type EditorGroupsState } from './editorGroups';
import { Icon } from './icons';
import { hasPendingChanges, useSyncStatus } from './useSyncStatus';

export type EditorAreaProps = {
  state: EditorGroupsState;
  plans: PlanSummary[];
  sessions: ReadonlyMap<string, CollabSession>;
  onFocusTab(group: number, planId: string): void;
  onCloseTab(group: number, planId: string): void;
  onMoveTab(group: number, planId: string, toIndex: number): void;
  onFocusGroup(group: number): void;
  renderEditor(group: number, planId: string, session: CollabSession): ReactNode;
  empty: ReactNode;
};

export function EditorArea(props: EditorAreaProps) {
  const { state } = props;
  const single = state.groups.length === 1 && state.groups[0]!.tabs.length === 0;
  if (single) return <div className="tandem-editor-area">{props.empty}</div>;
  return (
    <div className="tandem-editor-area">
      {state.groups.map((g, gi) => (
        <div
          key={gi}
          className={`tandem-editor-group ${gi === state.activeGroup ? 'is-active' : ''}`}
          role="group"
          aria-label={state.groups.length > 1 ? `Editor group ${gi + 1}` : 'Editor'}
          onFocusCapture={() => gi !== state.activeGroup && props.onFocusGroup(gi)}
          onMouseDown={() => gi !== state.activeGroup && props.onFocusGroup(gi)}
        >
          <TabStrip group={gi} {...props} />
          {g.active && props.sessions.get(g.active) ? (
            <div className="tandem-editor-body" role="tabpanel" id={`editor-${gi}-${g.active}`} aria-label={titleOf(props.plans, g.active)}>
              {props.renderEditor(gi, g.active, props.sessions.get(g.active)!)}
            </div>
          ) : (
            <div className="tandem-editor-body" />
          )}
        </div>
      ))}
    </div>
  );
}

const titleOf = (plans: PlanSummary[], planId: string) => plans.find((p) => p.id === planId)?.title ?? 'Plan';

function TabStrip(props: EditorAreaProps & { group: number }) {
  const g = props.state.groups[props.group]!;
  const [dragOver, setDragOver] = useState<number | null>(null);
  return (
    <div className="tandem-tabs" role="tablist" aria-label={props.state.groups.length > 1 ? `Open plans, group ${props.group + 1}` : 'Open plans'}>
      {g.tabs.map((planId, index) => (
        <Tab
          key={planId}
          title={titleOf(props.plans, planId)}
          active={g.active === planId}
          controls={`editor-${props.group}-${planId}`}
          session={props.sessions.get(planId)}
          dropBefore={dragOver === index}
          onSelect={() => props.onFocusTab(props.group, planId)}
          onClose={() => props.onCloseTab(props.group, planId)}
          onDragStart={(e) => {
            e.dataTransfer.setData('application/x-tandem-tab', JSON.stringify({ group: props.group, planId }));
            e.dataTransfer.effectAllowed = 'move';
          }}
          onDragOver={(e) => {
            if (!e.dataTransfer.types.includes('application/x-tandem-tab')) return;
            e.preventDefault();
            setDragOver(index);
          }}
          onDragLeave={() => setDragOver(null)}
          onDrop={(e) => {
            setDragOver(null);
            const raw = e.dataTransfer.getData('application/x-tandem-tab');
            if (!raw) return;
            const from = JSON.parse(raw) as { group: number; planId: string };
            if (from.group === props.group) props.onMoveTab(props.group, from.planId, index);
          }}
        />
      ))}
    </div>
  );
}

type TabProps = {
  title: string;
  active: boolean;
  controls: string;
  session: CollabSession | undefined;
  dropBefore: boolean;
  onSelect(): void;
  onClose(): void;
  onDragStart(e: React.DragEvent): void;
  onDragOver(e: React.DragEvent): void;
  onDragLeave(): void;
  onDrop(e: React.DragEvent): void;
};

function Tab(p: TabProps) {
  const status = useSyncStatus(p.session);
  const pending = hasPendingChanges(status);
  const state = status && !status.saved ? 'not saved yet' : pending ? 'changes not yet on the server' : null;
  return (
    <div
      className={`tandem-tab ${p.active ? 'is-active' : ''} ${pending ? 'is-pending' : ''} ${p.dropBefore ? 'is-drop-target' : ''}`}
      role="tab"
      aria-selected={p.active}
      aria-controls={p.controls}
      aria-label={state ? `${p.title}, ${state}` : p.title}
      tabIndex={p.active ? 0 : -1}
      title={state ? `${p.title} — ${state}` : p.title}
      draggable
      onClick={p.onSelect}
      onAuxClick={(e) => e.button === 1 && p.onClose()}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') p.onSelect();
      }}
      onDragStart={p.onDragStart}
      onDragOver={p.onDragOver}
      onDragLeave={p.onDragLeave}
      onDrop={p.onDrop}
    >
      <Icon name="file" className="tandem-tab-icon" />
      <span className="tandem-tab-title">{p.title}</span>
      <span className="tandem-tab-actions">
        {pending && <span className="tandem-tab-dot" aria-hidden="true" />}
        <button
          type="button"
          className="tandem-tab-close"
          aria-label={`Close ${p.title}`}
          title="Close (Ctrl+W)"
          tabIndex={-1}
          onClick={(e) => {
            e.stopPropagation();
            p.onClose();
          }}
        >
          <Icon name="close" />
        </button>
      </span>
    </div>
  );
}
