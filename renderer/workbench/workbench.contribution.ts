/**
 * What the workbench itself contributes: the commands that drive its layout (side bar, panel, editor
 * groups, one "Show <view>" per registered view), the plan editor, and its status bar entries.
 */
import { registerCommand } from '../platform/commands';
import { CONTAINERS } from './containers';
import { planEditorKind } from './EditorPane';
import { registerEditorKind } from './editorKinds';
import { registerStatusBarItem } from './statusBarItems';
import { ConnectionItem, PeersItem, PeriodItem, SaveStateItem } from './syncStatusItems';
import { getViews, views } from './views';

export const SHOW_VIEW_PREFIX = 'workbench.view.show.';

registerCommand({ id: 'workbench.toggleSidebar', run: ({ layout }) => layout.toggleSideBar() });
registerCommand({ id: 'workbench.togglePanel', run: ({ layout }) => layout.togglePanel() });
registerCommand({
  id: 'workbench.closeEditor',
  when: ({ editors }) => editors.hasOpenEditor(), run: ({ editors }) => editors.closeActive(),
});
registerCommand({
  id: 'workbench.reopenClosedEditor',
  when: ({ editors }) => editors.canReopen(), run: ({ editors }) => editors.reopenClosed(),
});
registerCommand({
  id: 'workbench.splitEditor',
  when: ({ editors }) => editors.hasOpenEditor(), run: ({ editors }) => editors.split(),
});
for (const c of CONTAINERS) {
  registerCommand({ id: c.commandId, run: ({ layout }) => layout.showContainer(c.id) });
}

// One "Show <view>" command per registered view, kept in step with the view registry.
let viewCommands: (() => void)[] = [];
function syncViewCommands(): void {
  viewCommands.forEach((off) => off());
  // A view named like its container (People, Search) is what the container's command shows already.
  const containerTitles = new Set(CONTAINERS.map((c) => c.title));
  const shown = [...CONTAINERS.flatMap((c) => getViews(c.id)), ...getViews('panel')].filter((v) => !containerTitles.has(v.title));
  viewCommands = shown.map((v) => registerCommand({
    id: `${SHOW_VIEW_PREFIX}${v.id}`, title: `Show ${v.title}`, category: 'View', run: ({ layout }) => layout.showView(v.id),
  }));
}
syncViewCommands();
views.subscribe(syncViewCommands);

registerEditorKind(planEditorKind);

registerStatusBarItem({ id: 'workbench.connection', alignment: 'left', order: 10, component: ConnectionItem });
registerStatusBarItem({ id: 'workbench.saveState', alignment: 'left', order: 20, component: SaveStateItem });
registerStatusBarItem({ id: 'workbench.peers', alignment: 'right', order: 10, component: PeersItem });
registerStatusBarItem({ id: 'workbench.period', alignment: 'right', order: 20, component: PeriodItem });
