import * as Y from 'yjs';
import { newAction, newGoal, newStageMatrix, paragraph } from '../../../shared/model/blocks';
import { type ActionElement, type GoalElement, type StageMatrixElement } from '../../../shared/model/elements';
import { createPlanDoc, readPlanContent, readPlanMeta, snapshotPlan } from '../../../shared/model/planDoc';
import { buildGoalTree } from '../../../shared/derive/goalTree';
import { countLinksToOtherPlans, duplicatePlanDoc, normalizePlanContent, refreshIds, renamePlanDoc } from '../../../shared/model/planOps';
import { parsePlanContent } from '../../../shared/model/schemas';

const content = () => [
  newGoal({ id: 'g_top', title: 'Top', owners: ['person_ana'] }),
  newGoal({ id: 'g_sub', title: 'Sub', parentId: 'g_top' }),
  newGoal({ id: 'g_self', title: 'Linked by plan id', parentId: 'g_top', parentPlanId: 'plan_src' }),
  newGoal({ id: 'g_up', title: 'Up', parentId: 'g_company', parentPlanId: 'plan_annual' }),
  newAction({ id: 'a_1', goalId: 'g_sub' }),
  newAction({ id: 'a_2', goalId: 'g_elsewhere' }),
  newStageMatrix(),
];

describe('refreshing ids', () => {
  it('gives every goal, action and stage matrix a fresh id and remaps internal links', () => {
    const before = content();
    const [top, sub, self, up, a1, a2, m] = refreshIds(before, { sourcePlanId: 'plan_src' }) as [GoalElement, GoalElement, GoalElement, GoalElement, ActionElement, ActionElement, StageMatrixElement];
    const oldIds = new Set(['g_top', 'g_sub', 'g_self', 'g_up', 'a_1', 'a_2', (before[6] as StageMatrixElement).id]);
    expect([top, sub, self, up, a1, a2, m].some((b) => oldIds.has(b.id))).toBe(false);
    expect(sub.parentId).toBe(top.id);
    expect([self.parentId, self.parentPlanId]).toEqual([top.id, null]);
    expect([up.parentId, up.parentPlanId]).toEqual(['g_company', 'plan_annual']);
    expect(a1.goalId).toBe(sub.id);
    expect(a2.goalId).toBe('g_elsewhere');
    expect(top.owners).toEqual(['person_ana']);
  });

  it('leaves the original untouched', () => {
    const before = content();
    const json = JSON.stringify(before);
    const after = refreshIds(before);
    (after[0] as GoalElement).owners.push('x');
    expect(JSON.stringify(before)).toBe(json);
  });
});

describe('duplicating and renaming plans', () => {
  const source = () => createPlanDoc({ id: 'plan_src', title: 'FY27', templateId: 'annual-joint-plan', period: 'FY27', content: [paragraph('hello'), ...content()] });

  it('duplicates a plan under a new id and title with fresh block ids', () => {
    const src = source();
    const copy = duplicatePlanDoc(src, { planId: 'plan_copy', title: 'FY27 (copy)' });
    expect(readPlanMeta(copy)).toMatchObject({ id: 'plan_copy', title: 'FY27 (copy)', templateId: 'annual-joint-plan', period: 'FY27' });
    const goals = readPlanContent(copy).filter((n): n is GoalElement => 'type' in n && n.type === 'goal');
    const srcGoalIds = new Set(readPlanContent(src).flatMap((n) => ('type' in n && n.type === 'goal' ? [n.id] : [])));
    expect(goals.some((g) => srcGoalIds.has(g.id))).toBe(false);
    expect(goals[1]!.parentId).toBe(goals[0]!.id);
    // The copy is its own document: editing it does not touch the source.
    renamePlanDoc(copy, 'Changed');
    expect(readPlanMeta(src).title).toBe('FY27');
  });

  it('a copy does not count in another plan’s rollup a second time: its links to goals of other plans are dropped', () => {
    const annual = createPlanDoc({ id: 'plan_annual', title: 'Annual', templateId: 'blank', period: 'FY27',
      content: [newGoal({ id: 'g_company', title: 'Company', metricUnit: '$', target: 1000 })] });
    const src = createPlanDoc({ id: 'plan_src', title: 'West', templateId: 'blank', period: 'FY27',
      content: [newGoal({ id: 'g_up', title: 'Up', metricUnit: '$', target: 500, current: 300, parentId: 'g_company', parentPlanId: 'plan_annual' })] });
    const copy = duplicatePlanDoc(src, { planId: 'plan_copy', title: 'West (copy)' });
    const [goal] = readPlanContent(copy) as GoalElement[];
    expect(goal).toMatchObject({ parentId: null, parentPlanId: null });
    const tree = buildGoalTree([snapshotPlan(annual), snapshotPlan(src), snapshotPlan(copy)]);
    expect(tree.byId.get('g_company')!.progress.ratio).toBeCloseTo(0.3);
    expect(countLinksToOtherPlans(snapshotPlan(src))).toBe(1);
  });

  it('renames a plan, trimming the title and refusing a blank one', () => {
    const doc = source();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    renamePlanDoc(doc, '  FY28 plan ');
    expect(readPlanMeta(doc).title).toBe('FY28 plan');
    renamePlanDoc(doc, 'FY28 plan');
    expect(updates).toHaveLength(1);
    expect(() => renamePlanDoc(doc, '   ')).toThrow('a plan needs a title');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(readPlanMeta(other).title).toBe('FY28 plan');
  });
});

describe('normalising plan content', () => {
  it('puts back the fields Slate drops when they are set to null, and keeps everything else', () => {
    const goal = newGoal({ id: 'g1', title: 'Kept', target: 5 }) as Partial<GoalElement>;
    delete goal.parentId;
    delete goal.owners;
    const matrix = newStageMatrix();
    delete (matrix.children[3] as Partial<StageMatrixElement['children'][number]>).salesOwner;
    const action = newAction({ id: 'a1' }) as Partial<ActionElement>;
    delete action.goalId;
    const para = paragraph('text');
    const fixed = normalizePlanContent([para, goal as GoalElement, matrix, action as ActionElement]);
    expect(fixed[0]).toBe(para);
    expect(fixed[1]).toMatchObject({ id: 'g1', title: 'Kept', target: 5, parentId: null, owners: [] });
    expect((fixed[2] as StageMatrixElement).children[3]!.salesOwner).toBeNull();
    expect((fixed[2] as StageMatrixElement).children[2]).toBe(matrix.children[2]);
    expect((fixed[3] as ActionElement).goalId).toBeNull();
    expect(() => parsePlanContent(fixed)).not.toThrow();
    // The schema reads a missing nullable field as null, but a missing list is still an error.
    expect(() => parsePlanContent([goal])).toThrow(/owners/);
  });

  it('returns the very same content when nothing is missing', () => {
    const c = content();
    expect(normalizePlanContent(c)).toBe(c);
  });
});
