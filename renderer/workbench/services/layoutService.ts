/**
 * The layout service: side bar and panel (visibility, size, what they show) and the editor groups'
 * tabs, as one value that is saved per workspace on every change (layoutState.ts).
 */
import { type EditorGroupsState } from '../editorGroups';
import { clamp, saveLayout, PANEL_MAX, PANEL_MIN, SIDEBAR_MAX, SIDEBAR_MIN, type KeyValueStore, type Layout } from '../layoutState';
import { getView, type ViewContainerId } from '../views';
import { Value } from './observable';

export class LayoutService {
  readonly state: Value<Layout>;
  private readonly off: () => void;

  constructor(initial: Layout, store: KeyValueStore, workspaceId: string) {
    this.state = new Value(initial);
    const save = () => saveLayout(store, workspaceId, this.state.get());
    // Saved at once too: the layout it starts with may differ from the stored one (a deep-linked plan opened).
    save();
    this.off = this.state.subscribe(save);
  }

  private patch(f: (l: Layout) => Partial<Layout>): void {
    this.state.update((l) => ({ ...l, ...f(l) }));
  }

  toggleSideBar(): void { this.patch((l) => ({ sidebarVisible: !l.sidebarVisible })); }
  togglePanel(): void { this.patch((l) => ({ panelVisible: !l.panelVisible })); }
  closePanel(): void { this.patch(() => ({ panelVisible: false })); }
  showContainer(id: ViewContainerId): void { this.patch(() => ({ sidebarVisible: true, activeContainer: id })); }
  setPanelView(viewId: string): void { this.patch(() => ({ activePanelView: viewId })); }
  resizeSideBar(width: number): void { this.patch(() => ({ sidebarWidth: clamp(width, SIDEBAR_MIN, SIDEBAR_MAX) })); }
  resizePanel(height: number): void { this.patch(() => ({ panelHeight: clamp(height, PANEL_MIN, PANEL_MAX) })); }

  /** The activity bar's click: shows the container, or hides the side bar when it is showing already. */
  selectContainer(id: string): void {
    this.patch((l) => (l.sidebarVisible && l.activeContainer === id ? { sidebarVisible: false } : { sidebarVisible: true, activeContainer: id }));
  }

  /** Shows a registered view (its container or the panel) and gives it the keyboard. */
  showView(viewId: string): void {
    const view = getView(viewId);
    if (!view) return;
    if (view.container === 'panel') this.patch(() => ({ panelVisible: true, activePanelView: viewId }));
    else this.showContainer(view.container);
    setTimeout(() => {
      const el = document.getElementById(view.container === 'panel' ? `panel-view-${viewId}` : `view-${viewId}`);
      el?.scrollIntoView({ block: 'nearest' });
      el?.querySelector<HTMLElement>('[tabindex="0"], button, input, a[href], [role="tree"], [role="listbox"]')?.focus();
    }, 0);
  }

  updateEditors(f: (s: EditorGroupsState) => EditorGroupsState): void {
    this.state.update((l) => {
      const editors = f(l.editors);
      return editors === l.editors ? l : { ...l, editors };
    });
  }

  dispose(): void {
    this.off();
  }
}
