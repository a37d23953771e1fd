/**
 * The native application menu. Every item that is a Tandem command sends its command id to the
 * focused window ('command.run'); the workbench runs it exactly as from the palette or a shortcut.
 * Which commands appear, where, under which label and with which shortcut all come from the command
 * manifest (shared/commands/manifest.ts); this file only adds the platform's own roles (clipboard,
 * zoom, window, quit), which are not commands, and builds the template.
 */
import { type MenuItemConstructorOptions } from 'electron';
import { COMMANDS, MENU_NAMES, menuAccelerator, type CommandId, type CommandInfo, type MenuName, type MenuPlace } from '../../shared/commands/manifest';

/** The commands of the manifest that have a place in the native menu. */
export type MenuCommandId = { [K in CommandId]: (typeof COMMANDS)[K] extends { menu: MenuPlace } ? K : never }[CommandId];

/** Every command id the menu sends; the workbench registers each of them (see docs/desktop.md). */
export const MENU_COMMAND_IDS = (Object.keys(COMMANDS) as CommandId[]).filter((id): id is MenuCommandId => 'menu' in COMMANDS[id]);

export type MenuOptions = {
  platform: NodeJS.Platform;
  /** Development builds get the developer tools item. */
  devTools: boolean;
  run: (commandId: MenuCommandId) => void;
};

type Placed = { group: string; item: MenuItemConstructorOptions };

const placeOf = (commandId: MenuCommandId): MenuPlace => (COMMANDS[commandId] as CommandInfo).menu!;

/** The platform's own items, by menu and group (a group of the manifest's names, or one of their own). */
function roles(mac: boolean, devTools: boolean): Partial<Record<MenuName, Placed[]>> {
  const role = (group: string, r: MenuItemConstructorOptions['role']): Placed => ({ group, item: { role: r } });
  return {
    File: mac ? [] : [role('z_quit', 'quit')],
    Edit: (['cut', 'copy', 'paste', 'selectAll'] as const).map((r) => role('2_clipboard', r)),
    View: [
      ...(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'] as const).map((r) => role('4_appearance', r)),
      ...(devTools ? [role('z_developer', 'toggleDevTools')] : []),
    ],
  };
}

/** Items sorted by group (stable: the manifest's order within one), a separator between groups. */
function grouped(placed: Placed[]): MenuItemConstructorOptions[] {
  const sorted = [...placed].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  return sorted.flatMap((p, i) => (i > 0 && sorted[i - 1]!.group !== p.group ? [{ type: 'separator' as const }, p.item] : [p.item]));
}

export function applicationMenuTemplate({ platform, devTools, run }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  /** A command item: its label and shortcut as the manifest gives them (the workbench binds the same key). */
  const item = (commandId: MenuCommandId): MenuItemConstructorOptions => {
    const place = placeOf(commandId);
    const binding = (COMMANDS[commandId] as CommandInfo).keybinding;
    const pageKey = (mac && place.macPageKey) || place.pageKey;
    // A key left to the page is shown but not taken: text fields and the editor undo their own typing.
    if (pageKey) return { label: place.label, accelerator: menuAccelerator(pageKey), registerAccelerator: false, click: () => run(commandId) };
    return { label: place.label, accelerator: binding && menuAccelerator(binding), click: () => run(commandId) };
  };
  const own = roles(mac, devTools);
  const inMenu = (name: MenuName): MenuItemConstructorOptions[] => grouped([
    ...MENU_COMMAND_IDS.filter((id) => placeOf(id).in === name && !(mac && placeOf(id).macAppMenu)).map((id) => ({ group: placeOf(id).group, item: item(id) })),
    ...(own[name] ?? []),
  ]);

  const template: MenuItemConstructorOptions[] = MENU_NAMES.map((name) => (name === 'Help'
    ? { role: 'help', submenu: inMenu(name) }
    : { label: `&${name}`, submenu: inMenu(name) }));
  template.splice(MENU_NAMES.indexOf('Help'), 0, { role: 'windowMenu' });
  if (mac) {
    const sep: MenuItemConstructorOptions = { type: 'separator' };
    template.unshift({
      label: 'Tandem',
      submenu: [
        { role: 'about' },
        sep,
        ...MENU_COMMAND_IDS.filter((id) => placeOf(id).macAppMenu).map(item),
        sep,
        { role: 'services' },
        sep,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        sep,
        { role: 'quit' },
      ],
    });
  }
  return template;
}
