/** The team form: a name that is there and not taken, a fresh id for a new team; what names each team. */
import { describeUse, teamUsage, validateTeam } from '../../../../renderer/contrib/people/teamDraft';
import { DEFAULT_TEAMS } from '../../../../shared/model/teams';

describe('a team from the form', () => {
  it('gets a fresh id when new, keeps its id when renamed, and tidies its name', () => {
    const made = validateTeam({ id: null, name: '  West   Sales ', kind: 'sales' }, DEFAULT_TEAMS);
    expect(made).toMatchObject({ team: { name: 'West Sales', kind: 'sales' } });
    expect('team' in made && made.team.id).toMatch(/^team_[a-z0-9]{10}$/);
    expect(validateTeam({ id: 'marketing', name: 'Demand Gen', kind: 'marketing' }, DEFAULT_TEAMS)).toEqual({ team: { id: 'marketing', name: 'Demand Gen', kind: 'marketing' } });
  });

  it('says what is wrong: no name, a name another team has', () => {
    expect(validateTeam({ id: null, name: '   ', kind: 'sales' }, DEFAULT_TEAMS)).toEqual({ error: 'a team needs a name' });
    expect(validateTeam({ id: null, name: 'sales', kind: 'sales' }, DEFAULT_TEAMS)).toEqual({ error: 'there is already a team called Sales' });
    expect(validateTeam({ id: 'sales', name: 'SALES', kind: 'sales' }, DEFAULT_TEAMS)).toMatchObject({ team: { name: 'SALES' } }); // itself
  });

  it('counts the goals and people that name each team', () => {
    const use = teamUsage(['sales', 'sales', 'team_west'], ['sales', 'marketing']);
    expect(describeUse(use.get('sales'))).toBe('2 goals · 1 person');
    expect(describeUse(use.get('marketing'))).toBe('1 person');
    expect(describeUse(use.get('joint'))).toBe('');
  });
});
