/** Turns a template into a new plan document: fresh ids, optionally linked up to a goal of another plan. */
import type * as Y from 'yjs';
import { type Descendant } from 'slate';
import { createPlanDoc } from '../model/planDoc';
import { type Team } from '../model/people';
import { refreshIds } from '../model/planOps';
import { type PlanTemplate } from './templateSchema';

export type InstantiateOptions = {
  planId: string;
  /** Defaults to the template's name. */
  title?: string;
  /** Defaults to the template's period, or empty. */
  period?: string;
  /**
   * Cascade: the template's top goals (those without a parent) will support this goal of another
   * plan, and belong to `team` when one is given.
   */
  parentGoal?: { planId: string; goalId: string; team?: Team };
};

export function instantiateTemplate(t: PlanTemplate, opts: InstantiateOptions): Y.Doc {
  let content = refreshIds(t.content);
  const parent = opts.parentGoal;
  if (parent) {
    content = content.map((n: Descendant) =>
      'type' in n && n.type === 'goal' && n.parentId == null
        ? { ...n, parentId: parent.goalId, parentPlanId: parent.planId, ...(parent.team ? { team: parent.team } : {}) }
        : n);
  }
  return createPlanDoc({
    id: opts.planId,
    title: opts.title?.trim() || t.name,
    templateId: t.id,
    period: opts.period ?? t.period ?? '',
    content,
  });
}
