/**
 * A plan's editions room on a real server with stock y-websocket clients: editors save editions and
 * sign off in their own name; a forged approver, a commenter and a viewer are refused where the data
 * is written, and what they tried never reaches the room or a colleague.
 */
import { createPlanDoc } from '../../../shared/model/planDoc';
import { paragraph } from '../../../shared/model/blocks';
import {
  approveEdition, editionsArray, readApprovals, readEditions, requestSignoff, saveEdition,
} from '../../../shared/editions/editionsDoc';
import { connectClient, listPlan, removeDir, serverState, serverStateWhen, startTestServer, synced, waitFor, type Client, type TestServer } from './helpers';

const ROOM = 'ws1/plan_a/editions';
const closeCode = (c: Client) => new Promise<number>((r) => c.provider.once('connection-close', (e: CloseEvent | null) => r(e?.code ?? 0)));
const plan = createPlanDoc({ id: 'plan_a', title: 'FY27', templateId: 'annual-joint-plan', period: 'FY27', content: [paragraph('We grow.')] });

describe('the editions room', () => {
  let s: TestServer;
  const clients: Client[] = [];
  const connect = async (name: string, role: 'editor' | 'commenter' | 'viewer' = 'editor') => {
    const c = connectClient(s.server.wsUrl, ROOM, await s.token(name, role));
    clients.push(c);
    await synced(c);
    return c;
  };
  const stored = async () => serverState(s.server.wsUrl, ROOM, await s.token('Ana'));

  beforeEach(async () => {
    s = await startTestServer();
    await listPlan(s.server.wsUrl, 'ws1', 'plan_a', await s.token('Ana'));
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await s.close();
    removeDir(s.dataDir);
  });

  it('takes editions, a sign-off request and approvals from editors in their own name', async () => {
    const ana = await connect('Ana');
    const marc = await connect('Marc');
    const e = saveEdition(plan, ana.doc, { name: 'FY27 v3', author: 'Ana' });
    requestSignoff(ana.doc, { editionId: e.id, people: ['person_ana', 'person_marc'], requestedBy: 'Ana' });
    approveEdition(ana.doc, { editionId: e.id, by: 'Ana' });
    await waitFor(() => readApprovals(marc.doc).length === 1, 'Ana’s approval to reach Marc');
    approveEdition(marc.doc, { editionId: e.id, by: 'Marc' });
    await waitFor(() => readApprovals(ana.doc).length === 2, 'Marc’s approval to reach Ana');
    const room = await stored();
    expect(readEditions(room).map((x) => [x.name, x.author])).toEqual([['FY27 v3', 'Ana']]);
    expect(readApprovals(room).map((a) => a.by)).toEqual(['Ana', 'Marc']);
  });

  it('refuses an approval in someone else’s name (4403), and a colleague never sees it', async () => {
    const ana = await connect('Ana');
    const marc = await connect('Marc');
    const e = saveEdition(plan, ana.doc, { name: 'FY27 v3', author: 'Ana' });
    await waitFor(() => readEditions(marc.doc).length === 1, 'the edition to reach Marc');
    const closed = closeCode(marc);
    approveEdition(marc.doc, { editionId: e.id, by: 'Ana' });
    expect(await closed).toBe(4403);
    expect(readApprovals(await stored())).toEqual([]);
    expect(readApprovals(ana.doc)).toEqual([]);
    expect(s.logs).toContainEqual(expect.objectContaining({
      event: 'update-refused', room: ROOM, user: 'Marc', reason: expect.stringMatching(/written in the name of Ana, but the invite is Marc’s/),
    }));
  });

  it('refuses an editor removing an approval', async () => {
    const ana = await connect('Ana');
    const e = saveEdition(plan, ana.doc, { name: 'FY27 v3', author: 'Ana' });
    approveEdition(ana.doc, { editionId: e.id, by: 'Ana' });
    await serverStateWhen(s.server.wsUrl, ROOM, await s.token('Ana'), (d) => readApprovals(d).length === 1, 'the approval to be stored');
    const marc = await connect('Marc');
    const closed = closeCode(marc);
    editionsArray(marc.doc, 'approvals').delete(0, 1);
    expect(await closed).toBe(4403);
    expect(readApprovals(await stored()).map((a) => a.by)).toEqual(['Ana']);
  });

  it('takes nothing from a commenter or a viewer, not even an approval in their own name', async () => {
    const ana = await connect('Ana');
    const e = saveEdition(plan, ana.doc, { name: 'FY27 v3', author: 'Ana' });
    await serverStateWhen(s.server.wsUrl, ROOM, await s.token('Ana'), (d) => readEditions(d).length === 1, 'the edition to be stored');
    const cam = await connect('Cam', 'commenter');
    const vic = await connect('Vic', 'viewer');
    approveEdition(cam.doc, { editionId: e.id, by: 'Cam' });
    approveEdition(vic.doc, { editionId: e.id, by: 'Vic' });
    saveEdition(plan, cam.doc, { name: 'Cam’s edition', author: 'Cam' });
    await waitFor(() => s.logs.filter((l) => l.event === 'update-dropped' && l.room === ROOM).length >= 3, 'their updates to be dropped');
    const room = await stored();
    expect(readApprovals(room)).toEqual([]);
    expect(readEditions(room).map((x) => x.author)).toEqual(['Ana']);
    expect(readApprovals(ana.doc)).toEqual([]);
  });
});
