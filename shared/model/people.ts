import { z } from 'zod';

import { TEAM_KIND_LABELS, TEAM_KINDS } from './teams';

/**
 * A team id, naming one of the workspace's teams (teams.ts). The ids of the five default teams, which
 * were once the only teams, are listed here for pickers that do not read the workspace's teams yet.
 */
export type TeamId = string;
/** Kept for pickers that do not read the workspace's teams yet: the default teams' ids. */
export const TEAMS: readonly TeamId[] = TEAM_KINDS;
/** The default teams' names; use resolveTeam / teamName with the workspace's teams. */
export const TEAM_LABELS: Readonly<Record<string, string>> = TEAM_KIND_LABELS;
export type Team = TeamId;
export const TeamIdSchema = z.string().trim().min(1, 'pick a team').max(80);

/** A person of the workspace's people directory. Goals, stages, actions and mentions refer to people by id. */
export const PersonSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1, 'a person needs a name'),
  email: z.string(),
  team: TeamIdSchema,
  role: z.string(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must look like #3366cc'),
});
export type Person = z.infer<typeof PersonSchema>;

/** Initials for an avatar: "Ana Ortiz" → "AO", "cher" → "C". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = words[0]![0]!;
  const last = words.length > 1 ? words[words.length - 1]![0]! : '';
  return (first + last).toUpperCase();
}
