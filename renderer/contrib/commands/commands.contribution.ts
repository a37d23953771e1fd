/**
 * The workbench's commands: palette, quick open, shortcuts reference, insert blocks, cascade,
 * theme, folders, sync and sharing. Ids match the desktop's native menu (main/app/menu.ts).
 */
import { getCommands, registerCommand, runCommand } from '../../platform/commands';
import { osPrefersDark, toggledTheme } from '../../workbench/theme';
import { cascadeGoal } from './cascade';
import { registerInsertCommands } from './insertBlocks';
import { showCommandPalette, showKeyboardShortcuts } from './palette';
import { goToGoal, quickOpen } from './quickOpen';
import { openSyncSettings } from './settings';
import { copyInviteLink, currentInvite, shareWorkspace, stopSharing } from './share';

registerCommand({ id: 'workbench.commandPalette', title: 'Show All Commands', category: 'View', run: showCommandPalette });
registerCommand({ id: 'workbench.quickOpen', title: 'Go to Plan or Goal…', category: 'Go', run: quickOpen });
registerCommand({ id: 'goal.goTo', title: 'Go to Goal…', category: 'Go', run: goToGoal });
registerCommand({ id: 'workbench.keyboardShortcuts', title: 'Keyboard Shortcuts', category: 'Help', run: (ctx) => showKeyboardShortcuts(ctx) });
registerCommand({ id: 'goal.cascade', title: 'Cascade Goal to a Team…', category: 'Plan', run: cascadeGoal });
registerCommand({
  id: 'theme.toggle', title: 'Toggle Light/Dark Theme', category: 'Preferences',
  run: async ({ host, model }) => { await host.settings.update({ theme: toggledTheme(model.settings.get().theme, osPrefersDark()) }); },
});
registerCommand({
  id: 'theme.followSystem', title: 'Theme: Follow the Operating System', category: 'Preferences',
  when: ({ model }) => model.settings.get().theme !== 'system',
  run: async ({ host }) => { await host.settings.update({ theme: 'system' }); },
});
registerCommand({
  id: 'workspace.openFolder', title: 'Open Folder…', category: 'File',
  run: async ({ host }) => { await host.workspace.openFolder(undefined); },
});
registerCommand({ id: 'workbench.openSettings', title: 'Sync Settings (Server, Token, Name and Colour)…', category: 'Preferences', run: openSyncSettings });
registerCommand({ id: 'sync.share', title: 'Share Workspace on My Network…', category: 'Share', run: shareWorkspace });
registerCommand({ id: 'sync.stopSharing', title: 'Stop Sharing', category: 'Share', run: stopSharing });
registerCommand({ id: 'sync.copyInviteLink', title: 'Copy Invite Link', category: 'Share', when: () => currentInvite() !== null, run: copyInviteLink });
registerInsertCommands();

/** The gear at the bottom of the activity bar: the few things people look for there. */
const MANAGE_ITEMS = ['workbench.commandPalette', 'workbench.keyboardShortcuts', 'workbench.openSettings', 'theme.toggle', 'workbench.createSampleWorkspace'];
registerCommand({
  id: 'workbench.manage', title: 'Manage', category: 'View',
  run: async ({ quickInput }) => {
    const all = getCommands();
    const items = MANAGE_ITEMS.map((id) => all.find((c) => c.id === id)).filter((c) => c !== undefined).map((c) => ({ label: c.title, value: c.id }));
    const id = await quickInput.pick(items, { placeholder: 'Manage' });
    if (id) await runCommand(id);
  },
});
