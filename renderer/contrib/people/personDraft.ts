/**
 * The people form's model: a draft of the fields as typed, checked against the directory's schema,
 * with one readable message per field so the form can show it inline.
 */
import { z } from 'zod';
import { newId } from '../../../shared/model/ids';
import { PersonSchema, type Person, type TeamId } from '../../../shared/model/people';
import { type Team } from '../../../shared/model/teams';
import { type GoalNode, type GoalTree } from '../../../shared/derive/goalTree';

export type PersonDraft = { id: string | null; name: string; email: string; team: TeamId; role: string; color: string };
export type PersonField = keyof Omit<PersonDraft, 'id'>;
export type PersonErrors = Partial<Record<PersonField, string>>;

/** Colours offered to new people, in turn (readable on light and dark backgrounds). */
export const PERSON_COLORS = ['#3b82f6', '#e11d48', '#059669', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d'] as const;

/** A new person's fields: the workspace's first team, the next colour. */
export function newPersonDraft(existing: Person[], teams: readonly Team[]): PersonDraft {
  return { id: null, name: '', email: '', team: teams[0]?.id ?? 'sales', role: '', color: PERSON_COLORS[existing.length % PERSON_COLORS.length]! };
}

export const draftOf = (p: Person): PersonDraft => ({ id: p.id, name: p.name, email: p.email, team: p.team, role: p.role, color: p.color });

const email = z.union([z.literal(''), z.email('that does not look like an email address')]);

/** The person to store, or the message for every field that is wrong. */
export function validatePerson(draft: PersonDraft, existing: Person[]): { person: Person } | { errors: PersonErrors } {
  const candidate = {
    id: draft.id ?? newId('person'),
    name: draft.name.trim(),
    email: draft.email.trim(),
    team: draft.team,
    role: draft.role.trim(),
    color: draft.color.trim(),
  };
  const errors: PersonErrors = {};
  const parsed = PersonSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as PersonField;
      errors[field] ??= field === 'team' ? 'pick a team' : issue.message;
    }
  }
  const mail = email.safeParse(candidate.email);
  if (!mail.success) errors.email ??= mail.error.issues[0]!.message;
  const sameName = existing.find((p) => p.id !== draft.id && p.name.trim().toLowerCase() === candidate.name.toLowerCase());
  if (candidate.name && sameName) errors.name ??= `${sameName.name} is already in the directory`;
  return Object.keys(errors).length ? { errors } : { person: parsed.data! };
}

/** The goals a person owns anywhere in the workspace, in cascade order. */
export function goalsOwnedBy(tree: GoalTree, personId: string): GoalNode[] {
  const out: GoalNode[] = [];
  const walk = (n: GoalNode) => {
    if (n.goal.owners.includes(personId)) out.push(n);
    n.children.forEach(walk);
  };
  tree.roots.forEach(walk);
  return out;
}
