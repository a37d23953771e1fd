/**
 * Restoring an edition is a new change: one transaction both colleagues receive, that leaves the plan
 * with the edition's content, keeps a colleague's concurrent edit to a block the restore did not
 * touch, and that one undo takes back.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { heading, newAction, newGoal, newStageMatrix, paragraph } from '../../../shared/model/blocks';
import { type GoalElement, type PlanContent } from '../../../shared/model/elements';
import { createPlanDoc, planContent, readPlanContent, readPlanMeta } from '../../../shared/model/planDoc';
import { normalizePlanContent } from '../../../shared/model/planOps';
import { readEditions, saveEdition } from '../../../shared/editions/editionsDoc';
import { restoreEdition } from '../../../shared/editions/restoreEdition';

const blocks = (doc: Y.Doc) => planContent(doc).toDelta().map((op: { insert: Y.XmlText }) => op.insert) as Y.XmlText[];
const goalBlock = (doc: Y.Doc, id: string) => blocks(doc).find((b) => b.getAttribute('id') === id)!;
const content = (doc: Y.Doc) => normalizePlanContent(readPlanContent(doc));

/** Two colleagues' copies of a plan; updates from each are held until `deliver()`. */
function twoClients() {
  const ana = new Y.Doc();
  ana.clientID = 1;
  createPlanDoc({
    id: 'plan_fy27', title: 'FY27 plan', templateId: 'annual-joint-plan', period: 'FY27',
    content: [
      heading(1, 'Goals'), paragraph('Revenue grows by a fifth.'),
      newGoal({ id: 'goal_rev', title: 'Revenue', metricUnit: '$', target: 1_200_000, owners: ['person_ana'] }),
      newGoal({ id: 'goal_nps', title: 'NPS', target: 40 }),
      newStageMatrix({ qualification: { salesOwner: 'person_ana' } }),
      newAction({ id: 'action_show', title: 'Trade show', goalId: 'goal_rev' }),
    ],
  }, ana);
  const ben = new Y.Doc();
  ben.clientID = 2;
  Y.applyUpdate(ben, Y.encodeStateAsUpdate(ana));
  const queue: Array<[Y.Doc, Uint8Array]> = [];
  ana.on('update', (u: Uint8Array, origin: unknown) => { if (origin !== 'remote') queue.push([ben, u]); });
  ben.on('update', (u: Uint8Array, origin: unknown) => { if (origin !== 'remote') queue.push([ana, u]); });
  const deliver = () => {
    while (queue.length) {
      const [to, u] = queue.shift()!;
      Y.applyUpdate(to, u, 'remote');
    }
  };
  return { ana, ben, deliver, pending: () => queue.length };
}

describe('restoreEdition', () => {
  it('brings the edition back as one change both receive, keeps a concurrent edit elsewhere, and undoes in one step', () => {
    const { ana, ben, deliver } = twoClients();
    const editions = new Y.Doc();
    const approved = saveEdition(ana, editions, { name: 'Approved FY27', author: 'Ana' });
    const atApproval: PlanContent = content(ana);

    // After the approval: Ben moves the target, changes the owner, rewrites the prose, drops a goal, adds one.
    ben.transact(() => {
      goalBlock(ben, 'goal_rev').setAttribute('target', 1_500_000 as never);
      goalBlock(ben, 'goal_rev').setAttribute('owners', ['person_ben'] as never);
      blocks(ben)[1]!.insert(0, 'Now: ');
      const at = blocks(ben).findIndex((b) => b.getAttribute('id') === 'goal_nps');
      planContent(ben).delete(at, 1);
      const rows = blocks(ben).find((b) => b.getAttribute('type') === 'stage-matrix')!.toDelta().map((op: { insert: Y.XmlText }) => op.insert) as Y.XmlText[];
      rows[1]!.removeAttribute('salesOwner');
    });
    planContent(ben).insertEmbed(1, new Y.XmlText());
    deliver();
    const beforeRestore = content(ana);
    expect(beforeRestore).not.toEqual(atApproval);

    const undo = new Y.UndoManager(planContent(ana), { trackedOrigins: new Set(['restore']) });
    let transactions = 0;
    ana.on('afterTransaction', (tr: Y.Transaction) => { if (tr.origin === 'restore') transactions++; });
    // Ben edits a block the restore leaves alone, at the same time.
    goalBlock(ben, 'goal_rev').setAttribute('title', 'Revenue (net)' as never);
    const { changes } = restoreEdition(ana, readEditions(editions), approved.id, 'restore');
    expect(transactions).toBe(1);
    expect(changes).toBeGreaterThan(0);
    deliver();

    const expected = atApproval.map((n) => ('type' in n && n.type === 'goal' && n.id === 'goal_rev' ? { ...n, title: 'Revenue (net)' } : n));
    expect(content(ana)).toEqual(expected);
    expect(content(ben)).toEqual(expected);
    expect(readPlanMeta(ana).title).toBe('FY27 plan');
    const rev = content(ben).find((n) => 'type' in n && n.type === 'goal') as GoalElement;
    expect([rev.target, rev.owners]).toEqual([1_200_000, ['person_ana']]);

    undo.undo();
    deliver();
    const undone = beforeRestore.map((n) => ('type' in n && n.type === 'goal' && n.id === 'goal_rev' ? { ...n, title: 'Revenue (net)' } : n));
    expect(content(ana)).toEqual(undone);
    expect(content(ben)).toEqual(undone);
  });

  it('restoring the edition the plan already equals changes nothing', () => {
    const { ana } = twoClients();
    const editions = new Y.Doc();
    const e = saveEdition(ana, editions, { name: 'Board draft', author: 'Ana' });
    let updates = 0;
    ana.on('update', () => updates++);
    expect(restoreEdition(ana, readEditions(editions), e.id).changes).toBe(0);
    expect(updates).toBe(0);
  });
});
