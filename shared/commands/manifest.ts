/**
 * Every command Tandem has by name: its title and category (the palette shows "Category: Title"), its
 * default keyboard shortcut, and its place in the desktop's native menu when it is there (which menu,
 * which group, its label). The workbench registers each command's behaviour under its id
 * (renderer/platform/commands.ts takes the rest from here) and the native menu (main/app/menu.ts)
 * builds itself from here, so titles, shortcuts and menu places cannot disagree. 'Mod' is Ctrl, or Cmd on macOS.
 */
export type CommandInfo = {
  title: string;
  category: string;
  keybinding?: string;
  /** Where the command sits in the desktop's native menu, when it is there. */
  menu?: MenuPlace;
};

/** The native menus commands are placed in, left to right. */
export const MENU_NAMES = ['File', 'Edit', 'Insert', 'View', 'Go', 'Share', 'Help'] as const;
export type MenuName = (typeof MENU_NAMES)[number];

export type MenuPlace = {
  /** The item's label, where the menu's own heading says the rest ("Export as PDF…" under File). */
  label: string;
  in: MenuName;
  /** Items of one group sit together, groups in the order of their names with a separator between; in a group, the order below. */
  group: string;
  /** On macOS the item sits in the application menu (Tandem) instead. */
  macAppMenu?: true;
  /** A key the menu shows but leaves to the page (text fields and the editor undo their own typing). */
  pageKey?: string;
  macPageKey?: string;
};

