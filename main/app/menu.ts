/**
 * The native application menu. Every item that is a Tandem command sends its command id to the
 * focused window ('command.run'); the workbench runs it exactly as from the palette or a shortcut.
 * Only the platform's own roles (clipboard, window, quit) are handled natively.
 */
import { type MenuItemConstructorOptions } from 'electron';
import { keybindingFor, menuAccelerator } from '../../shared/commands/keybindings';

/** Every command id the menu sends; the workbench registers each of them (see docs/desktop.md). */
export const MENU_COMMAND_IDS = [
  'plan.new', 'workspace.openFolder', 'plan.rename', 'plan.duplicate', 'plan.delete', 'plan.exportMarkdown', 'plan.exportPdf', 'plan.exportWord',
  'workbench.openSettings', 'workbench.closeEditor', 'workbench.reopenClosedEditor',
  'edit.undo', 'edit.redo', 'workbench.search',
  'editor.insertGoal', 'editor.insertSubGoal', 'editor.insertAction', 'editor.insertStageMatrix',
  'workbench.commandPalette', 'workbench.view.explorer', 'workbench.view.goals', 'workbench.view.people',
  'workbench.toggleSidebar', 'workbench.togglePanel', 'workbench.splitEditor', 'theme.toggle',
  'workbench.quickOpen', 'goal.goTo', 'goal.cascade',
  'sync.share', 'sync.stopSharing', 'workbench.keyboardShortcuts',
] as const;
export type MenuCommandId = (typeof MENU_COMMAND_IDS)[number];

export type MenuOptions = {
  platform: NodeJS.Platform;
  /** Development builds get the developer tools item. */
  devTools: boolean;
  run: (commandId: MenuCommandId) => void;
};

function accelerated(commandId: MenuCommandId): string | undefined {
  const binding = keybindingFor(commandId);
  return binding && menuAccelerator(binding);
}

export function applicationMenuTemplate({ platform, devTools, run }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  /** A command item; its shortcut is the one the workbench binds (shared/commands/keybindings.ts). */
  const cmd = (label: string, commandId: MenuCommandId): MenuItemConstructorOptions =>
    ({ label, accelerator: accelerated(commandId), click: () => run(commandId) });
  /** Shows the shortcut but leaves the key to the page: text fields and the editor undo their own typing. */
  const shown = (label: string, commandId: MenuCommandId, accelerator: string): MenuItemConstructorOptions =>
    ({ ...cmd(label, commandId), accelerator, registerAccelerator: false });
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        cmd('New Plan…', 'plan.new'),
        cmd('Open Folder…', 'workspace.openFolder'),
        sep,
        cmd('Rename Plan…', 'plan.rename'),
        cmd('Duplicate Plan', 'plan.duplicate'),
        cmd('Delete Plan…', 'plan.delete'),
        sep,
        cmd('Export as PDF…', 'plan.exportPdf'),
        cmd('Export as Word…', 'plan.exportWord'),
        cmd('Export as Markdown…', 'plan.exportMarkdown'),
        sep,
        ...(mac ? [] : [cmd('Settings…', 'workbench.openSettings'), sep]),
        cmd('Reopen Closed Editor', 'workbench.reopenClosedEditor'),
        cmd('Close Editor', 'workbench.closeEditor'),
        ...(mac ? [] : [sep, { role: 'quit' } as MenuItemConstructorOptions]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        shown('Undo', 'edit.undo', 'CmdOrCtrl+Z'),
        shown('Redo', 'edit.redo', mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        sep,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        sep,
        cmd('Find in Workspace', 'workbench.search'),
      ],
    },
    {
      label: '&Insert',
      submenu: [
        cmd('Goal', 'editor.insertGoal'),
        cmd('Sub-goal', 'editor.insertSubGoal'),
        cmd('Action', 'editor.insertAction'),
        cmd('Track-Selling Stage Matrix', 'editor.insertStageMatrix'),
        sep,
        cmd('Cascade Goal to a Team…', 'goal.cascade'),
      ],
    },
    {
      label: '&View',
      submenu: [
        cmd('Command Palette…', 'workbench.commandPalette'),
        sep,
        cmd('Explorer', 'workbench.view.explorer'),
        cmd('Goals', 'workbench.view.goals'),
        cmd('People', 'workbench.view.people'),
        sep,
        cmd('Toggle Side Bar', 'workbench.toggleSidebar'),
        cmd('Toggle Problems Panel', 'workbench.togglePanel'),
        cmd('Split Editor', 'workbench.splitEditor'),
        sep,
        cmd('Toggle Light/Dark Theme', 'theme.toggle'),
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
        cmd('Go to Plan…', 'workbench.quickOpen'),
        cmd('Go to Goal…', 'goal.goTo'),
      ],
    },
    {
      label: '&Share',
      submenu: [
        cmd('Share Workspace on My Network…', 'sync.share'),
        cmd('Stop Sharing', 'sync.stopSharing'),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [cmd('Keyboard Shortcuts', 'workbench.keyboardShortcuts')],
    },
  ];
  if (mac) {
    template.unshift({
      label: 'Tandem',
      submenu: [
        { role: 'about' },
        sep,
        cmd('Settings…', 'workbench.openSettings'),
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
