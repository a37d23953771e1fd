import { filterItems, highlightRuns } from '../../../renderer/workbench/quickFilter';

const items = ['Plan: Insert Goal', 'Plan: Insert Sub-goal', 'Plan: Insert Action', 'View: Toggle Panel', 'Preferences: Toggle Light/Dark Theme'].map((label) => ({ label }));

describe('quick input filtering', () => {
  it('keeps every item in order for an empty query', () => {
    expect(filterItems('  ', items).map((m) => m.item.label)).toEqual(items.map((i) => i.label));
  });

  it('finds a command from a fuzzy query, best match first', () => {
    const found = filterItems('insgoal', items).map((m) => m.item.label);
    expect(found[0]).toBe('Plan: Insert Goal');
    expect(found).not.toContain('View: Toggle Panel');
  });

  it('matches words in any order', () => {
    expect(filterItems('theme toggle', items).map((m) => m.item.label)).toEqual(['Preferences: Toggle Light/Dark Theme']);
  });

  it('also finds an item by its description (a goal by its plan)', () => {
    const goals = [{ label: 'goal: Keep the customers we win', description: 'Scratch plan' }, { label: 'goal: Keep the customers we win', description: 'FY27 joint plan' }];
    expect(filterItems('keep customers fy27', goals).map((m) => m.item.description)).toEqual(['FY27 joint plan']);
  });

  it('returns nothing for a query that matches nothing', () => {
    expect(filterItems('xyzzy', items)).toEqual([]);
  });

  it('splits a label into matched and unmatched runs', () => {
    expect(highlightRuns('Goal', [0, 1])).toEqual([{ text: 'Go', match: true }, { text: 'al', match: false }]);
    const [m] = filterItems('goal', [{ label: 'Insert Goal' }]);
    expect(highlightRuns('Insert Goal', m!.indexes).filter((r) => r.match).map((r) => r.text).join('')).toBe('Goal');
  });
});
