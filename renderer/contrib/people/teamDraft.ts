/** The team form's model: a team's name and side, checked against the team schema and the other teams' names. */
import { newId } from '../../../shared/model/ids';
import { TeamSchema, type Team, type TeamKind } from '../../../shared/model/teams';

export type TeamDraft = { id: string | null; name: string; kind: TeamKind };

/** The team to store (a new one gets a fresh id), or what is wrong with its name. */
export function validateTeam(draft: TeamDraft, teams: readonly Team[]): { team: Team } | { error: string } {
  const name = draft.name.trim().replace(/\s+/g, ' ');
  const parsed = TeamSchema.safeParse({ id: draft.id ?? newId('team'), name, kind: draft.kind });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'this team is not valid' };
  const twin = teams.find((t) => t.id !== draft.id && t.name.trim().toLowerCase() === name.toLowerCase());
  if (twin) return { error: `there is already a team called ${twin.name}` };
  return { team: parsed.data };
}

export type TeamUse = { goals: number; people: number };

/** How many goals and people name each team, by team id. */
export function teamUsage(goalTeams: Iterable<string>, peopleTeams: Iterable<string>): Map<string, TeamUse> {
  const out = new Map<string, TeamUse>();
  const at = (id: string) => out.get(id) ?? out.set(id, { goals: 0, people: 0 }).get(id)!;
  for (const id of goalTeams) at(id).goals++;
  for (const id of peopleTeams) at(id).people++;
  return out;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 goals · 2 people", or '' when nothing names the team. */
export function describeUse(use: TeamUse | undefined): string {
  if (!use) return '';
  return [use.goals && count(use.goals, 'goal', 'goals'), use.people && count(use.people, 'person', 'people')].filter(Boolean).join(' · ');
}
