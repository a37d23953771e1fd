/**
 * The native application menu. Every item that is a Tandem command sends its command id to the
 * focused window ('command.run'); the workbench runs it exactly as from the palette or a shortcut.
 * Labels and shortcuts come from the command manifest (shared/commands/manifest.ts); this file only
 * places them. Only the platform's own roles (clipboard, window, quit) are handled natively.
 */
import { type MenuItemConstructorOptions } from 'electron';
import { COMMANDS, menuAccelerator, type CommandId, type CommandInfo } from '../../shared/commands/manifest';

/** The commands of the manifest that have a place in the native menu. */
export type MenuCommandId = { [K in CommandId]: (typeof COMMANDS)[K] extends { menu: string } ? K : never }[CommandId];

/** Every command id the menu sends; the workbench registers each of them (see docs/desktop.md). */
export const MENU_COMMAND_IDS = (Object.keys(COMMANDS) as CommandId[]).filter((id): id is MenuCommandId => 'menu' in COMMANDS[id]);

export type MenuOptions = {
  platform: NodeJS.Platform;
  /** Development builds get the developer tools item. */
  devTools: boolean;
  run: (commandId: MenuCommandId) => void;
};

function accelerated(commandId: MenuCommandId): string | undefined {
  const binding = (COMMANDS[commandId] as CommandInfo).keybinding;
  return binding && menuAccelerator(binding);
}

const label = (commandId: MenuCommandId): string => (COMMANDS[commandId] as CommandInfo).menu!;

export function applicationMenuTemplate({ platform, devTools, run }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  /** A command item: its label and shortcut as the manifest gives them (the workbench binds the same key). */
  const cmd = (commandId: MenuCommandId): MenuItemConstructorOptions =>
    ({ label: label(commandId), accelerator: accelerated(commandId), click: () => run(commandId) });
  /** Shows the shortcut but leaves the key to the page: text fields and the editor undo their own typing. */
  const shown = (commandId: MenuCommandId, accelerator: string): MenuItemConstructorOptions =>
    ({ ...cmd(commandId), accelerator, registerAccelerator: false });
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        cmd('plan.new'),
        cmd('workspace.openFolder'),
        sep,
        cmd('plan.rename'),
        cmd('plan.duplicate'),
        cmd('plan.delete'),
        sep,
        cmd('editions.save'),
        cmd('editions.compare'),
        cmd('plan.startNextCycle'),
        sep,
        cmd('plan.importActuals'),
        cmd('review.open'),
        sep,
        cmd('plan.exportPdf'),
        cmd('plan.exportWord'),
        cmd('plan.exportMarkdown'),
        sep,
        ...(mac ? [] : [cmd('workbench.openSettings'), sep]),
        cmd('workbench.reopenClosedEditor'),
        cmd('workbench.closeEditor'),
        ...(mac ? [] : [sep, { role: 'quit' } as MenuItemConstructorOptions]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        shown('edit.undo', 'CmdOrCtrl+Z'),
        shown('edit.redo', mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        sep,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        sep,
        cmd('workbench.search'),
      ],
    },
    {
      label: '&Insert',
      submenu: [
        cmd('editor.insertGoal'),
        cmd('editor.insertSubGoal'),
        cmd('editor.insertAction'),
        cmd('editor.insertStageMatrix'),
        sep,
        cmd('goal.cascade'),
        sep,
        cmd('comments.add'),
        cmd('comments.askForFeedback'),
      ],
    },
    {
      label: '&View',
      submenu: [
        cmd('workbench.commandPalette'),
        sep,
        cmd('workbench.view.explorer'),
        cmd('workbench.view.goals'),
        cmd('workbench.view.people'),
        sep,
        cmd('workbench.toggleSidebar'),
        cmd('workbench.togglePanel'),
        cmd('workbench.splitEditor'),
        sep,
        cmd('theme.toggle'),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
        ...(devTools ? [sep, { role: 'toggleDevTools' } as MenuItemConstructorOptions] : []),
      ],
    },
    {
      label: '&Go',
      submenu: [
        cmd('workbench.quickOpen'),
        cmd('goal.goTo'),
      ],
    },
    {
      label: '&Share',
      submenu: [
        cmd('sync.share'),
        cmd('sync.inviteColleague'),
        cmd('sync.stopSharing'),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [cmd('workbench.keyboardShortcuts')],
    },
  ];
  if (mac) {
    template.unshift({
      label: 'Tandem',
      submenu: [
        { role: 'about' },
        sep,
        cmd('workbench.openSettings'),
        sep,
        { role: 'services' },
        sep,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        sep,
        { role: 'quit' },
      ],
    });
  }
  return template;
}
