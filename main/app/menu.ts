/**
 * The native application menu. Every item that is a Tandem command sends its command id to the
 * focused window ('command.run'); the workbench runs it exactly as from the palette or a shortcut.
 * Only the platform's own roles (clipboard, window, quit) are handled natively.
 */
import { type MenuItemConstructorOptions } from 'electron';

/** Every command id the menu sends; the workbench registers each of them (see docs/desktop.md). */
export const MENU_COMMAND_IDS = [
  'plan.new', 'workspace.openFolder', 'plan.rename', 'plan.duplicate', 'plan.delete', 'plan.exportMarkdown',
  'workbench.closeEditor', 'edit.undo', 'edit.redo', 'workbench.search', 'workbench.commandPalette',
  'workbench.quickOpen', 'workbench.toggleSidebar', 'workbench.view.explorer', 'workbench.view.goals',
  'workbench.view.people', 'workbench.togglePanel', 'theme.toggle', 'sync.share', 'sync.stopSharing',
  'workbench.openSettings',
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
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        cmd('New Plan…', 'plan.new', 'CmdOrCtrl+N'),
        cmd('Open Folder…', 'workspace.openFolder', 'CmdOrCtrl+O'),
        sep,
        cmd('Rename Plan…', 'plan.rename', 'F2'),
        cmd('Duplicate Plan', 'plan.duplicate'),
        cmd('Delete Plan', 'plan.delete'),
        sep,
        cmd('Export as Markdown…', 'plan.exportMarkdown', 'CmdOrCtrl+Shift+E'),
        sep,
        ...(mac ? [] : [cmd('Settings', 'workbench.openSettings', 'CmdOrCtrl+,'), sep]),
        cmd('Close Editor', 'workbench.closeEditor', 'CmdOrCtrl+W'),
        ...(mac ? [] : [sep, { role: 'quit' } as MenuItemConstructorOptions]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        cmd('Undo', 'edit.undo', 'CmdOrCtrl+Z'),
        cmd('Redo', 'edit.redo', mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
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
      label: '&View',
      submenu: [
        cmd('Command Palette…', 'workbench.commandPalette', 'CmdOrCtrl+Shift+P'),
        cmd('Go to Plan…', 'workbench.quickOpen', 'CmdOrCtrl+P'),
        sep,
        cmd('Explorer', 'workbench.view.explorer', 'CmdOrCtrl+Shift+X'),
        cmd('Goal Tree', 'workbench.view.goals', 'CmdOrCtrl+Shift+G'),
        cmd('People', 'workbench.view.people'),
        cmd('Toggle Side Bar', 'workbench.toggleSidebar', 'CmdOrCtrl+B'),
        cmd('Toggle Problems Panel', 'workbench.togglePanel', 'CmdOrCtrl+J'),
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
      label: '&Share',
      submenu: [
        cmd('Share Workspace on My Network…', 'sync.share'),
        cmd('Stop Sharing', 'sync.stopSharing'),
      ],
    },
    { role: 'windowMenu' },
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
