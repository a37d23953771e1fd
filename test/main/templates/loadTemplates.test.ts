import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTemplatesDir, loadTemplates, loadTemplatesReport, MAX_TEMPLATE_BYTES, TEMPLATES_DIR } from '../../../main/templates/loadTemplates';
import { type GoalElement } from '../../../shared/model/elements';
import { readPlanContent } from '../../../shared/model/planDoc';
import { parsePlanContent } from '../../../shared/model/schemas';
import { buildGoalTree } from '../../../shared/derive/goalTree';
import { findProblems } from '../../../shared/derive/problems';
import { snapshotPlan } from '../../../shared/model/planDoc';
import { instantiateTemplate } from '../../../shared/templates/instantiate';
import { TemplateError, templateSummary } from '../../../shared/templates/templateSchema';
import { STAGE_IDS } from '../../../shared/model/stages';

const SHIPPED = ['annual-joint-plan', 'campaign-plan', 'sales-marketing-sla', 'team-cascade-plan', 'track-selling-playbook'];
const goalsOf = (doc: Parameters<typeof readPlanContent>[0]) =>
  readPlanContent(doc).filter((n): n is GoalElement => 'type' in n && n.type === 'goal');

describe('shipped templates', () => {
  it('are found from the repository root and all load', async () => {
    expect(TEMPLATES_DIR).toBe(join(process.cwd(), 'templates'));
    expect(findTemplatesDir(join(process.cwd(), 'main', 'templates'))).toBe(TEMPLATES_DIR);
    const templates = await loadTemplates();
    expect(templates.map((t) => t.id)).toEqual(SHIPPED);
    // Small enough to read and review as data.
    for (const id of SHIPPED) expect((await stat(join(TEMPLATES_DIR, `${id}.json`))).size).toBeLessThan(60 * 1024);
  });

  it.each(SHIPPED)('%s instantiates to a valid plan with fresh ids, working links and sensible content', async (id) => {
    const t = (await loadTemplates()).find((x) => x.id === id)!;
    const a = instantiateTemplate(t, { planId: 'plan_a' });
    const b = instantiateTemplate(t, { planId: 'plan_b' });
    expect(() => parsePlanContent(readPlanContent(a))).not.toThrow();
    const idsA = new Set(goalsOf(a).map((g) => g.id));
    expect(idsA.size).toBeGreaterThan(0);
    expect(goalsOf(b).some((g) => idsA.has(g.id))).toBe(false);
    // Every internal link still resolves: no parent or goal reference points nowhere.
    const problems = findProblems([snapshotPlan(a)], []);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.filter((p) => p.code === 'targets-do-not-add-up')).toEqual([]);
    expect(problems.filter((p) => p.code === 'action-without-goal')).toEqual([]);
    expect(templateSummary(t).sections.length).toBeGreaterThanOrEqual(4);
    // Each section tells the author what to write.
    expect(t.content.filter((n) => 'type' in n && n.type === 'guidance').length).toBeGreaterThanOrEqual(4);
  });

  it('the annual plan has every section of a joint plan, cascaded goals and a filled stage matrix', async () => {
    const t = (await loadTemplates()).find((x) => x.id === 'annual-joint-plan')!;
    const sections = templateSummary(t).sections.join(' | ').toLowerCase();
    for (const s of ['executive summary', 'situation', 'customer groups', 'competition', 'company goals', 'sla', 'track-selling stages',
      'marketing programmes', 'sales strategy', 'territories', 'quotas', 'incentives', 'budget', 'action plans', 'review cadence', 'risks']) {
      expect(sections).toContain(s);
    }
    const tree = buildGoalTree([snapshotPlan(instantiateTemplate(t, { planId: 'p' }))]);
    expect(tree.roots.map((r) => r.goal.team)).toEqual(['leadership', 'leadership', 'leadership']);
    const teams = new Set([...tree.byId.values()].filter((n) => n.depth > 0).map((n) => n.goal.team));
    expect(teams).toEqual(new Set(['sales', 'marketing', 'joint']));
    const matrix = t.content.find((n) => 'type' in n && n.type === 'stage-matrix') as { children: Record<string, unknown>[] };
    expect(matrix.children.map((s) => s.stage)).toEqual(STAGE_IDS);
    for (const s of matrix.children) {
      for (const f of ['marketing', 'sales', 'exitCriteria', 'metricName', 'assets']) expect(String(s[f]).length).toBeGreaterThan(10);
      expect(s.metricTarget).not.toBeNull();
    }
  });

  it('the team cascade plan links its top goal to a company goal of another plan', async () => {
    const t = (await loadTemplates()).find((x) => x.id === 'team-cascade-plan')!;
    const annual = (await loadTemplates()).find((x) => x.id === 'annual-joint-plan')!;
    const company = instantiateTemplate(annual, { planId: 'plan_annual' });
    const companyGoal = goalsOf(company)[0]!;
    const team = instantiateTemplate(t, { planId: 'plan_team', parentGoal: { planId: 'plan_annual', goalId: companyGoal.id } });
    const snapshots = [snapshotPlan(company), snapshotPlan(team)];
    const node = buildGoalTree(snapshots).byId.get(companyGoal.id)!;
    expect(node.children.some((c) => c.planId === 'plan_team')).toBe(true);
    expect(findProblems([snapshotPlan(team)], []).some((p) => p.code === 'subgoal-unlinked')).toBe(false);
    expect(findProblems([snapshotPlan(instantiateTemplate(t, { planId: 'lonely' }))], []).some((p) => p.code === 'subgoal-unlinked')).toBe(true);
  });
});

describe('bad template files', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'tandem-templates-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  const good = { id: 'good', name: 'Good', description: 'Fine.', content: [{ type: 'paragraph', children: [{ text: 'hi' }] }] };

  it('names the file of invalid JSON, and still loads the good ones when asked for a report', async () => {
    await writeFile(join(dir, 'good.json'), JSON.stringify(good));
    await writeFile(join(dir, 'broken.json'), '{ "id": "broken", ');
    await writeFile(join(dir, 'notes.txt'), 'not a template');
    await expect(loadTemplates(dir)).rejects.toThrow(/^broken\.json: is not valid JSON/);
    const report = await loadTemplatesReport(dir);
    expect(report.templates.map((t) => t.id)).toEqual(['good']);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toBeInstanceOf(TemplateError);
    expect(report.errors[0]!.file).toBe('broken.json');
  });

  it('names the file and field of a schema error', async () => {
    await writeFile(join(dir, 'nameless.json'), JSON.stringify({ ...good, id: 'nameless', name: undefined }));
    const err = await loadTemplates(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TemplateError);
    expect(err).toMatchObject({ file: 'nameless.json', field: 'name' });
  });

  it('refuses an oversized file without reading it as a template', async () => {
    await writeFile(join(dir, 'huge.json'), ' '.repeat(MAX_TEMPLATE_BYTES + 1));
    await expect(loadTemplates(dir)).rejects.toThrow(/^huge\.json: is \d+ bytes/);
  });

  it('fails clearly when the folder does not exist', async () => {
    await expect(loadTemplates(join(dir, 'missing'))).rejects.toThrow(/ENOENT/);
  });
});
