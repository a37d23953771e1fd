/** The plan's outline for the side bar: headings, with goals, stage matrices and actions under them. */
import { type PlanContent } from '../model/elements';
import { normalizePlanContent } from '../model/planOps';
import { inlineText } from './walk';

export type OutlineItem = {
  kind: 'heading' | 'goal' | 'stage-matrix' | 'action';
  title: string;
  /** Heading level 1–3; a structured block sits one level below the heading above it. */
  level: number;
  path: number[];
  blockId: string | null;
};

export function buildOutline(planContent: PlanContent): OutlineItem[] {
  const items: OutlineItem[] = [];
  let headingLevel = 0;
  normalizePlanContent(planContent).forEach((node, i) => {
    if (!('type' in node)) return;
    const path = [i];
    switch (node.type) {
      case 'heading':
        headingLevel = node.level;
        items.push({ kind: 'heading', title: inlineText(node).trim() || 'Untitled section', level: node.level, path, blockId: null });
        break;
      case 'goal':
        items.push({ kind: 'goal', title: node.title.trim() || 'Untitled goal', level: headingLevel + 1, path, blockId: node.id });
        break;
      case 'action':
        items.push({ kind: 'action', title: node.title.trim() || 'Untitled action', level: headingLevel + 1, path, blockId: node.id });
        break;
      case 'stage-matrix':
        items.push({ kind: 'stage-matrix', title: 'Track-selling stages', level: headingLevel + 1, path, blockId: node.id });
        break;
    }
  });
  return items;
}
