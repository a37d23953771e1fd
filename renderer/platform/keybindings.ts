/**
 * Keyboard shortcuts of the command registry: 'Mod+Shift+P' means Ctrl+Shift+P, or Cmd+Shift+P on
 * macOS. Parsing and matching are pure; installKeybindings wires them to a window.
 */
import { currentCommandContext, getCommands, isCommandEnabled, runCommand, type Command } from './commands';

export type Chord = { mod: boolean; shift: boolean; alt: boolean; key: string };
export type KeyEventLike = { key: string; code?: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean };

const MODIFIERS = new Set(['mod', 'shift', 'alt']);

/** Parses 'Mod+Shift+P' into a chord; throws on anything it does not understand. */
export function parseKeybinding(binding: string): Chord {
  const parts = binding.split('+').map((p) => p.trim()).filter(Boolean);
  const key = parts.pop();
  if (!key || MODIFIERS.has(key.toLowerCase())) throw new Error(`the keybinding "${binding}" has no key`);
  const chord: Chord = { mod: false, shift: false, alt: false, key: key.toLowerCase() };
  for (const p of parts) {
    const m = p.toLowerCase();
    if (!MODIFIERS.has(m)) throw new Error(`the keybinding "${binding}" has an unknown modifier "${p}"`);
    chord[m as 'mod' | 'shift' | 'alt'] = true;
  }
  return chord;
}

/** The key an event stands for, independent of layout quirks that Alt/Shift introduce for letters and digits. */
function eventKey(e: KeyEventLike): string {
  if (e.code?.startsWith('Key')) return e.code.slice(3).toLowerCase();
  if (e.code?.startsWith('Digit')) return e.code.slice(5);
  if (e.code === 'Backslash') return '\\';
  if (e.code === 'Backquote') return '`';
  if (e.code === 'Comma') return ',';
  return e.key.toLowerCase();
}

export function matchesChord(chord: Chord, e: KeyEventLike, isMac: boolean): boolean {
  const mod = isMac ? e.metaKey : e.ctrlKey;
  const stray = isMac ? e.ctrlKey : e.metaKey;
  return mod === chord.mod && !stray && e.shiftKey === chord.shift && e.altKey === chord.alt && eventKey(e) === chord.key;
}

const MAC_SYMBOLS = { mod: '⌘', shift: '⇧', alt: '⌥' } as const;

/** How a keybinding reads to a person on this platform: 'Ctrl+Shift+P' or '⌘⇧P'. */
export function formatKeybinding(binding: string, isMac: boolean): string {
  const c = parseKeybinding(binding);
  const key = c.key.length === 1 ? c.key.toUpperCase() : c.key[0]!.toUpperCase() + c.key.slice(1);
  if (isMac) return `${c.alt ? MAC_SYMBOLS.alt : ''}${c.shift ? MAC_SYMBOLS.shift : ''}${c.mod ? MAC_SYMBOLS.mod : ''}${key}`;
  return [c.mod && 'Ctrl', c.shift && 'Shift', c.alt && 'Alt', key].filter(Boolean).join('+');
}

/** The command a key event triggers, if any (first registered wins). */
export function commandForEvent(commands: Command[], e: KeyEventLike, isMac: boolean): Command | undefined {
  return commands.find((c) => c.keybinding && matchesChord(parseKeybinding(c.keybinding), e, isMac));
}

export const isMacPlatform = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Listens for shortcuts on the window (capture phase, before the editor); returns the uninstaller. */
export function installKeybindings(target: Window, onError: (err: unknown) => void): () => void {
  const isMac = isMacPlatform();
  const handler = (e: KeyboardEvent) => {
    if (e.repeat || !(e.ctrlKey || e.metaKey || e.altKey || e.key.startsWith('F'))) return;
    const command = commandForEvent(getCommands(), e, isMac);
    const ctx = currentCommandContext();
    if (!command || !ctx || !isCommandEnabled(command, ctx)) return;
    e.preventDefault();
    e.stopPropagation();
    runCommand(command.id).catch(onError);
  };
  target.addEventListener('keydown', handler, true);
  return () => target.removeEventListener('keydown', handler, true);
}
