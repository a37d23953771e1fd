import { join } from 'node:path';
import * as Y from 'yjs';
import { openLevelDocStore } from '../../../main/server/levelDocStore';
import { RoomRegistry } from '../../../main/server/roomRegistry';
import { initWorkspaceDoc, peopleMap, planIndexMap, setPlanIndexEntry } from '../../../shared/model/workspaceDoc';
import { WRONG_VALUES } from '../../support/wrongValues';
import { removeDir, startTestServer, tempDir } from './helpers';

const good = { id: 'plan_good', title: 'FY27 joint plan', templateId: 'annual-joint-plan', createdAt: '2026-01-01T00:00:00.000Z' };

describe('the plans API over a workspace document holding entries of every wrong type', () => {
  it('lists the readable plans (200, not 500) and logs each entry it left out', async () => {
    // Written straight into the store, as an older server (or any editor before the server checked) left them.
    const dataDir = tempDir();
    const store = openLevelDocStore(join(dataDir, 'docs'));
    const registry = new RoomRegistry({ store, log: () => {}, idleMs: 60_000, compactEvery: 1000, traceWrites: false });
    await registry.change('ws1/workspace', (doc) => {
      initWorkspaceDoc(doc, { id: 'ws1', name: 'Acme' });
      setPlanIndexEntry(doc, good);
      WRONG_VALUES.forEach(({ make }, i) => {
        planIndexMap(doc).set(`plan_bad${i}`, make());
        peopleMap(doc).set(`person_bad${i}`, make());
      });
      planIndexMap(doc).set('workspace', 42);
    });
    await registry.closeAll();
    await store.close();

    const s = await startTestServer({ dataDir, web: { workspaceId: 'ws1', workspaceName: 'Acme' } });
    try {
      const token = await s.token('Ana');
      const res = await fetch(`${s.server.url}/api/workspaces/ws1/plans`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const plans = (await res.json()) as { id: string }[];
      expect(plans.map((p) => p.id)).toContain('plan_good');
      expect(plans.map((p) => p.id)).not.toContain('workspace');
      const skipped = s.logs.filter((e) => e.event === 'workspace.entry_skipped');
      const notMaps = WRONG_VALUES.filter(({ make }) => !(make() instanceof Y.Map)).length;
      expect(skipped.filter((e) => e.map === 'plans')).toHaveLength(notMaps + 1); // a Y.Map entry reads as a plan with blank fields
      expect(skipped).toContainEqual(expect.objectContaining({ level: 'warn', map: 'plans', key: 'plan_bad0', workspaceId: 'ws1' }));
      expect(skipped).toContainEqual(expect.objectContaining({ key: 'workspace' }));
    } finally {
      await s.close();
      removeDir(dataDir);
    }
  });
});
