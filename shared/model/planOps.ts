/** Whole-plan operations that produce new plan documents or rename one. */
import type * as Y from 'yjs';
import { type Descendant } from 'slate';
import { newId } from './ids';
import { type PlanContent } from './elements';
import { createPlanDoc, planMetaMap, readPlanContent, readPlanMeta } from './planDoc';

export type RefreshIdsOptions = {
  /** The id of the plan the content came from: parent links naming it are internal links too. */
  sourcePlanId?: string;
};

/**
 * A copy of the content with a fresh id for every goal, action and stage matrix, and every internal
 * reference (a goal's parent, an action's goal) remapped to the new ids. References to goals
 * outside the content are kept as they are. Used by templates, duplicate and paste.
 */
export function refreshIds(content: PlanContent, options: RefreshIdsOptions = {}): PlanContent {
  const goalIds = new Map<string, string>();
  const collect = (nodes: Descendant[]) => {
    for (const n of nodes) {
      if (!('type' in n)) continue;
      if (n.type === 'goal' && !goalIds.has(n.id)) goalIds.set(n.id, newId('goal'));
      collect(n.children as Descendant[]);
    }
  };
  collect(content);

  const internal = (planId: string | null) => planId === null || planId === options.sourcePlanId;
  const copy = (nodes: Descendant[]): Descendant[] => nodes.map((n) => {
    if (!('type' in n)) return { ...n };
    const el = { ...n, children: copy(n.children as Descendant[]) } as Descendant & Record<string, unknown>;
    switch (n.type) {
      case 'goal':
        return {
          ...el,
          id: goalIds.get(n.id)!,
          owners: [...n.owners],
          ...(n.parentId !== null && internal(n.parentPlanId) && goalIds.has(n.parentId)
            ? { parentId: goalIds.get(n.parentId)!, parentPlanId: null }
            : {}),
        };
      case 'action':
        return { ...el, id: newId('action'), goalId: n.goalId !== null ? (goalIds.get(n.goalId) ?? n.goalId) : null };
      case 'stage-matrix':
        return { ...el, id: newId('stages') };
      default:
        return el;
    }
  });
  return copy(content) as PlanContent;
}

/** A new plan with the source's content under fresh ids, its template and period, and a new title. */
export function duplicatePlanDoc(source: Y.Doc, opts: { planId: string; title: string }): Y.Doc {
  const meta = readPlanMeta(source);
  return createPlanDoc({
    id: opts.planId,
    title: opts.title,
    templateId: meta.templateId,
    period: meta.period,
    content: refreshIds(readPlanContent(source), { sourcePlanId: meta.id }),
  });
}

/** Renames a plan; a blank title is refused, so a plan never becomes nameless. */
export function renamePlanDoc(doc: Y.Doc, title: string): void {
  const clean = title.trim();
  if (!clean) throw new Error('a plan needs a title');
  if (readPlanMeta(doc).title !== clean) planMetaMap(doc).set('title', clean);
}
