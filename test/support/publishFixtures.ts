/** Plans to publish in tests: the annual template with people assigned, and a long plan built from it. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Descendant } from 'slate';
import { snapshotPlan, type PlanSnapshot } from '../../shared/model/planDoc';
import { type GoalElement } from '../../shared/model/elements';
import { type Person } from '../../shared/model/people';
import { newId } from '../../shared/model/ids';
import { instantiateTemplate } from '../../shared/templates/instantiate';
import { parseTemplate } from '../../shared/templates/templateSchema';

export const PEOPLE: Person[] = [
  { id: 'person_ana', name: 'Ana Ruiz', email: 'ana@example.com', team: 'sales', role: 'VP Sales', color: '#3366cc' },
  { id: 'person_ben', name: 'Ben Okafor', email: 'ben@example.com', team: 'marketing', role: 'CMO', color: '#cc6633' },
  { id: 'person_chloe', name: 'Chloé Martin', email: 'chloe@example.com', team: 'joint', role: 'RevOps', color: '#339966' },
];

/** The annual joint plan template as a plan, every goal, stage and action owned by someone. */
export function annualPlan(): PlanSnapshot {
  const file = fileURLToPath(new URL('../../templates/annual-joint-plan.json', import.meta.url));
  const template = parseTemplate(JSON.parse(readFileSync(file, 'utf8')), 'annual-joint-plan.json');
  const plan = snapshotPlan(instantiateTemplate(template, { planId: 'plan_fy27', title: 'FY27 joint sales & marketing plan', period: 'FY27' }));
  let n = 0;
  const next = () => PEOPLE[n++ % PEOPLE.length]!.id;
  const own = (nodes: Descendant[]): Descendant[] => nodes.map((node) => {
    if (!('type' in node)) return node;
    if (node.type === 'goal') return { ...node, owners: [next()], current: node.target != null ? (node.baseline ?? 0) + ((node.target - (node.baseline ?? 0)) / 2) : null };
    if (node.type === 'action') return { ...node, owner: next() };
    if (node.type === 'stage') return { ...node, marketingOwner: next(), salesOwner: next() };
    if (node.type === 'stage-matrix') return { ...node, children: own(node.children) as typeof node.children };
    return node;
  });
  return { ...plan, content: own(plan.content) };
}

/** A plan of about `blocks` top-level blocks: the annual plan's content repeated, goal ids made unique. */
export function longPlan(blocks: number): PlanSnapshot {
  const base = annualPlan();
  const content: Descendant[] = [];
  for (let round = 0; content.length < blocks; round++) {
    const ids = new Map<string, string>();
    for (const node of base.content) {
      if (content.length >= blocks) break;
      if ('type' in node && node.type === 'goal') {
        const id = newId('goal');
        ids.set(node.id, id);
        content.push({ ...node, id, title: `${node.title} (part ${round + 1})`, parentId: node.parentId ? (ids.get(node.parentId) ?? null) : null });
      } else if ('type' in node && node.type === 'action') {
        content.push({ ...node, id: newId('action'), goalId: node.goalId ? (ids.get(node.goalId) ?? null) : null });
      } else content.push(node);
    }
  }
  return { meta: { ...base.meta, id: 'plan_long', title: 'Long plan' }, content };
}

/**
 * The annual plan followed by 30 goal cards whose rationales run from a few lines to a third of a
 * page, so that cards fall across page ends: printed without `break-inside: avoid`, some are split.
 * Every card's title and last words are its own ("Card 7 …", "… ends card 7").
 */
export function cardsAcrossPageEnds(): PlanSnapshot {
  const base = annualPlan();
  const goal = base.content.find((n): n is GoalElement => 'type' in n && n.type === 'goal')!;
  const words = 'pipeline coverage improves when marketing qualified leads reach sales within a day and every stage owner reviews conversion weekly'.split(' ');
  const cards: GoalElement[] = Array.from({ length: 30 }, (_, i) => {
    const length = 20 + ((i * 37) % 140);
    const rationale = Array.from({ length }, (_, w) => words[(w + i) % words.length]).join(' ');
    return { ...goal, id: newId('goal'), parentId: null, title: `Card ${i + 1} of the long rationales`, rationale: `${rationale}, which ends card ${i + 1}` };
  });
  return { meta: { ...base.meta, id: 'plan_cards', title: 'Cards across page ends' }, content: [...base.content, ...cards] };
}
