import * as Y from 'yjs';
import { createPlanDoc, migratePlanDoc, readPlanContent, readPlanMeta, PLAN_SCHEMA_VERSION, planMetaMap } from '../../../shared/model/planDoc';
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

  it('refuses a plan written by a newer schema and migrates older ones', () => {
    const doc = createPlanDoc({ id: 'p', title: 't', templateId: 'x', period: '', content });
    planMetaMap(doc).set('schemaVersion', 0);
    expect(migratePlanDoc(doc)).toEqual({ from: 0, to: PLAN_SCHEMA_VERSION });
    expect(readPlanMeta(doc).schemaVersion).toBe(PLAN_SCHEMA_VERSION);
    planMetaMap(doc).set('schemaVersion', 99);
    expect(() => migratePlanDoc(doc)).toThrow(/newer version of Tandem/);
  });

  it('rejects a stage matrix with stages out of order, naming the field', () => {
    const bad = newStageMatrix();
    [bad.children[0], bad.children[1]] = [bad.children[1]!, bad.children[0]!];
    expect(() => parsePlanContent([bad])).toThrow(/track-selling order/);
  });
});
