/** The benchmark's plans: `blocks` top-level blocks, one in five a goal (cascading), the rest prose. */
import { type Descendant } from 'slate';
import { heading, newGoal, paragraph } from '../../../shared/model/blocks';

const SENTENCE = 'Marketing hands over qualified leads within two days and sales follows up within one.';

export function planBlocks(blocks: number): Descendant[] {
  const out: Descendant[] = [];
  let lastTop: string | null = null;
  for (let i = 0; i < blocks; i++) {
    if (i % 5 === 0) {
      const top = i % 25 === 0;
      const goal = newGoal({
        title: `Goal ${i}: grow qualified pipeline`, team: top ? 'joint' : 'sales', metricName: 'Pipeline', metricUnit: '$',
        target: 1000 + i, current: i, parentId: top ? null : lastTop, owners: ['person_a'],
      });
      if (top) lastTop = goal.id;
      out.push(goal);
    } else if (i % 50 === 1) {
      out.push(heading(2, `Section ${i}`));
    } else {
      out.push(paragraph(`${i}. ${SENTENCE}`));
    }
  }
  return out;
}

/** The same number of blocks as plain paragraphs, for the plain Slate baseline. */
export function plainBlocks(blocks: number): Descendant[] {
  return Array.from({ length: blocks }, (_, i) => paragraph(`${i}. ${SENTENCE}`));
}
