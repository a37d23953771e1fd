/**
 * The one command registry. The command palette, menus, keyboard shortcuts and the desktop's native
 * menu ('command.run' host event) all run commands from here, by id. A command of the manifest
 * (shared/commands/manifest.ts) takes its title, category and key from there; the desktop's menu
 * shows the same.
 */
import { commandInfo } from '../../shared/commands/manifest';
import { type WorkbenchServices } from '../workbench/services/services';

/** What a command runs with: the workbench's services (model, layout, editors, quick input, notifications, host). */
export type CommandContext = WorkbenchServices;
export type Command = {
  id: string;
  title: string;
  category?: string;
  /** 'Mod+Shift+P', 'Mod+P', 'Mod+Alt+G' … (Mod is Ctrl, or Cmd on macOS). */
  keybinding?: string;
  /** Hidden from the palette and not run while this says false. */
  when?: (ctx: CommandContext) => boolean;
  run: (ctx: CommandContext, arg?: unknown) => void | Promise<void>;
};

const commands = new Map<string, Command>();
let context: (() => CommandContext | null) | null = null;

/** A command of the manifest is registered by id and behaviour; any other also names its title. */
export type CommandRegistration = Omit<Command, 'title'> & { title?: string };

/**
 * Registers a command; returns the function that unregisters it. A duplicate id, a command without
 * a title, or a title or key that differs from the manifest's is a programming error.
 */
export function registerCommand(command: CommandRegistration): () => void {
  if (commands.has(command.id)) throw new Error(`the command "${command.id}" is registered twice`);
  const listed = commandInfo(command.id);
  if (listed?.keybinding && command.keybinding && command.keybinding !== listed.keybinding) {
    throw new Error(`the command "${command.id}" is bound to ${command.keybinding}, but the menus show ${listed.keybinding}`);
  }
  if (listed && command.title && command.title !== listed.title) {
    throw new Error(`the command "${command.id}" is titled “${command.title}”, but the manifest says “${listed.title}”`);
  }
  const title = command.title ?? listed?.title;
  if (!title) throw new Error(`the command "${command.id}" needs a title (or an entry in shared/commands/manifest.ts)`);
  const entry: Command = { ...command, title, category: command.category ?? listed?.category, keybinding: command.keybinding ?? listed?.keybinding };
  commands.set(command.id, entry);
  return () => {
    if (commands.get(command.id) === entry) commands.delete(command.id);
  };
}

export function getCommands(): Command[] {
  return [...commands.values()];
}

export function getCommand(id: string): Command | undefined {
  return commands.get(id);
}

/** The workbench installs where commands get their context from; null while nothing is mounted. */
export function setCommandContextProvider(provider: (() => CommandContext | null) | null): void {
  context = provider;
}

export function currentCommandContext(): CommandContext | null {
  return context?.() ?? null;
}

/** Whether the command may run now (its `when` holds in the current context). */
export function isCommandEnabled(command: Command, ctx: CommandContext): boolean {
  return command.when ? command.when(ctx) : true;
}

/** Runs a command by id; an unknown id, a missing workbench or a false `when` is an error with a readable message. */
export async function runCommand(id: string, arg?: unknown): Promise<void> {
  const command = commands.get(id);
  if (!command) throw new Error(`there is no command "${id}"`);
  const ctx = currentCommandContext();
  if (!ctx) throw new Error(`the command "${command.title}" needs an open workbench`);
  if (!isCommandEnabled(command, ctx)) throw new Error(`“${command.title}” is not available right now`);
  await command.run(ctx, arg);
}
