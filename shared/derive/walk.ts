/** Walks a plan's content in document order, handing every element and its Slate path to a visitor. */
import { type Descendant } from 'slate';
import {
  type ActionElement, type GoalElement, type PlanContent, type PlanElement, type StageElement, type StageMatrixElement,
} from '../model/elements';
import { normalizePlanContent } from '../model/planOps';

export function forEachElement(content: PlanContent, visit: (el: PlanElement, path: number[]) => void): void {
  const walk = (nodes: Descendant[], prefix: number[]) => {
    nodes.forEach((node, i) => {
      if (!('type' in node)) return;
      const path = [...prefix, i];
      visit(node, path);
      walk(node.children as Descendant[], path);
    });
  };
  walk(content, []);
}

export type Located<T> = { el: T; path: number[] };

/** The plan's structured blocks, each with its path, in document order, every field present. */
export function structuredBlocks(planContent: PlanContent) {
  const content = normalizePlanContent(planContent);
  const goals: Located<GoalElement>[] = [];
  const actions: Located<ActionElement>[] = [];
  const matrices: Located<StageMatrixElement>[] = [];
  const stages: (Located<StageElement> & { matrix: StageMatrixElement })[] = [];
  forEachElement(content, (el, path) => {
    if (el.type === 'goal') goals.push({ el, path });
    else if (el.type === 'action') actions.push({ el, path });
    else if (el.type === 'stage-matrix') {
      matrices.push({ el, path });
      el.children.forEach((s, i) => stages.push({ el: s, path: [...path, i], matrix: el }));
    }
  });
  return { goals, actions, matrices, stages };
}

/** Plain text of an element's inline children (mentions read as their names). */
export function inlineText(el: { children: Descendant[] }): string {
  return el.children.map((c) => {
    if (!('type' in c)) return c.text;
    if (c.type === 'mention') return `@${c.name}`;
    return inlineText(c as { children: Descendant[] });
  }).join('');
}
