/**
 * The commands that drive the shell's own layout (side bar, panel, editor groups, views). The shell
 * registers them while it is mounted, with the layout actions they need.
 */
import { registerCommand } from '../platform/commands';
import { CONTAINERS } from './containers';
import { getViews, onViewsChanged, type ViewContainerId } from './views';

export type ShellControls = {
  toggleSideBar(): void;
  togglePanel(): void;
  showContainer(id: ViewContainerId): void;
  closeEditor(): void;
  reopenClosedEditor(): void;
  splitEditor(): void;
  hasOpenEditor(): boolean;
  canReopen(): boolean;
};

export const SHOW_VIEW_PREFIX = 'workbench.view.show.';

export function registerShellCommands(shell: ShellControls): () => void {
  const offs = [
    registerCommand({ id: 'workbench.toggleSidebar', title: 'Toggle Side Bar', category: 'View', run: shell.toggleSideBar }),
    registerCommand({ id: 'workbench.togglePanel', title: 'Toggle Panel', category: 'View', run: shell.togglePanel }),
    registerCommand({ id: 'workbench.closeEditor', title: 'Close Editor', category: 'View', when: shell.hasOpenEditor, run: shell.closeEditor }),
    registerCommand({ id: 'workbench.reopenClosedEditor', title: 'Reopen Closed Editor', category: 'View', when: shell.canReopen, run: shell.reopenClosedEditor }),
    registerCommand({ id: 'workbench.splitEditor', title: 'Split Editor', category: 'View', when: shell.hasOpenEditor, run: shell.splitEditor }),
    ...CONTAINERS.map((c) => registerCommand({
      id: c.commandId, title: `Show ${c.title}`, category: 'View', run: () => shell.showContainer(c.id),
    })),
  ];

  // One "Show <view>" command per registered view, kept in step with the view registry.
  let viewOffs: (() => void)[] = [];
  const syncViewCommands = () => {
    viewOffs.forEach((off) => off());
    // A view named like its container (People, Search) is what the container's command shows already.
    const containerTitles = new Set(CONTAINERS.map((c) => c.title));
    const views = [...CONTAINERS.flatMap((c) => getViews(c.id)), ...getViews('panel')].filter((v) => !containerTitles.has(v.title));
    viewOffs = views.map((v) => registerCommand({
      id: `${SHOW_VIEW_PREFIX}${v.id}`, title: `Show ${v.title}`, category: 'View',
      run: ({ workbench }) => workbench.showView(v.id),
    }));
  };
  syncViewCommands();
  const offViews = onViewsChanged(syncViewCommands);

  return () => {
    offViews();
    viewOffs.forEach((off) => off());
    offs.forEach((off) => off());
  };
}
