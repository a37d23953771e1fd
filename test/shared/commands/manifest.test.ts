import { COMMAND_KEYBINDINGS, keybindingFor, menuAccelerator } from '../../../shared/commands/manifest';

describe('shared command keybindings', () => {
  it('turn Mod into the menu accelerator CmdOrCtrl and keep the rest', () => {
    expect(menuAccelerator('Mod+Alt+N')).toBe('CmdOrCtrl+Alt+N');
    expect(menuAccelerator('Mod+\\')).toBe('CmdOrCtrl+\\');
    expect(menuAccelerator('F2')).toBe('F2');
  });

  it('give each command one key and no two commands the same key', () => {
    expect(keybindingFor('workbench.toggleSidebar')).toBe('Mod+Alt+B');
    expect(keybindingFor('toString')).toBeUndefined();
    const keys = Object.values(COMMAND_KEYBINDINGS);
    expect(new Set(keys).size).toBe(keys.length);
    // Mod+B and Mod+N belong to the editor (bold) and the browser (new window).
    expect(keys).not.toContain('Mod+B');
    expect(keys).not.toContain('Mod+N');
  });
});
