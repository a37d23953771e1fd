/**
 * The editor area: one or two groups side by side, each a strip of tabs (drag to reorder, middle
 * click or × to close, a dot while changes are not yet safe) above the active tab's editor. What a
 * tab shows comes from the editor registry (editorKinds.ts): a plan, or any kind a feature registers.
 */
import { useState, type ReactNode } from 'react';
import { type EditorGroup } from './editorGroups';
import { editorInputOf, getEditorKind, type EditorKind } from './editorKinds';
import { Icon } from './icons';
import { useComputed, useServices } from './services/services';

const TAB_MIME = 'application/x-tandem-tab';
const noNote = () => null;

export function EditorArea({ empty }: { empty: ReactNode }) {
  const { layout, editors } = useServices();
  const state = useComputed([layout.state], (l) => l.editors);
  const single = state.groups.length === 1 && state.groups[0]!.tabs.length === 0;
  if (single) return <div className="tandem-editor-area">{empty}</div>;
  const many = state.groups.length > 1;
  return (
    <div className="tandem-editor-area">
      {state.groups.map((g, gi) => (
        <div
          key={gi}
          className={`tandem-editor-group ${gi === state.activeGroup ? 'is-active' : ''}`}
          role="group"
          aria-label={many ? `Editor group ${gi + 1}` : 'Editor'}
          onFocusCapture={() => gi !== state.activeGroup && editors.focusGroup(gi)}
          onMouseDown={() => gi !== state.activeGroup && editors.focusGroup(gi)}
        >
          <TabStrip group={gi} tabs={g} many={many} />
          {g.active && getEditorKind(editorInputOf(g.active).kind)
            ? <EditorBody key={g.active} group={gi} tabKey={g.active} kind={getEditorKind(editorInputOf(g.active).kind)!} />
            : <div className="tandem-editor-body" />}
        </div>
      ))}
    </div>
  );
}

/** Keyed by its tab: the kind (and so the hooks it calls) never changes for one instance. */
function EditorBody({ group, tabKey, kind }: { group: number; tabKey: string; kind: EditorKind }) {
  const input = editorInputOf(tabKey);
  const title = kind.useTitle(input);
  return (
    <div className="tandem-editor-body" role="tabpanel" id={`editor-${group}-${tabKey}`} aria-label={title}>
      <kind.component input={input} group={group} />
    </div>
  );
}

function TabStrip({ group, tabs, many }: { group: number; tabs: EditorGroup; many: boolean }) {
  const { editors } = useServices();
  const [dragOver, setDragOver] = useState<number | null>(null);
  return (
    <div className="tandem-tabs" role="tablist" aria-label={many ? `Open plans, group ${group + 1}` : 'Open plans'}>
      {tabs.tabs.map((key, index) => {
        const kind = getEditorKind(editorInputOf(key).kind);
        if (!kind) return null;
        return (
          <Tab
            key={key}
            tabKey={key}
            kind={kind}
            active={tabs.active === key}
            controls={`editor-${group}-${key}`}
            dropBefore={dragOver === index}
            onSelect={() => editors.focusTab(group, key)}
            onClose={() => editors.closeTab(group, key)}
            onDragStart={(e) => {
              e.dataTransfer.setData(TAB_MIME, JSON.stringify({ group, key }));
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(e) => {
              if (!e.dataTransfer.types.includes(TAB_MIME)) return;
              e.preventDefault();
              setDragOver(index);
            }}
            onDragLeave={() => setDragOver(null)}
            onDrop={(e) => {
              setDragOver(null);
              const raw = e.dataTransfer.getData(TAB_MIME);
              if (!raw) return;
              const from = JSON.parse(raw) as { group: number; key: string };
              if (from.group === group) editors.moveTab(group, from.key, index);
            }}
          />
        );
      })}
    </div>
  );
}

type TabProps = {
  tabKey: string;
  kind: EditorKind;
  active: boolean;
  controls: string;
  dropBefore: boolean;
  onSelect(): void;
  onClose(): void;
  onDragStart(e: React.DragEvent): void;
  onDragOver(e: React.DragEvent): void;
  onDragLeave(): void;
  onDrop(e: React.DragEvent): void;
};

function Tab(p: TabProps) {
  const input = editorInputOf(p.tabKey);
  const title = p.kind.useTitle(input);
  const state = (p.kind.usePendingNote ?? noNote)(input);
  const pending = state !== null;
  return (
    <div
      className={`tandem-tab ${p.active ? 'is-active' : ''} ${pending ? 'is-pending' : ''} ${p.dropBefore ? 'is-drop-target' : ''}`}
      role="tab"
      aria-selected={p.active}
      aria-controls={p.controls}
      aria-label={state ? `${title}, ${state}` : title}
      tabIndex={p.active ? 0 : -1}
      title={state ? `${title} — ${state}` : title}
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
      <Icon name={p.kind.icon ?? 'file'} className="tandem-tab-icon" />
      <span className="tandem-tab-title">{title}</span>
      <span className="tandem-tab-actions">
        {pending && <span className="tandem-tab-dot" aria-hidden="true" />}
        <button
          type="button"
          className="tandem-tab-close"
          aria-label={`Close ${title}`}
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
