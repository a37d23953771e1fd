/**
 * "Start Next Cycle" on the desktop: a real workspace folder makes next year's company plan and next
 * quarter's team plan; the team plan's goals then support next year's company goal, continue last
 * quarter's goals, and start from last quarter's current value.
 */
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as Y from 'yjs';
import { type GoalElement } from '../../../shared/model/elements';
import { planContent, readPlanContent, readPlanMeta } from '../../../shared/model/planDoc';
import { loadTemplates } from '../../../main/templates/loadTemplates';
import { WorkspaceFolder } from '../../../main/workspace/workspaceFolder';

let base: string;
let folder: WorkspaceFolder;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'tandem-next-cycle-'));
  await mkdir(join(base, 'plans'));
  await mkdir(join(base, 'trash'));
  folder = await WorkspaceFolder.open(join(base, 'plans'), { templates: () => loadTemplates(), trash: (p) => rename(p, join(base, 'trash', basename(p))), watch: false });
});
afterEach(async () => {
  await folder.close();
  await rm(base, { recursive: true, force: true });
});

const docOf = (bytes: Uint8Array) => {
  const d = new Y.Doc();
  Y.applyUpdate(d, bytes);
  return d;
};
const goalsOf = (doc: Y.Doc) => readPlanContent(doc).filter((n): n is GoalElement => 'type' in n && n.type === 'goal');

it('makes next period’s plans: goals continue theirs, links follow the parent’s next cycle, baselines from last current', async () => {
  const company = await folder.createPlan({ templateId: 'annual-joint-plan', title: 'FY27 joint plan' });
  const companyGoal = goalsOf(docOf(await folder.load(company.id)))[0]!;
  const team = await folder.createPlan({ templateId: 'team-cascade-plan', title: 'EMEA Q4', parent: { planId: company.id, goalId: companyGoal.id } });

  // The team reports a current value on its first goal, as the editor would save it.
  const teamDoc = docOf(await folder.load(team.id));
  const linked = goalsOf(teamDoc).find((g) => g.parentPlanId === company.id)!;
  let update: Uint8Array | null = null;
  teamDoc.once('update', (u: Uint8Array) => { update = u; });
  (planContent(teamDoc).toDelta() as { insert: Y.XmlText }[]).find((op) => op.insert.getAttribute('id') === linked.id)!.insert.setAttribute('current', 42 as never);
  await folder.save(team.id, update!);

  const nextCompany = await folder.startNextCycle({ planId: company.id, title: 'FY28 joint plan', period: 'FY28' });
  const nextTeam = await folder.startNextCycle({ planId: team.id, title: 'EMEA Q1', period: 'Q1 FY28' });
  expect((await folder.listPlans()).map((p) => p.title)).toEqual(['EMEA Q1', 'EMEA Q4', 'FY27 joint plan', 'FY28 joint plan']);
  expect(await readdir(join(base, 'plans'))).toEqual(expect.arrayContaining(['fy28-joint-plan.tandem', 'emea-q1.tandem']));

  const companyNext = docOf(await folder.load(nextCompany.id));
  expect(readPlanMeta(companyNext)).toMatchObject({ title: 'FY28 joint plan', period: 'FY28', templateId: 'annual-joint-plan' });
  const continuing = goalsOf(companyNext).find((g) => g.previousGoalId === companyGoal.id)!;
  expect(continuing).toMatchObject({ title: companyGoal.title, previousPlanId: company.id });

  const teamNext = goalsOf(docOf(await folder.load(nextTeam.id))).find((g) => g.previousGoalId === linked.id)!;
  expect(teamNext).toMatchObject({ title: linked.title, baseline: 42, current: null, parentId: continuing.id, parentPlanId: nextCompany.id, previousPlanId: team.id });
  await expect(folder.startNextCycle({ planId: 'plan_nothere', title: 'x', period: 'y' })).rejects.toThrow(/no plan "plan_nothere"/);
});
