/**
 * "Start Next Cycle" through the JSON API on a real server: an editor makes next period's plan from a
 * plan, which a connected client sees listed at once; its goals continue last period's, links follow
 * the parent plan's next cycle; viewers are refused, and bad requests say why.
 */
import { type GoalElement } from '../../../shared/model/elements';
import { planContent, readPlanContent, readPlanMeta } from '../../../shared/model/planDoc';
import { readPlanIndex } from '../../../shared/model/workspaceDoc';
import { type PlanSummary } from '../../../shared/ipc/contract';
import type * as Y from 'yjs';
import { connectClient, removeDir, serverState, serverStateWhen, startTestServer, synced, waitFor, type TestServer } from './helpers';

describe('POST /api/workspaces/:ws/plans/:plan/next-cycle', () => {
  let s: TestServer;
  beforeAll(async () => { s = await startTestServer(); });
  afterAll(async () => {
    await s.close();
    removeDir(s.dataDir);
  });

  const api = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${s.server.url}/api/workspaces/ws1/plans${path}`, {
      method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as (PlanSummary & { error?: { message: string } }) | null };
  };
  const goalsOf = (doc: Y.Doc) => readPlanContent(doc).filter((n): n is GoalElement => 'type' in n && n.type === 'goal');

  it('makes next period’s plan, listed live; team goals follow the company goal’s next cycle', async () => {
    const ana = await s.token('Ana');
    const company = (await api('POST', '', ana, { templateId: 'annual-joint-plan', title: 'FY27 joint plan' })).body!;
    const companyGoal = goalsOf(await serverState(s.server.wsUrl, `ws1/${company.id}`, ana))[0]!;
    const team = (await api('POST', '', ana, { templateId: 'team-cascade-plan', title: 'EMEA Q4', parent: { planId: company.id, goalId: companyGoal.id } })).body!;

    // A colleague reports a current value on the team's linked goal.
    const ben = connectClient(s.server.wsUrl, `ws1/${team.id}`, await s.token('Ben'));
    const watcher = connectClient(s.server.wsUrl, 'ws1/workspace', await s.token('Vic', 'viewer'));
    try {
      await Promise.all([synced(ben), synced(watcher)]);
      const linked = goalsOf(ben.doc).find((g) => g.parentPlanId === company.id)!;
      (planContent(ben.doc).toDelta() as { insert: Y.XmlText }[]).find((op) => op.insert.getAttribute('id') === linked.id)!.insert.setAttribute('current', 42 as never);
      await serverStateWhen(s.server.wsUrl, `ws1/${team.id}`, ana, (d) => goalsOf(d).find((g) => g.id === linked.id)?.current === 42, 'Ben’s value to be stored');

      const nextCompany = await api('POST', `/${company.id}/next-cycle`, ana, { title: 'FY28 joint plan', period: 'FY28' });
      expect(nextCompany.status).toBe(201);
      expect(nextCompany.body).toMatchObject({ title: 'FY28 joint plan', templateId: 'annual-joint-plan' });
      await waitFor(() => readPlanIndex(watcher.doc).some((e) => e.id === nextCompany.body!.id), 'the new plan to be listed for a connected client');
      const companyNext = await serverState(s.server.wsUrl, `ws1/${nextCompany.body!.id}`, ana);
      expect(readPlanMeta(companyNext).period).toBe('FY28');
      const continuing = goalsOf(companyNext).find((g) => g.previousGoalId === companyGoal.id)!;

      const nextTeam = await api('POST', `/${team.id}/next-cycle`, ana, { title: 'EMEA Q1', period: 'Q1 FY28' });
      expect(nextTeam.status).toBe(201);
      const teamNext = goalsOf(await serverState(s.server.wsUrl, `ws1/${nextTeam.body!.id}`, ana)).find((g) => g.previousGoalId === linked.id);
      expect(teamNext).toMatchObject({ baseline: 42, current: null, parentId: continuing.id, parentPlanId: nextCompany.body!.id, previousPlanId: team.id });
    } finally {
      ben.destroy();
      watcher.destroy();
    }
  });

  it('refuses viewers, unknown plans and an empty period, saying why', async () => {
    const ana = await s.token('Ana');
    const plan = (await api('POST', '', ana, { templateId: 'campaign-plan', title: 'Launch' })).body!;
    expect((await api('POST', `/${plan.id}/next-cycle`, await s.token('Vic', 'viewer'), { title: 'Next', period: 'Q2' })).status).toBe(403);
    expect((await api('POST', '/plan_nothere/next-cycle', ana, { title: 'Next', period: 'Q2' })).status).toBe(404);
    const empty = await api('POST', `/${plan.id}/next-cycle`, ana, { title: 'Next', period: ' ' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toMatch(/period cannot be empty/);
  });
});
