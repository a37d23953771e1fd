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
import { copyInviteLink, currentInvite, inviteColleague, shareWorkspace, stopSharing } from './share';

registerCommand({ id: 'workbench.commandPalette', run: showCommandPalette });
registerCommand({ id: 'workbench.quickOpen', run: quickOpen });
registerCommand({ id: 'goal.goTo', run: goToGoal });
registerCommand({ id: 'workbench.keyboardShortcuts', run: (ctx) => showKeyboardShortcuts(ctx) });
registerCommand({ id: 'goal.cascade', run: cascadeGoal });
registerCommand({
  id: 'theme.toggle',
  run: async ({ host, model }) => { await host.settings.update({ theme: toggledTheme(model.settings.get().theme, osPrefersDark()) }); },
});
registerCommand({
  id: 'theme.followSystem',
  when: ({ model }) => model.settings.get().theme !== 'system',
  run: async ({ host }) => { await host.settings.update({ theme: 'system' }); },
});
registerCommand({
  id: 'workspace.openFolder',
  run: async ({ host }) => { await host.workspace.openFolder(undefined); },
});
registerCommand({ id: 'workbench.openSettings', run: openSyncSettings });
registerCommand({ id: 'sync.share', run: shareWorkspace });
registerCommand({ id: 'sync.stopSharing', run: stopSharing });
registerCommand({ id: 'sync.copyInviteLink', when: () => currentInvite() !== null, run: copyInviteLink });
registerCommand({ id: 'sync.inviteColleague', run: inviteColleague });
registerInsertCommands();

/** The gear at the bottom of the activity bar: the few things people look for there. */
const MANAGE_ITEMS = ['workbench.commandPalette', 'workbench.keyboardShortcuts', 'workbench.openSettings', 'theme.toggle', 'workbench.createSampleWorkspace'];
registerCommand({
  id: 'workbench.manage',
  run: async ({ quickInput }) => {
    const all = getCommands();
    const items = MANAGE_ITEMS.map((id) => all.find((c) => c.id === id)).filter((c) => c !== undefined).map((c) => ({ label: c.title, value: c.id }));
    const id = await quickInput.pick(items, { placeholder: 'Manage' });
    if (id) await runCommand(id);
  },
});
