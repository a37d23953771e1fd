import { activePlanOf, closeTab, emptyEditorGroups, keepPlans, moveTab, openPlanIds, openTab, reopenClosed, splitActive } from '../../../renderer/workbench/editorGroups';

const open = (...ids: string[]) => ids.reduce((s, id) => openTab(s, id), emptyEditorGroups());

describe('editor groups', () => {
  it('opens each plan once and focuses it again when reopened', () => {
    const s = openTab(open('a', 'b'), 'a');
    expect(s.groups[0]!.tabs).toEqual(['a', 'b']);
    expect(activePlanOf(s)).toBe('a');
  });

  it('closing the active tab activates its right neighbour, else the left one', () => {
    let s = openTab(open('a', 'b', 'c'), 'b');
    s = closeTab(s, 0, 'b');
    expect(s.groups[0]).toEqual({ tabs: ['a', 'c'], active: 'c' });
    s = closeTab(s, 0, 'c');
    expect(s.groups[0]).toEqual({ tabs: ['a'], active: 'a' });
  });

  it('reopens closed tabs most recent first, at their old position', () => {
    let s = open('a', 'b', 'c');
    s = closeTab(s, 0, 'b');
    s = closeTab(s, 0, 'a');
    s = reopenClosed(s);
    expect(s.groups[0]).toEqual({ tabs: ['a', 'c'], active: 'a' });
    s = reopenClosed(s);
    expect(s.groups[0]).toEqual({ tabs: ['a', 'b', 'c'], active: 'b' });
    expect(reopenClosed(s)).toEqual(s);
  });

  it('skips a closed tab that is open again', () => {
    let s = closeTab(open('a', 'b'), 0, 'a');
    s = openTab(s, 'a');
    expect(reopenClosed(s).groups[0]!.tabs).toEqual(['b', 'a']);
  });

  it('reorders by drag within a group', () => {
    const s = moveTab(open('a', 'b', 'c'), 0, 'c', 0);
    expect(s.groups[0]!.tabs).toEqual(['c', 'a', 'b']);
    expect(moveTab(s, 0, 'zzz', 1)).toBe(s);
  });

  it('splits the active plan to a second group, and never makes a third', () => {
    let s = splitActive(open('a', 'b'));
    expect(s.groups.map((g) => g.tabs)).toEqual([['a', 'b'], ['b']]);
    expect(s.activeGroup).toBe(1);
    s = openTab(s, 'c', { toSide: true });
    expect(s.groups).toHaveLength(2);
    expect(s.groups[0]!.tabs).toEqual(['a', 'b', 'c']);
    expect(s.activeGroup).toBe(0);
  });

  it('removes an emptied second group and keeps the first', () => {
    let s = splitActive(open('a'));
    s = closeTab(s, 1, 'a');
    expect(s.groups).toHaveLength(1);
    expect(s.activeGroup).toBe(0);
    expect(openPlanIds(s)).toEqual(['a']);
  });

  it('drops tabs and history of plans that no longer exist', () => {
    let s = closeTab(open('a', 'b', 'c'), 0, 'c');
    s = splitActive(s);
    s = keepPlans(s, (id) => id === 'a');
    expect(s.groups).toEqual([{ tabs: ['a'], active: 'a' }]);
    expect(s.recentlyClosed).toEqual([]);
  });
});
