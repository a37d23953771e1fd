/** The Conflicts view's rows: this device's replaced values across the workspace, newest first, with where they are. */
import { Element } from 'slate';
import { type PlanSnapshot } from '../model/planDoc';
import { stageInfo } from '../model/stages';

export type ConflictRow = {
  id: string;
  planId: string;
  planTitle: string;
  /** What holds the field, as a person names it: `goal “Pipeline”`, `stage Approach`. */
  where: string;
  field: string;
  mine: unknown;
  theirs: unknown;
  by: string;
  at: string;
  revealBlockId: string;
  revealPath: number[] | undefined;
};

function locate(plan: PlanSnapshot, block: string): { where: string; revealBlockId: string; revealPath?: number[] } | null {
  for (let i = 0; i < plan.content.length; i++) {
    const n = plan.content[i]!;
    if (!Element.isElement(n)) continue;
    if ((n.type === 'goal' || n.type === 'action') && n.id === block) {
      return { where: `${n.type} “${n.title || 'untitled'}”`, revealBlockId: n.id };
    }
    if (n.type === 'stage-matrix' && block.startsWith(`${n.id}:`)) {
      const j = n.children.findIndex((s) => `${n.id}:${s.stage}` === block);
      if (j >= 0) return { where: `stage ${stageInfo(n.children[j]!.stage).name}`, revealBlockId: n.id, revealPath: [i, j] };
    }
  }
  return null;
}

export function conflictRows(plans: PlanSnapshot[], device: string): ConflictRow[] {
  const rows: ConflictRow[] = [];
  for (const plan of plans) {
    for (const c of plan.conflicts ?? []) {
      if (c.device !== device) continue;
      const at = locate(plan, c.block);
      if (!at) continue; // the block is gone: nothing left to restore into
      rows.push({
        id: c.id, planId: plan.meta.id, planTitle: plan.meta.title || 'Untitled plan', where: at.where, field: c.field,
        mine: c.mine, theirs: c.theirs, by: c.by, at: c.at, revealBlockId: at.revealBlockId, revealPath: at.revealPath,
      });
    }
  }
  return rows.sort((a, b) => b.at.localeCompare(a.at));
}
