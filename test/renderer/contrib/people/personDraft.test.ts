import { DEFAULT_TEAMS } from '../../../../shared/model/teams';
import { goalsOwnedBy, newPersonDraft, validatePerson, draftOf } from '../../../../renderer/contrib/people/personDraft';
import { initials } from '../../../../shared/model/people';
import { buildGoalTree } from '../../../../shared/derive/goalTree';
import { newGoal } from '../../../../shared/model/blocks';
import { type Person } from '../../../../shared/model/people';

const ana: Person = { id: 'person_ana', name: 'Ana Ortiz', email: 'ana@example.com', team: 'sales', role: 'VP Sales', color: '#3366cc' };

describe('people form', () => {
  it('accepts a complete person and gives a new one an id', () => {
    const draft = { ...newPersonDraft([ana], DEFAULT_TEAMS), name: '  Ben Adler ', email: 'ben@example.com', team: 'marketing' as const };
    const r = validatePerson(draft, [ana]);
    expect('person' in r && r.person).toMatchObject({ name: 'Ben Adler', email: 'ben@example.com', team: 'marketing' });
    expect('person' in r && r.person.id).toMatch(/^person_/);
  });

  it('names every wrong field with a readable message', () => {
    const r = validatePerson({ id: null, name: ' ', email: 'not-an-email', team: 'sales', role: '', color: 'blue' }, [ana]);
    expect('errors' in r && r.errors).toEqual({
      name: 'a person needs a name',
      email: 'that does not look like an email address',
      color: 'colour must look like #3366cc',
    });
  });

  it('refuses a second person with the same name, but lets a person keep their own', () => {
    const twin = validatePerson({ ...newPersonDraft([ana], DEFAULT_TEAMS), name: 'ana ortiz' }, [ana]);
    expect('errors' in twin && twin.errors.name).toBe('Ana Ortiz is already in the directory');
    const self = validatePerson({ ...draftOf(ana), role: 'CRO' }, [ana]);
    expect('person' in self && self.person).toEqual({ ...ana, role: 'CRO' });
  });

  it('lists the goals a person owns across plans', () => {
    const tree = buildGoalTree([
      { meta: { id: 'p1', title: 'Company', templateId: '', period: '', schemaVersion: 1, createdAt: '' }, content: [
        newGoal({ id: 'goal_1', title: 'Revenue', owners: ['person_ana'] }),
        newGoal({ id: 'goal_2', title: 'Leads', owners: ['person_ben'] }),
      ] },
      { meta: { id: 'p2', title: 'Team', templateId: '', period: '', schemaVersion: 1, createdAt: '' }, content: [
        newGoal({ id: 'goal_3', title: 'EMEA', owners: ['person_ben', 'person_ana'], parentId: 'goal_1', parentPlanId: 'p1' }),
      ] },
    ]);
    expect(goalsOwnedBy(tree, 'person_ana').map((n) => `${n.planTitle}: ${n.goal.title}`)).toEqual(['Company: Revenue', 'Team: EMEA']);
    expect(goalsOwnedBy(tree, 'person_nobody')).toEqual([]);
  });

  it('makes avatar initials', () => {
    expect(initials('Ana Ortiz')).toBe('AO');
    expect(initials('Jean Paul Sartre')).toBe('JS');
    expect(initials('cher')).toBe('C');
    expect(initials('  ')).toBe('?');
  });
});
