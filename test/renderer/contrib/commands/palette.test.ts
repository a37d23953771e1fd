import '../../../../renderer/workbench/workbench.contribution';
import '../../../../renderer/contrib/index';
import { paletteItems } from '../../../../renderer/contrib/commands/palette';
import { filterItems } from '../../../../renderer/workbench/quickFilter';
import { type CommandContext } from '../../../../renderer/platform/commands';
import { constant } from '../../../../renderer/workbench/services/observable';

/** The palette as someone with a workspace and a plan open sees it, with the shell's own commands. */
const ctx = {
  workspace: { id: 'w', name: 'W', location: '/w' },
  editors: { activePlanId: constant('p'), activeInput: constant({ kind: 'plan', id: 'p' }), activeEditor: constant({}), hasOpenEditor: () => true, canReopen: () => true },
  layout: { state: constant({ editors: { groups: [{ tabs: ['p'], active: 'p' }], activeGroup: 0, recentlyClosed: [] } }) },
  model: { settings: constant({ theme: 'light' }), workspaceDoc: constant({}), plans: constant([{ id: 'p', title: 'P' }]) },
} as unknown as CommandContext;

describe('command palette', () => {
  it('lists each command once', () => {
    const labels = paletteItems(ctx, false).map((i) => i.label);
    expect(labels.length).toBeGreaterThan(20);
    expect(labels.filter((l, i) => labels.indexOf(l) !== i)).toEqual([]);
  });

  it.each([
    ['Cascade', 'Plan: Cascade Goal to a Team…'],
    ['cascade', 'Plan: Cascade Goal to a Team…'],
    ['markdown', 'Plan: Export Plan as Markdown'],
    ['pdf', 'Plan: Export Plan as PDF…'],
    ['conflicts', 'View: Show Conflicts'],
    ['split', 'View: Split Editor'],
    ['people', 'View: Show People'],
  ])('typing “%s” selects “%s”', (query, expected) => {
    const first = filterItems(query, paletteItems(ctx, false))[0]?.item.label;
    expect(first).toBe(expected);
  });
});
