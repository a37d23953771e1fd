/**
 * The default keyboard shortcut of every command that has one, by command id: the workbench binds
 * these keys and the desktop's native menu shows them, so the two cannot disagree. 'Mod' is Ctrl,
 * or Cmd on macOS.
 */
export const COMMAND_KEYBINDINGS: Readonly<Record<string, string>> = {
  'plan.new': 'Mod+Alt+N',
  'plan.rename': 'F2',
  'plan.exportMarkdown': 'Mod+Shift+E',
  'workspace.openFolder': 'Mod+O',
  'workbench.openSettings': 'Mod+,',
  'workbench.closeEditor': 'Mod+W',
  'workbench.reopenClosedEditor': 'Mod+Shift+T',
  'workbench.splitEditor': 'Mod+\\',
  'workbench.toggleSidebar': 'Mod+Alt+B',
  'workbench.togglePanel': 'Mod+J',
  'workbench.commandPalette': 'Mod+Shift+P',
  'workbench.quickOpen': 'Mod+P',
  'workbench.keyboardShortcuts': 'Mod+K',
  'workbench.search': 'Mod+Shift+F',
  'workbench.view.explorer': 'Mod+Shift+X',
  'workbench.view.goals': 'Mod+Shift+G',
  'workbench.view.people': 'Mod+Shift+U',
  'goal.goTo': 'Mod+Shift+O',
  'editor.insertGoal': 'Mod+Alt+G',
  'editor.insertSubGoal': 'Mod+Alt+Shift+G',
  'editor.insertAction': 'Mod+Alt+A',
  'editor.insertStageMatrix': 'Mod+Alt+M',
  'editor.openLink': 'Alt+Enter',
};

export function keybindingFor(commandId: string): string | undefined {
  return Object.hasOwn(COMMAND_KEYBINDINGS, commandId) ? COMMAND_KEYBINDINGS[commandId] : undefined;
}

/** The same shortcut as an Electron menu accelerator: 'Mod+Alt+N' → 'CmdOrCtrl+Alt+N'. */
export function menuAccelerator(binding: string): string {
  return binding.split('+').map((part) => (part === 'Mod' ? 'CmdOrCtrl' : part)).join('+');
}
