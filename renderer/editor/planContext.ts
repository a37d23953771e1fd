/** What the cards need besides their own element: people, goals to link to, derived figures, conflicts. */
import { createContext, useContext } from 'react';
import { type Person } from '../../shared/model/people';
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
};

export const PlanEditorContext = createContext<PlanEditorContextValue | null>(null);

export function usePlanEditorContext(): PlanEditorContextValue {
  const value = useContext(PlanEditorContext);
  if (!value) throw new Error('plan editor parts must be rendered inside PlanEditor');
  return value;
}