export const COMMANDS = {
  // File and plans
  'plan.new': { title: 'New Plan from Template…', category: 'Plan', keybinding: 'Mod+Alt+N', menu: { label: 'New Plan…', in: 'File', group: '1_new' } },
  'workspace.openFolder': { title: 'Open Folder…', category: 'File', keybinding: 'Mod+O', menu: { label: 'Open Folder…', in: 'File', group: '1_new' } },
  'plan.rename': { title: 'Rename Plan…', category: 'Plan', keybinding: 'F2', menu: { label: 'Rename Plan…', in: 'File', group: '2_plan' } },
  'plan.duplicate': { title: 'Duplicate Plan', category: 'Plan', menu: { label: 'Duplicate Plan', in: 'File', group: '2_plan' } },
  'plan.delete': { title: 'Delete Plan…', category: 'Plan', menu: { label: 'Delete Plan…', in: 'File', group: '2_plan' } },
  'plan.setPeriod': { title: 'Set Plan Period…', category: 'Plan' },
  'plan.importActuals': { title: 'Import Actuals from a CRM Report (CSV)…', category: 'Plan', menu: { label: 'Import Actuals…', in: 'File', group: '4_year' } },
  'review.open': { title: 'Open Plan Review', category: 'Plan', menu: { label: 'Plan Review', in: 'File', group: '4_year' } },
  'plan.exportPdf': { title: 'Export Plan as PDF…', category: 'Plan', menu: { label: 'Export as PDF…', in: 'File', group: '5_publish' } },
  'plan.exportWord': { title: 'Export Plan as Word (.docx)…', category: 'Plan', menu: { label: 'Export as Word…', in: 'File', group: '5_publish' } },
  'plan.exportMarkdown': { title: 'Export Plan as Markdown', category: 'Plan', keybinding: 'Mod+Shift+E', menu: { label: 'Export as Markdown…', in: 'File', group: '5_publish' } },
  'workbench.openSettings': { title: 'Sync Settings (Server, Token, Name and Colour)…', category: 'Preferences', keybinding: 'Mod+,', menu: { label: 'Settings…', in: 'File', group: '6_settings', macAppMenu: true } },
  'workspace.settings': { title: 'Workspace Settings (Fiscal Year, Check-in Reminder, Teams)…', category: 'Preferences' },
  'workbench.reopenClosedEditor': { title: 'Reopen Closed Editor', category: 'View', keybinding: 'Mod+Shift+T', menu: { label: 'Reopen Closed Editor', in: 'File', group: '7_close' } },
  'workbench.closeEditor': { title: 'Close Editor', category: 'View', keybinding: 'Mod+W', menu: { label: 'Close Editor', in: 'File', group: '7_close' } },
  'workbench.createSampleWorkspace': { title: 'Create Sample Workspace', category: 'Help' },
  // Editions, sign-off and the next cycle
  'editions.save': { title: 'Save Edition…', category: 'Plan', menu: { label: 'Save Edition…', in: 'File', group: '3_editions' } },
  'editions.open': { title: 'Open Edition…', category: 'Plan' },
  'editions.compare': { title: 'Compare with Edition…', category: 'Plan', menu: { label: 'Compare with Edition…', in: 'File', group: '3_editions' } },
  'editions.compareEditions': { title: 'Compare Two Editions…', category: 'Plan' },
  'editions.comparePreviousCycle': { title: 'Compare with Previous Cycle', category: 'Plan' },
  'editions.restore': { title: 'Restore This Edition…', category: 'Plan' },
  'editions.requestSignoff': { title: 'Request Sign-off…', category: 'Plan' },
  'editions.approve': { title: 'Approve Edition…', category: 'Plan' },
  'plan.startNextCycle': { title: 'Start Next Cycle…', category: 'Plan', menu: { label: 'Start Next Cycle…', in: 'File', group: '3_editions' } },
  // Compare (the diff editor)
  'diff.nextChange': { title: 'Go to Next Change', category: 'Compare', keybinding: 'F7' },
  'diff.previousChange': { title: 'Go to Previous Change', category: 'Compare', keybinding: 'Shift+F7' },
  // Edit
  'edit.undo': { title: 'Undo', category: 'Edit', menu: { label: 'Undo', in: 'Edit', group: '1_undo', pageKey: 'Mod+Z' } },
  'edit.redo': { title: 'Redo', category: 'Edit', menu: { label: 'Redo', in: 'Edit', group: '1_undo', pageKey: 'Ctrl+Y', macPageKey: 'Cmd+Shift+Z' } },
  'workbench.search': { title: 'Show Search', category: 'View', keybinding: 'Mod+Shift+F', menu: { label: 'Find in Workspace', in: 'Edit', group: '3_find' } },
  // Insert
  'editor.insertGoal': { title: 'Insert Goal', category: 'Plan', keybinding: 'Mod+Alt+G', menu: { label: 'Goal', in: 'Insert', group: '1_blocks' } },
  'editor.insertSubGoal': { title: 'Insert Sub-goal', category: 'Plan', keybinding: 'Mod+Alt+Shift+G', menu: { label: 'Sub-goal', in: 'Insert', group: '1_blocks' } },
  'editor.insertAction': { title: 'Insert Action', category: 'Plan', keybinding: 'Mod+Alt+A', menu: { label: 'Action', in: 'Insert', group: '1_blocks' } },
  'editor.insertStageMatrix': { title: 'Insert Track-Selling Stage Matrix', category: 'Plan', keybinding: 'Mod+Alt+S', menu: { label: 'Track-Selling Stage Matrix', in: 'Insert', group: '1_blocks' } },
  'editor.openLink': { title: 'Open Link', category: 'Plan', keybinding: 'Alt+Enter' },
  'goal.cascade': { title: 'Cascade Goal to a Team…', category: 'Plan', menu: { label: 'Cascade Goal to a Team…', in: 'Insert', group: '2_cascade' } },
  // View
  'workbench.commandPalette': { title: 'Show All Commands', category: 'View', keybinding: 'Mod+Shift+P', menu: { label: 'Command Palette…', in: 'View', group: '1_palette' } },
  'workbench.view.explorer': { title: 'Show Explorer', category: 'View', keybinding: 'Mod+Shift+X', menu: { label: 'Explorer', in: 'View', group: '2_views' } },
  'workbench.view.goals': { title: 'Show Goals', category: 'View', keybinding: 'Mod+Shift+G', menu: { label: 'Goals', in: 'View', group: '2_views' } },
  'workbench.view.people': { title: 'Show People', category: 'View', keybinding: 'Mod+Shift+U', menu: { label: 'People', in: 'View', group: '2_views' } },
  'workbench.toggleSidebar': { title: 'Toggle Side Bar', category: 'View', keybinding: 'Mod+Alt+B', menu: { label: 'Toggle Side Bar', in: 'View', group: '3_layout' } },
  'workbench.togglePanel': { title: 'Toggle Panel', category: 'View', keybinding: 'Mod+J', menu: { label: 'Toggle Problems Panel', in: 'View', group: '3_layout' } },
  'workbench.splitEditor': { title: 'Split Editor', category: 'View', keybinding: 'Mod+\\', menu: { label: 'Split Editor', in: 'View', group: '3_layout' } },
  'workbench.manage': { title: 'Manage', category: 'View' },
  'theme.toggle': { title: 'Toggle Light/Dark Theme', category: 'Preferences', menu: { label: 'Toggle Light/Dark Theme', in: 'View', group: '4_appearance' } },
  'theme.followSystem': { title: 'Theme: Follow the Operating System', category: 'Preferences' },
  // Go
  'workbench.quickOpen': { title: 'Go to Plan or Goal…', category: 'Go', keybinding: 'Mod+P', menu: { label: 'Go to Plan…', in: 'Go', group: '1_go' } },
  'goal.goTo': { title: 'Go to Goal…', category: 'Go', keybinding: 'Mod+Shift+O', menu: { label: 'Go to Goal…', in: 'Go', group: '1_go' } },
  // Comments
  'comments.add': { title: 'Add Comment', category: 'Comments', keybinding: 'Mod+Alt+M', menu: { label: 'Add Comment', in: 'Insert', group: '3_comments' } },
  'comments.askForFeedback': { title: 'Ask for Feedback…', category: 'Comments', menu: { label: 'Ask for Feedback…', in: 'Insert', group: '3_comments' } },
  // People
  'people.add': { title: 'Add Person…', category: 'People' },
  // Share
  'sync.share': { title: 'Share Workspace on My Network…', category: 'Share', menu: { label: 'Share Workspace on My Network…', in: 'Share', group: '1_share' } },
  'sync.inviteColleague': { title: 'Invite a Colleague…', category: 'Share', menu: { label: 'Invite a Colleague…', in: 'Share', group: '1_share' } },
  'sync.stopSharing': { title: 'Stop Sharing', category: 'Share', menu: { label: 'Stop Sharing', in: 'Share', group: '1_share' } },
  'sync.copyInviteLink': { title: 'Copy Invite Link', category: 'Share' },
  // Help
  'workbench.keyboardShortcuts': { title: 'Keyboard Shortcuts', category: 'Help', keybinding: 'Mod+K', menu: { label: 'Keyboard Shortcuts', in: 'Help', group: '1_help' } },
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
