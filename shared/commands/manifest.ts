/**
 * Every command Tandem has by name: its title and category (the palette shows "Category: Title"), its
 * default keyboard shortcut, and its label in the desktop's native menu when it is there. The
 * workbench registers each command's behaviour under its id (renderer/platform/commands.ts takes the
 * rest from here) and the native menu (main/app/menu.ts) reads labels and keys from here, so titles
 * and shortcuts cannot disagree. 'Mod' is Ctrl, or Cmd on macOS.
 */
export type CommandInfo = {
  title: string;
  category: string;
  keybinding?: string;
  /** The item's label in the native menu, where the menu's own heading says the rest ("Export as PDF…" under File). */
  menu?: string;
};

export const COMMANDS = {
  // File and plans
  'plan.new': { title: 'New Plan from Template…', category: 'Plan', keybinding: 'Mod+Alt+N', menu: 'New Plan…' },
  'workspace.openFolder': { title: 'Open Folder…', category: 'File', keybinding: 'Mod+O', menu: 'Open Folder…' },
  'plan.rename': { title: 'Rename Plan…', category: 'Plan', keybinding: 'F2', menu: 'Rename Plan…' },
  'plan.duplicate': { title: 'Duplicate Plan', category: 'Plan', menu: 'Duplicate Plan' },
  'plan.delete': { title: 'Delete Plan…', category: 'Plan', menu: 'Delete Plan…' },
  'plan.setPeriod': { title: 'Set Plan Period…', category: 'Plan' },
  'plan.importActuals': { title: 'Import Actuals from a CRM Report (CSV)…', category: 'Plan', menu: 'Import Actuals…' },
  'review.open': { title: 'Open Plan Review', category: 'Plan', menu: 'Plan Review' },
  'plan.exportPdf': { title: 'Export Plan as PDF…', category: 'Plan', menu: 'Export as PDF…' },
  'plan.exportWord': { title: 'Export Plan as Word (.docx)…', category: 'Plan', menu: 'Export as Word…' },
  'plan.exportMarkdown': { title: 'Export Plan as Markdown', category: 'Plan', keybinding: 'Mod+Shift+E', menu: 'Export as Markdown…' },
  'workbench.openSettings': { title: 'Sync Settings (Server, Token, Name and Colour)…', category: 'Preferences', keybinding: 'Mod+,', menu: 'Settings…' },
  'workspace.settings': { title: 'Workspace Settings (Fiscal Year, Check-in Reminder, Teams)…', category: 'Preferences' },
  'workbench.reopenClosedEditor': { title: 'Reopen Closed Editor', category: 'View', keybinding: 'Mod+Shift+T', menu: 'Reopen Closed Editor' },
  'workbench.closeEditor': { title: 'Close Editor', category: 'View', keybinding: 'Mod+W', menu: 'Close Editor' },
  'workbench.createSampleWorkspace': { title: 'Create Sample Workspace', category: 'Help' },
  // Editions, sign-off and the next cycle
  'editions.save': { title: 'Save Edition…', category: 'Plan', menu: 'Save Edition…' },
  'editions.open': { title: 'Open Edition…', category: 'Plan' },
  'editions.compare': { title: 'Compare with Edition…', category: 'Plan', menu: 'Compare with Edition…' },
  'editions.compareEditions': { title: 'Compare Two Editions…', category: 'Plan' },
  'editions.comparePreviousCycle': { title: 'Compare with Previous Cycle', category: 'Plan' },
  'editions.restore': { title: 'Restore This Edition…', category: 'Plan' },
  'editions.requestSignoff': { title: 'Request Sign-off…', category: 'Plan' },
  'editions.approve': { title: 'Approve Edition…', category: 'Plan' },
  'plan.startNextCycle': { title: 'Start Next Cycle…', category: 'Plan', menu: 'Start Next Cycle…' },
  // Compare (the diff editor)
  'diff.nextChange': { title: 'Go to Next Change', category: 'Compare', keybinding: 'F7' },
  'diff.previousChange': { title: 'Go to Previous Change', category: 'Compare', keybinding: 'Shift+F7' },
  // Edit
  'edit.undo': { title: 'Undo', category: 'Edit', menu: 'Undo' },
  'edit.redo': { title: 'Redo', category: 'Edit', menu: 'Redo' },
  'workbench.search': { title: 'Show Search', category: 'View', keybinding: 'Mod+Shift+F', menu: 'Find in Workspace' },
  // Insert
  'editor.insertGoal': { title: 'Insert Goal', category: 'Plan', keybinding: 'Mod+Alt+G', menu: 'Goal' },
  'editor.insertSubGoal': { title: 'Insert Sub-goal', category: 'Plan', keybinding: 'Mod+Alt+Shift+G', menu: 'Sub-goal' },
  'editor.insertAction': { title: 'Insert Action', category: 'Plan', keybinding: 'Mod+Alt+A', menu: 'Action' },
  'editor.insertStageMatrix': { title: 'Insert Track-Selling Stage Matrix', category: 'Plan', keybinding: 'Mod+Alt+S', menu: 'Track-Selling Stage Matrix' },
  'editor.openLink': { title: 'Open Link', category: 'Plan', keybinding: 'Alt+Enter' },
  'goal.cascade': { title: 'Cascade Goal to a Team…', category: 'Plan', menu: 'Cascade Goal to a Team…' },
  // View
  'workbench.commandPalette': { title: 'Show All Commands', category: 'View', keybinding: 'Mod+Shift+P', menu: 'Command Palette…' },
  'workbench.view.explorer': { title: 'Show Explorer', category: 'View', keybinding: 'Mod+Shift+X', menu: 'Explorer' },
  'workbench.view.goals': { title: 'Show Goals', category: 'View', keybinding: 'Mod+Shift+G', menu: 'Goals' },
  'workbench.view.people': { title: 'Show People', category: 'View', keybinding: 'Mod+Shift+U', menu: 'People' },
  'workbench.toggleSidebar': { title: 'Toggle Side Bar', category: 'View', keybinding: 'Mod+Alt+B', menu: 'Toggle Side Bar' },
  'workbench.togglePanel': { title: 'Toggle Panel', category: 'View', keybinding: 'Mod+J', menu: 'Toggle Problems Panel' },
  'workbench.splitEditor': { title: 'Split Editor', category: 'View', keybinding: 'Mod+\\', menu: 'Split Editor' },
  'workbench.manage': { title: 'Manage', category: 'View' },
  'theme.toggle': { title: 'Toggle Light/Dark Theme', category: 'Preferences', menu: 'Toggle Light/Dark Theme' },
  'theme.followSystem': { title: 'Theme: Follow the Operating System', category: 'Preferences' },
  // Go
  'workbench.quickOpen': { title: 'Go to Plan or Goal…', category: 'Go', keybinding: 'Mod+P', menu: 'Go to Plan…' },
  'goal.goTo': { title: 'Go to Goal…', category: 'Go', keybinding: 'Mod+Shift+O', menu: 'Go to Goal…' },
  // Comments
  'comments.add': { title: 'Add Comment', category: 'Comments', keybinding: 'Mod+Alt+M', menu: 'Add Comment' },
  'comments.askForFeedback': { title: 'Ask for Feedback…', category: 'Comments', menu: 'Ask for Feedback…' },
  // People
  'people.add': { title: 'Add Person…', category: 'People' },
  // Share
  'sync.share': { title: 'Share Workspace on My Network…', category: 'Share', menu: 'Share Workspace on My Network…' },
  'sync.stopSharing': { title: 'Stop Sharing', category: 'Share', menu: 'Stop Sharing' },
  'sync.copyInviteLink': { title: 'Copy Invite Link', category: 'Share' },
  'sync.inviteColleague': { title: 'Invite a Colleague…', category: 'Share', menu: 'Invite a Colleague…' },
  // Help
  'workbench.keyboardShortcuts': { title: 'Keyboard Shortcuts', category: 'Help', keybinding: 'Mod+K', menu: 'Keyboard Shortcuts' },
} as const satisfies Record<string, CommandInfo>;

export type CommandId = keyof typeof COMMANDS;

export function commandInfo(commandId: string): CommandInfo | undefined {
  return Object.hasOwn(COMMANDS, commandId) ? COMMANDS[commandId as CommandId] : undefined;
}

/** The default shortcut of a command, if it has one. */
export function keybindingFor(commandId: string): string | undefined {
  return commandInfo(commandId)?.keybinding;
}

/** Every command with a shortcut, and that shortcut. */
export const COMMAND_KEYBINDINGS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(COMMANDS as Record<string, CommandInfo>).flatMap(([id, c]) => (c.keybinding ? [[id, c.keybinding]] : [])),
);

/** The same shortcut as an Electron menu accelerator: 'Mod+Alt+N' → 'CmdOrCtrl+Alt+N'. */
export function menuAccelerator(binding: string): string {
  return binding.split('+').map((part) => (part === 'Mod' ? 'CmdOrCtrl' : part)).join('+');
}
