/**
 * The one command registry. The command palette, menus, keyboard shortcuts and the desktop's native
 * menu ('command.run' host event) all run commands from here, by id.
 */
import { keybindingFor } from '../../shared/commands/keybindings';
import { type WorkbenchServices } from '../workbench/services/services';

/** What a command runs with: the workbench's services (model, layout, editors, quick input, notifications, host). */
export type CommandContext = WorkbenchServices;
export type Command = {
  id: string;
  title: string;
  category?: string;
  /**
   * 'Mod+Shift+P', 'Mod+P', 'Mod+Alt+G' … (Mod is Ctrl, or Cmd on macOS). Commands of the shared
   * table (shared/commands/keybindings.ts) get their key from there, which the native menu shows too.
   */
  keybinding?: string;
  /** Hidden from the palette and not run while this says false. */
  when?: (ctx: CommandContext) => boolean;
  run: (ctx: CommandContext, arg?: unknown) => void | Promise<void>;
};

const commands = new Map<string, Command>();
let context: (() => CommandContext | null) | null = null;

/**
 * Registers a command; returns the function that unregisters it. A duplicate id, or a key that
 * differs from the shared table's, is a programming error.
 */
export function registerCommand(command: Command): () => void {
  if (commands.has(command.id)) throw new Error(`the command "${command.id}" is registered twice`);
  const shared = keybindingFor(command.id);
  if (shared && command.keybinding && command.keybinding !== shared) {
    throw new Error(`the command "${command.id}" is bound to ${command.keybinding}, but the menus show ${shared}`);
  }
  const entry: Command = { ...command, keybinding: command.keybinding ?? shared };
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
