import * as Y from 'yjs';
import { createPlanDoc, migratePlanDoc, readPlanContent, readPlanMeta, PLAN_SCHEMA_VERSION, planMetaMap, writtenByNewerTandem } from '../../../shared/model/planDoc';
import { heading, newGoal, newStageMatrix, paragraph } from '../../../shared/model/blocks';
import { parsePlanContent } from '../../../shared/model/schemas';
import { type GoalElement, type StageMatrixElement } from '../../../shared/model/elements';

describe('plan document layout', () => {
  const goal = newGoal({ title: 'Grow revenue 20%', owners: ['person_ana'], target: 12, metricUnit: 'M$' });
  const content = [heading(1, 'Plan'), paragraph('Why we exist'), goal, newStageMatrix({ approach: { marketing: 'Webinars' } })];

  it('round-trips content and meta through Yjs updates, structured fields intact', () => {
    const doc = createPlanDoc({ id: 'plan_1', title: 'FY27 plan', templateId: 'annual', period: 'FY27', content });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readPlanMeta(copy)).toMatchObject({ id: 'plan_1', title: 'FY27 plan', templateId: 'annual', period: 'FY27', schemaVersion: PLAN_SCHEMA_VERSION });
    const read = readPlanContent(copy);
    expect(read).toEqual(content);
    expect((read[2] as GoalElement).owners).toEqual(['person_ana']);
    expect((read[3] as StageMatrixElement).children[0]!.marketing).toBe('Webinars');
    expect(() => parsePlanContent(read)).not.toThrow();
  });

  it('migrates older plans, and leaves a plan that claims a newer schema as it is, without throwing', () => {
    const doc = createPlanDoc({ id: 'p', title: 't', templateId: 'x', period: '', content });
    planMetaMap(doc).set('schemaVersion', 0);
    expect(migratePlanDoc(doc)).toEqual({ from: 0, to: PLAN_SCHEMA_VERSION });
    expect(readPlanMeta(doc).schemaVersion).toBe(PLAN_SCHEMA_VERSION);
    planMetaMap(doc).set('schemaVersion', 999);
    expect(migratePlanDoc(doc)).toEqual({ from: 999, to: 999 });
    expect(readPlanMeta(doc).schemaVersion).toBe(999);
  });

  it('counts a plan as newer only when its content holds blocks this version does not know', () => {
    const known = createPlanDoc({ id: 'p', title: 't', templateId: 'x', period: '', content });
    planMetaMap(known).set('schemaVersion', 999); // a number anyone can set over sync
    expect(writtenByNewerTandem(known)).toBe(false);
    const timeline = { type: 'timeline', children: [{ text: '' }] } as unknown as GoalElement;
    const newer = createPlanDoc({ id: 'p', title: 't', templateId: 'x', period: '', content: [...content, timeline] });
    expect(writtenByNewerTandem(newer)).toBe(false); // same schema: a block to show as unknown, not a newer plan
    planMetaMap(newer).set('schemaVersion', PLAN_SCHEMA_VERSION + 1);
    expect(writtenByNewerTandem(newer)).toBe(true);
  });

  it('rejects a stage matrix with stages out of order, naming the field', () => {
    const bad = newStageMatrix();
    [bad.children[0], bad.children[1]] = [bad.children[1]!, bad.children[0]!];
    expect(() => parsePlanContent([bad])).toThrow(/track-selling order/);
  });
});
