/** What the cards need besides their own element: people, goals to link to, derived figures, conflicts. */
import { createContext, useContext } from 'react';
import { type NewCheckIn } from '../../shared/model/checkIns';
import { type Person } from '../../shared/model/people';
import { type Team } from '../../shared/model/teams';
import { type CommentMarks } from './commentMarks';
import { type DerivedStore } from './derivedStore';
import { type FieldConflicts } from './fieldConflicts';

export type GoalOption = { id: string; planId: string; planTitle: string; title: string };

export type PlanEditorContextValue = {
  planId: string;
  people: Person[];
  peopleById: Map<string, Person>;
  /** Goals of other plans (and possibly this one; this plan's own goals come from `derived`). */
  goalOptions: GoalOption[];
  derived: DerivedStore;
  conflicts: FieldConflicts;
  readOnly: boolean;
  /** The workspace's teams, for the goal card's Team field. */
  teams: readonly Team[];
  /** Records a check-in as this user (the author is the name on their invite); throws when it is not valid. */
  checkIn: (input: Omit<NewCheckIn, 'author'>) => void;
  /** Today, YYYY-MM-DD. */
  today: () => string;
  /** Comment counts and highlights, when a comments feature gives them. */
  comments: CommentMarks | null;
};

export const PlanEditorContext = createContext<PlanEditorContextValue | null>(null);

export function usePlanEditorContext(): PlanEditorContextValue {
  const value = useContext(PlanEditorContext);
  if (!value) throw new Error('plan editor parts must be rendered inside PlanEditor');
  return value;
}
