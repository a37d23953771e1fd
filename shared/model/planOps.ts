/** Whole-plan operations that produce new plan documents or rename one. */
import type * as Y from 'yjs';
import { type Descendant } from 'slate';
import { newId } from './ids';
import { newAction, newGoal, newStage, newStageMatrix } from './blocks';
import { type PlanContent, type PlanElement } from './elements';
import { createPlanDoc, planMetaMap, readPlanContent, readPlanMeta } from './planDoc';
import { PLAN_TITLE_MAX } from './planTitle';

/** Every field a structured block must have, with the value it takes when missing. */
const FIELD_DEFAULTS: Partial<Record<PlanElement['type'], Record<string, unknown>>> = {
  goal: withoutIdentity(newGoal()),
  action: withoutIdentity(newAction()),
  stage: withoutIdentity(newStage({ stage: 'approach' })),
  'stage-matrix': withoutIdentity(newStageMatrix()),
};

function withoutIdentity(el: object): Record<string, unknown> {
  const { type: _t, id: _i, stage: _s, children: _c, ...fields } = el as Record<string, unknown>;
  return fields;
}

/**
 * Puts back the fields of structured blocks that a document may lack. Slate removes a property set
 * to null (clearing a goal's parent, target or owner removes the key, in the editor and in Yjs), so
 * "missing" means the field's empty value. Returns the same objects when nothing is missing.
 */
export function normalizePlanContent(content: PlanContent): PlanContent {
  const fix = (nodes: Descendant[]): Descendant[] => {
    let changed = false;
    const out = nodes.map((n) => {
      if (!('type' in n)) return n;
      const children = fix(n.children as Descendant[]);
      const defaults = FIELD_DEFAULTS[n.type];
      const missing = defaults ? Object.keys(defaults).filter((k) => (n as Record<string, unknown>)[k] === undefined) : [];
      if (children === n.children && missing.length === 0) return n;
      changed = true;
      const filled = Object.fromEntries(missing.map((k) => [k, copyDefault(defaults![k])]));
      return { ...n, ...filled, children } as Descendant;
    });
    return changed ? out : nodes;
  };
  return fix(content) as PlanContent;
}

const copyDefault = (v: unknown) => (Array.isArray(v) ? [...v] : v);

export type RefreshIdsOptions = {
  /** The id of the plan the content came from: parent links naming it are internal links too. */
  sourcePlanId?: string;
  /** Drop parent links to goals of other plans (a duplicate must not count in their rollups twice). */
  dropLinksToOtherPlans?: boolean;
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
            : n.parentId !== null && !internal(n.parentPlanId) && options.dropLinksToOtherPlans ? { parentId: null, parentPlanId: null } : {}),
        };
      case 'action':
        return { ...el, id: newId('action'), goalId: n.goalId !== null ? (goalIds.get(n.goalId) ?? n.goalId) : null };
      case 'stage-matrix':
        return {
          ...el, id: newId('stages'),
          ...(n.revenueGoalId != null && goalIds.has(n.revenueGoalId) ? { revenueGoalId: goalIds.get(n.revenueGoalId)! } : {}),
        };
      default:
        return el;
    }
  });
  return copy(content) as PlanContent;
}

/** How many goals of the plan support a goal of another plan (what a duplicate lets go of). */
export function countLinksToOtherPlans(plan: { meta: { id: string }; content: PlanContent }): number {
  let n = 0;
  const walk = (nodes: Descendant[]) => nodes.forEach((node) => {
    if (!('type' in node)) return;
    if (node.type === 'goal' && node.parentId && node.parentPlanId && node.parentPlanId !== plan.meta.id) n++;
    walk(node.children as Descendant[]);
  });
  walk(plan.content);
  return n;
}

/**
 * A new plan with the source's content under fresh ids, its template and period, and a new title.
 * Its goals no longer support goals of other plans: the original still does, and the copy would
 * count a second time in their progress (the UI says so when it makes the copy).
 */
export function duplicatePlanDoc(source: Y.Doc, opts: { planId: string; title: string }): Y.Doc {
  const meta = readPlanMeta(source);
  return createPlanDoc({
    id: opts.planId,
    title: opts.title,
    templateId: meta.templateId,
    period: meta.period,
    content: refreshIds(readPlanContent(source), { sourcePlanId: meta.id, dropLinksToOtherPlans: true }),
  });
}

/** Renames a plan; a blank title is refused, so a plan never becomes nameless, and so is one over the limit. */
export function renamePlanDoc(doc: Y.Doc, title: string): void {
  const clean = title.trim();
  if (!clean) throw new Error('a plan needs a title');
  if (clean.length > PLAN_TITLE_MAX) throw new Error(`a plan title can be at most ${PLAN_TITLE_MAX} characters`);
  if (readPlanMeta(doc).title !== clean) planMetaMap(doc).set('title', clean);
}
