import { COMMANDS, type CommandInfo } from '../../../shared/commands/manifest';
import { getCommand, getCommands, registerCommand, runCommand, setCommandContextProvider, type CommandContext } from '../../../renderer/platform/commands';
import { constant } from '../../../renderer/workbench/services/observable';

const ctx = (activePlanId: string | null): CommandContext => ({ editors: { activePlanId: constant(activePlanId) } }) as unknown as CommandContext;

describe('command registry', () => {
  afterEach(() => setCommandContextProvider(null));

  it('runs a registered command with the current context and its argument', async () => {
    const seen: unknown[] = [];
    const off = registerCommand({ id: 't.run', title: 'Run', run: (c, arg) => void seen.push(c.editors.activePlanId.get(), arg) });
    setCommandContextProvider(() => ctx('plan_1'));
    await runCommand('t.run', 42);
    expect(seen).toEqual(['plan_1', 42]);
    off();
    expect(getCommands().some((c) => c.id === 't.run')).toBe(false);
    await expect(runCommand('t.run')).rejects.toThrow('there is no command "t.run"');
  });

  it('refuses duplicates, a missing workbench and a false `when`', async () => {
    const off = registerCommand({ id: 't.when', title: 'Needs a plan', when: (c) => c.editors.activePlanId.get() !== null, run: () => {} });
    expect(() => registerCommand({ id: 't.when', title: 'again', run: () => {} })).toThrow(/registered twice/);
    await expect(runCommand('t.when')).rejects.toThrow(/needs an open workbench/);
    setCommandContextProvider(() => ctx(null));
    await expect(runCommand('t.when')).rejects.toThrow(/not available right now/);
    setCommandContextProvider(() => ctx('p'));
    await expect(runCommand('t.when')).resolves.toBeUndefined();
    off();
  });

  it('passes a failing command’s error to the caller', async () => {
    const off = registerCommand({ id: 't.fail', title: 'Fail', run: async () => { throw new Error('nope'); } });
    setCommandContextProvider(() => ctx(null));
    await expect(runCommand('t.fail')).rejects.toThrow('nope');
    off();
  });

  it('binds the key of the shared table, which the native menu shows, and refuses another', () => {
    const off = registerCommand({ id: 'workbench.toggleSidebar', title: 'Toggle Side Bar', run: () => {} });
    expect(getCommand('workbench.toggleSidebar')?.keybinding).toBe('Mod+Alt+B');
    off();
    expect(getCommands().some((c) => c.id === 'workbench.toggleSidebar')).toBe(false);
    expect(() => registerCommand({ id: 'workbench.toggleSidebar', title: 'Toggle Side Bar', keybinding: 'Mod+B', run: () => {} }))
      .toThrow('the command "workbench.toggleSidebar" is bound to Mod+B, but the menus show Mod+Alt+B');
    expect(getCommand('workbench.toggleSidebar')).toBeUndefined();
  });

  it('refuses a manifest command registered under another title, and a command with no title at all', () => {
    expect(() => registerCommand({ id: 'workbench.togglePanel', title: 'Toggle Problems', run: () => {} }))
      .toThrow('the command "workbench.togglePanel" is titled “Toggle Problems”, but the manifest says “Toggle Panel”');
    expect(() => registerCommand({ id: 't.untitled', run: () => {} })).toThrow(/needs a title/);
  });
  it('registers every command of the manifest, with the title, category and key the native menu shows', async () => {
    await import('../../../renderer/workbench/workbench.contribution');
    await import('../../../renderer/contrib/index');
    for (const [id, info] of Object.entries(COMMANDS as Record<string, CommandInfo>)) {
      const c = getCommand(id);
      expect({ id, title: c?.title, category: c?.category, keybinding: c?.keybinding })
        .toEqual({ id, title: info.title, category: info.category, keybinding: info.keybinding });
    }
  });

});
