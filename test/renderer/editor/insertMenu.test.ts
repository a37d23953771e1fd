import { mentionItems, slashItems, typeaheadAt } from '../../../renderer/editor/insertMenu';

describe('insertMenu', () => {
  it.each([
    ['/', { kind: 'slash', query: '' }],
    ['/go', { kind: 'slash', query: 'go' }],
    ['Next step /stages', { kind: 'slash', query: 'stages' }],
    ['and/or', null],
    ['ask @an', { kind: 'mention', query: 'an' }],
    ['mail me@example', null],
    ['plain', null],
  ])('"%s" opens %j', (before, expected) => {
    expect(typeaheadAt(before)).toEqual(expected);
  });

  it('filters the slash menu as you type, exact command first', () => {
    expect(slashItems('goal')[0]!.id).toBe('goal');
    expect(slashItems('sub-goal')[0]!.id).toBe('sub-goal');
    expect(slashItems('stages')[0]!.id).toBe('stages');
    expect(slashItems('heading')[0]!.id).toBe('heading');
    expect(slashItems('list').map((i) => i.id)).toContain('list');
    expect(slashItems('zzzz')).toEqual([]);
  });

  it('finds people by name', () => {
    const people = [
      { id: 'p1', name: 'Ana Lima', email: 'ana@x.io', team: 'marketing' as const, role: 'CMO', color: '#bf3989' },
      { id: 'p2', name: 'Ben Ortiz', email: 'ben@x.io', team: 'sales' as const, role: 'VP Sales', color: '#1f6feb' },
    ];
    expect(mentionItems('ben', people).map((i) => i.label)).toEqual(['Ben Ortiz']);
    expect(mentionItems('', people)).toHaveLength(2);
  });
});
