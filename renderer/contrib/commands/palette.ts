/** The command palette and the keyboard shortcuts reference: both list the one command registry. */
import { getCommands, isCommandEnabled, runCommand, type Command, type CommandContext } from '../../platform/commands';
import { formatKeybinding, isMacPlatform } from '../../platform/keybindings';

export const commandLabel = (c: Command): string => (c.category ? `${c.category}: ${c.title}` : c.title);

/** The commands the palette offers now: enabled ones, alphabetical, with their shortcut as it reads on this platform. */
export function paletteItems(ctx: CommandContext, isMac = isMacPlatform()) {
  return getCommands()
    .filter((c) => isCommandEnabled(c, ctx))
    .map((c) => ({ label: commandLabel(c), keybinding: c.keybinding ? formatKeybinding(c.keybinding, isMac) : undefined, value: c.id }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export async function showCommandPalette(ctx: CommandContext): Promise<void> {
  const id = await ctx.quickInput.pick(paletteItems(ctx), { placeholder: 'Type the name of a command to run' });
  if (id) await runCommand(id);
}

/** Every command that has a shortcut, grouped by category, readable as a list; picking one runs it. */
export async function showKeyboardShortcuts(ctx: CommandContext, isMac = isMacPlatform()): Promise<void> {
  const items = getCommands()
    .filter((c) => c.keybinding)
    .sort((a, b) => (a.category ?? '').localeCompare(b.category ?? '') || a.title.localeCompare(b.title))
    .map((c) => ({ label: commandLabel(c), keybinding: formatKeybinding(c.keybinding!, isMac), value: c }));
  const picked = await ctx.quickInput.pick(items, { placeholder: 'Keyboard shortcuts — type to filter, Enter runs the command' });
  if (picked && isCommandEnabled(picked, ctx)) await runCommand(picked.id);
}
