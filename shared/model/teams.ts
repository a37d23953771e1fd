/**
 * The organisation's teams: regions, segments, functions ("West Sales", "Demand Gen"), each of a kind
 * (sales, marketing, joint, leadership, other) that says which side of the plan it is on. A workspace
 * defines its own in its document (workspaceDoc.ts); goals and people name a team by id.
 *
 * Before workspaces had teams, a goal or person named one of five fixed teams, by the very ids of the
 * five default teams ('sales', 'marketing', …). Those values keep working: a workspace starts with the
 * five default teams, and a legacy id that a workspace no longer defines still reads as its old name.
 */
import { z } from 'zod';

export const TEAM_KINDS = ['sales', 'marketing', 'joint', 'leadership', 'other'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];
export const TEAM_KIND_LABELS: Record<TeamKind, string> = {
  sales: 'Sales',
  marketing: 'Marketing',
  joint: 'Joint',
  leadership: 'Leadership',
  other: 'Other',
};

export const TeamSchema = z.object({
  id: z.string().min(1).max(80),
  name: z.string().trim().min(1, 'a team needs a name').max(80),
  kind: z.enum(TEAM_KINDS),
});
export type Team = z.infer<typeof TeamSchema>;

/** The teams of a workspace that has defined none: the five of old, same ids, so old values keep their meaning. */
export const DEFAULT_TEAMS: readonly Team[] = TEAM_KINDS.map((kind) => ({ id: kind, name: TEAM_KIND_LABELS[kind], kind }));

const isKind = (id: string): id is TeamKind => (TEAM_KINDS as readonly string[]).includes(id);

/**
 * The team a goal or person names: the workspace's team with that id; else, for one of the five old
 * ids, that team as it was; else a team of kind "other" called by its id (never throws).
 */
export function resolveTeam(id: string, teams: readonly Team[] = DEFAULT_TEAMS): Team {
  const found = teams.find((t) => t.id === id);
  if (found) return found;
  if (isKind(id)) return { id, name: TEAM_KIND_LABELS[id], kind: id };
  return { id, name: id.trim() || 'No team', kind: 'other' };
}

/** The name of a team the workspace (or, for the five old ids, the defaults) knows; null for an id neither knows. */
export function knownTeamName(id: string, teams: readonly Team[] = DEFAULT_TEAMS): string | null {
  return teams.find((t) => t.id === id)?.name ?? (isKind(id) ? TEAM_KIND_LABELS[id] : null);
}

export const teamName = (id: string, teams?: readonly Team[]): string => resolveTeam(id, teams).name;
export const teamKind = (id: string, teams?: readonly Team[]): TeamKind => resolveTeam(id, teams).kind;

/** The teams to offer in a picker: the workspace's, plus the current value when the workspace does not define it. */
export function teamOptions(teams: readonly Team[], current?: string): Team[] {
  return current && !teams.some((t) => t.id === current) ? [...teams, resolveTeam(current, teams)] : [...teams];
}
