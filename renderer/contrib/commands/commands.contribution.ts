/**
 * The workbench's commands: palette, quick open, shortcuts reference, insert blocks, cascade, export,
 * theme, folders and sync. Ids match the desktop's native menu (main/app/menu.ts).
 */
import { getCommands, registerCommand, runCommand, type CommandContext } from '../../platform/commands';
import { osPrefersDark, toggledTheme } from '../../workbench/theme';
import { cascadeGoal } from './cascade';
import { exportActivePlan } from './exportMarkdown';
import { registerInsertCommands } from './insertBlocks';
import { showCommandPalette, showKeyboardShortcuts } from './palette';
import { goToGoal, quickOpen } from './quickOpen';
import { openSyncSettings } from './settings';
import { shareWorkspace, stopSharing } from './share';

const hasWorkspace = ({ workbench }: CommandContext) => workbench.workspace !== null;
const hasPlan = ({ workbench }: CommandContext) => workbench.activePlanId !== null;

registerCommand({ id: 'workbench.commandPalette', title: 'Show All Commands', category: 'View', run: showCommandPalette });
registerCommand({ id: 'workbench.quickOpen', title: 'Go to Plan or Goal…', category: 'Go', when: hasWorkspace, run: quickOpen });
registerCommand({ id: 'goal.goTo', title: 'Go to Goal…', category: 'Go', when: hasWorkspace, run: goToGoal });
registerCommand({ id: 'workbench.keyboardShortcuts', title: 'Keyboard Shortcuts', category: 'Help', run: (ctx) => showKeyboardShortcuts(ctx) });
registerCommand({ id: 'goal.cascade', title: 'Cascade Goal to a Team…', category: 'Plan', when: hasWorkspace, run: cascadeGoal });
registerCommand({ id: 'plan.exportMarkdown', title: 'Export Plan as Markdown', category: 'Plan', when: hasPlan, run: exportActivePlan });
registerCommand({
  id: 'theme.toggle', title: 'Toggle Light/Dark Theme', category: 'Preferences',
  run: async ({ workbench }) => { await workbench.host.settings.update({ theme: toggledTheme(workbench.settings.theme, osPrefersDark()) }); },
});
registerCommand({
  id: 'theme.followSystem', title: 'Theme: Follow the Operating System', category: 'Preferences',
  when: ({ workbench }) => workbench.settings.theme !== 'system',
  run: async ({ workbench }) => { await workbench.host.settings.update({ theme: 'system' }); },
});
registerCommand({
  id: 'workspace.openFolder', title: 'Open Folder…', category: 'File',
  run: async ({ workbench }) => { await workbench.host.workspace.openFolder(undefined); },
});
registerCommand({ id: 'workbench.openSettings', title: 'Sync Settings (Server, Token, Name and Colour)…', category: 'Preferences', run: openSyncSettings });
registerCommand({ id: 'sync.share', title: 'Share Workspace on My Network…', category: 'Share', when: hasWorkspace, run: shareWorkspace });
registerCommand({ id: 'sync.stopSharing', title: 'Stop Sharing', category: 'Share', when: hasWorkspace, run: stopSharing });
registerInsertCommands();

/** The gear at the bottom of the activity bar: the few things people look for there. */
const MANAGE_ITEMS = ['workbench.commandPalette', 'workbench.keyboardShortcuts', 'workbench.openSettings', 'theme.toggle', 'workbench.createSampleWorkspace'];
registerCommand({
  id: 'workbench.manage', title: 'Manage', category: 'View',
  run: async ({ workbench }) => {
    const all = getCommands();
    const items = MANAGE_ITEMS.map((id) => all.find((c) => c.id === id)).filter((c) => c !== undefined).map((c) => ({ label: c.title, value: c.id }));
    const id = await workbench.pick(items, { placeholder: 'Manage' });
    if (id) await runCommand(id);
  },
});
