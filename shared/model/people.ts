import { z } from 'zod';

/** The teams a person, a goal or a plan can belong to. */
export const TEAMS = ['sales', 'marketing', 'joint', 'leadership', 'other'] as const;
export type Team = (typeof TEAMS)[number];
export const TeamSchema = z.enum(TEAMS);

export const TEAM_LABELS: Record<Team, string> = {
  sales: 'Sales',
  marketing: 'Marketing',
  joint: 'Joint',
  leadership: 'Leadership',
  other: 'Other',
};

/** A person of the workspace's people directory. Goals, stages, actions and mentions refer to people by id. */
export const PersonSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1, 'a person needs a name'),
  email: z.string(),
  team: TeamSchema,
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
