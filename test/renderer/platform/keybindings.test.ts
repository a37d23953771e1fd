import { commandForEvent, formatKeybinding, matchesChord, parseKeybinding, type KeyEventLike } from '../../../renderer/platform/keybindings';
import { type Command } from '../../../renderer/platform/commands';

const key = (k: string, mods: Partial<KeyEventLike> = {}): KeyEventLike => ({
  key: k, code: /^[a-z]$/i.test(k) ? `Key${k.toUpperCase()}` : undefined,
  ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
});

describe('keybindings', () => {
  it('parses modifiers and key', () => {
    expect(parseKeybinding('Mod+Shift+P')).toEqual({ mod: true, shift: true, alt: false, key: 'p' });
    expect(() => parseKeybinding('Mod+Shift')).toThrow(/no key/);
    expect(() => parseKeybinding('Hyper+P')).toThrow(/unknown modifier "Hyper"/);
  });

  it('maps Mod to Ctrl, or Cmd on macOS', () => {
    const chord = parseKeybinding('Mod+P');
    expect(matchesChord(chord, key('p', { ctrlKey: true }), false)).toBe(true);
    expect(matchesChord(chord, key('p', { metaKey: true }), false)).toBe(false);
    expect(matchesChord(chord, key('p', { metaKey: true }), true)).toBe(true);
    expect(matchesChord(chord, key('p', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
  });

  it('matches letters by their physical key when Alt changes the character', () => {
    expect(matchesChord(parseKeybinding('Mod+Alt+G'), { key: '©', code: 'KeyG', ctrlKey: false, metaKey: true, shiftKey: false, altKey: true }, true)).toBe(true);
  });

  it('formats for the platform', () => {
    expect(formatKeybinding('Mod+Shift+P', false)).toBe('Ctrl+Shift+P');
    expect(formatKeybinding('Mod+Shift+P', true)).toBe('⇧⌘P');
    expect(formatKeybinding('Mod+Alt+G', false)).toBe('Ctrl+Alt+G');
  });

  it('finds the command bound to an event', () => {
    const cmds: Command[] = [
      { id: 'a', title: 'A', keybinding: 'Mod+P', run: () => {} },
      { id: 'b', title: 'B', keybinding: 'Mod+Shift+P', run: () => {} },
      { id: 'c', title: 'C', run: () => {} },
    ];
    expect(commandForEvent(cmds, key('p', { ctrlKey: true, shiftKey: true }), false)?.id).toBe('b');
    expect(commandForEvent(cmds, key('p', { ctrlKey: true }), false)?.id).toBe('a');
    expect(commandForEvent(cmds, key('q', { ctrlKey: true }), false)).toBeUndefined();
  });
});
