import { type MenuItemConstructorOptions } from 'electron';
import { applicationMenuTemplate, MENU_COMMAND_IDS } from '../../../main/app/menu';
import { COMMANDS, keybindingFor, menuAccelerator, type CommandInfo } from '../../../shared/commands/manifest';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
}

describe('application menu', () => {
  for (const platform of ['darwin', 'win32', 'linux'] as const) {
    it(`sends every Tandem command id to the renderer on ${platform}`, () => {
      const ran: string[] = [];
      const all = items(applicationMenuTemplate({ platform, devTools: false, run: (id) => ran.push(id) }));
      for (const item of all) if (item.click) (item.click as () => void)();
      expect(new Set(ran)).toEqual(new Set(MENU_COMMAND_IDS));
      expect(all.some((i) => i.role === 'toggleDevTools')).toBe(false);
      expect(all.filter((i) => i.role === 'quit')).toHaveLength(1);
    });
  }

  it('binds the palette and quick open to the VS Code shortcuts', () => {
    const all = items(applicationMenuTemplate({ platform: 'linux', devTools: true, run: () => {} }));
    const accel = (label: string) => all.find((i) => i.label === label)?.accelerator;
    expect(accel('Command Palette…')).toBe('CmdOrCtrl+Shift+P');
    // Undo and redo leave the key to the page, so a text field undoes its own typing.
    expect(all.find((i) => i.label === 'Undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(accel('Go to Plan…')).toBe('CmdOrCtrl+P');
    expect(all.some((i) => i.role === 'toggleDevTools')).toBe(true);
    const accelerators = all.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  for (const platform of ['darwin', 'linux'] as const) {
    it(`shows, for every command, the key the workbench binds, on ${platform}`, () => {
      let id = '';
      const all = items(applicationMenuTemplate({ platform, devTools: false, run: (c) => void (id = c) }));
      let checked = 0;
      for (const item of all.filter((i) => i.click && i.registerAccelerator !== false)) {
        (item.click as () => void)();
        const binding = keybindingFor(id);
        expect({ id, accelerator: item.accelerator }).toEqual({ id, accelerator: binding && menuAccelerator(binding) });
        if (binding) checked++;
      }
      expect(checked).toBeGreaterThan(15);
      const accel = (label: string) => all.find((i) => i.label === label)?.accelerator;
      expect(accel('Toggle Side Bar')).toBe('CmdOrCtrl+Alt+B');
      expect(accel('New Plan…')).toBe('CmdOrCtrl+Alt+N');
    });
  }

  for (const platform of ['darwin', 'linux'] as const) {
    it(`places every command where the manifest says, under its label, groups apart, on ${platform}`, () => {
      let id = '';
      const template = applicationMenuTemplate({ platform, devTools: true, run: (c) => void (id = c) });
      const places: Record<string, string> = {};
      for (const top of template) {
        const submenu = (top.submenu ?? []) as MenuItemConstructorOptions[];
        const heading = (top.label ?? top.role ?? '').replace('&', '');
        submenu.forEach((item, i) => {
          if (item.type === 'separator') {
            expect(i > 0 && i < submenu.length - 1 && submenu[i - 1]!.type !== 'separator', `a separator between items in ${heading}`).toBe(true);
            return;
          }
          if (!item.click) return;
          (item.click as () => void)();
          places[id] = `${heading} › ${item.label}`;
        });
      }
      const expected = Object.fromEntries(MENU_COMMAND_IDS.map((c) => {
        const place = (COMMANDS[c] as CommandInfo).menu!;
        return [c, `${platform === 'darwin' && place.macAppMenu ? 'Tandem' : place.in === 'Help' ? 'help' : place.in} › ${place.label}`];
      }));
      expect(places).toEqual(expected);
      const file = (template.find((t) => t.label === '&File')!.submenu as MenuItemConstructorOptions[]).map((i) => i.label ?? i.type ?? i.role);
      expect(file.slice(0, 3)).toEqual(['New Plan…', 'Open Folder…', 'separator']);
    });
  }
});
