/**
 * The native application menu. Every item that is a Tandem command sends its command id to the
 * focused window ('command.run'); the workbench runs it exactly as from the palette or a shortcut.
 * Only the platform's own roles (clipboard, window, quit) are handled natively.
 */
import { type MenuItemConstructorOptions } from 'electron';

/** Every command id the menu sends; the workbench registers each of them (see docs/desktop.md). */
export const MENU_COMMAND_IDS = [
  'plan.new', 'workspace.openFolder', 'plan.rename', 'plan.duplicate', 'plan.delete', 'plan.exportMarkdown',
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

export function applicationMenuTemplate({ platform, devTools, run }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const cmd = (label: string, commandId: MenuCommandId, accelerator?: string): MenuItemConstructorOptions =>
    ({ label, accelerator, click: () => run(commandId) });
  /** Shows the shortcut but leaves the key to the page: text fields and the editor undo their own typing. */
  const shown = (label: string, commandId: MenuCommandId, accelerator: string): MenuItemConstructorOptions =>
    ({ ...cmd(label, commandId, accelerator), registerAccelerator: false });
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        cmd('New Plan…', 'plan.new', 'CmdOrCtrl+Alt+N'),
        cmd('Open Folder…', 'workspace.openFolder', 'CmdOrCtrl+O'),
        sep,
        cmd('Rename Plan…', 'plan.rename', 'F2'),
        cmd('Duplicate Plan', 'plan.duplicate'),
        cmd('Delete Plan…', 'plan.delete'),
        sep,
        cmd('Export as Markdown…', 'plan.exportMarkdown', 'CmdOrCtrl+Shift+E'),
        sep,
        ...(mac ? [] : [cmd('Settings…', 'workbench.openSettings', 'CmdOrCtrl+,'), sep]),
        cmd('Reopen Closed Editor', 'workbench.reopenClosedEditor', 'CmdOrCtrl+Shift+T'),
        cmd('Close Editor', 'workbench.closeEditor', 'CmdOrCtrl+W'),
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
        cmd('Find in Workspace', 'workbench.search', 'CmdOrCtrl+Shift+F'),
      ],
    },
    {
      label: '&Insert',
      submenu: [
        cmd('Goal', 'editor.insertGoal', 'CmdOrCtrl+Alt+G'),
        cmd('Sub-goal', 'editor.insertSubGoal', 'CmdOrCtrl+Alt+Shift+G'),
        cmd('Action', 'editor.insertAction', 'CmdOrCtrl+Alt+A'),
        cmd('Track-Selling Stage Matrix', 'editor.insertStageMatrix', 'CmdOrCtrl+Alt+M'),
        sep,
        cmd('Cascade Goal to a Team…', 'goal.cascade'),
      ],
    },
    {
      label: '&View',
      submenu: [
        cmd('Command Palette…', 'workbench.commandPalette', 'CmdOrCtrl+Shift+P'),
        sep,
        cmd('Explorer', 'workbench.view.explorer', 'CmdOrCtrl+Shift+X'),
        cmd('Goals', 'workbench.view.goals', 'CmdOrCtrl+Shift+G'),
        cmd('People', 'workbench.view.people', 'CmdOrCtrl+Shift+U'),
        sep,
        cmd('Toggle Side Bar', 'workbench.toggleSidebar', 'CmdOrCtrl+Alt+B'),
        cmd('Toggle Problems Panel', 'workbench.togglePanel', 'CmdOrCtrl+J'),
        cmd('Split Editor', 'workbench.splitEditor', 'CmdOrCtrl+\\'),
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
        cmd('Go to Plan…', 'workbench.quickOpen', 'CmdOrCtrl+P'),
        cmd('Go to Goal…', 'goal.goTo', 'CmdOrCtrl+Shift+O'),
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
        cmd('Settings…', 'workbench.openSettings', 'Cmd+,'),
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
