/**
 * The JSON API under hostile input: plan routes act on plans only (never on the workspace document),
 * and every answer, JSON included, carries the UI's security headers.
 */
import { peopleMap, planIndexMap, readPlanIndex, setPlanIndexEntry, upsertPerson } from '../../../shared/model/workspaceDoc';
import { CONTENT_SECURITY_POLICY } from '../../../main/server/staticFiles';
import { connectClient, removeDir, serverState, startTestServer, synced, waitFor, type TestServer } from './helpers';

describe('JSON API hardening', () => {
  let s: TestServer;
  let editor: string;

  beforeAll(async () => {
    s = await startTestServer({ web: { workspaceId: 'ws1', workspaceName: 'Acme', launchKey: null } });
    editor = await s.token('Ana');
  });
  afterAll(async () => {
    await s.close();
    removeDir(s.dataDir);
  });

  const call = (method: string, path: string, token?: string, body?: unknown) =>
    fetch(`${s.server.url}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('refuses plan routes for the workspace document, even when the plan index names it', async () => {
    const c = connectClient(s.server.wsUrl, 'ws1/workspace', editor);
    await synced(c);
    upsertPerson(c.doc, { id: 'person_ana', name: 'Ana Lima', email: '', team: 'sales', role: '', color: '#3366cc' });
    setPlanIndexEntry(c.doc, { id: 'plan_real', title: 'FY27', templateId: 'joint', createdAt: '2026-01-01T00:00:00.000Z' });
    // Written into the shared doc as any editor's client could: an index entry named like the workspace doc.
    setPlanIndexEntry(c.doc, { id: 'workspace', title: 'Trap', templateId: 'joint', createdAt: '2026-01-01T00:00:00.000Z' });
    const watcher = connectClient(s.server.wsUrl, 'ws1/workspace', editor);
    await waitFor(() => planIndexMap(watcher.doc).has('workspace') && planIndexMap(watcher.doc).has('plan_real'), 'the entries to reach the server');
    watcher.destroy();
    c.destroy();

    for (const [method, path, body] of [
      ['DELETE', '/api/workspaces/ws1/plans/workspace', undefined],
      ['POST', '/api/workspaces/ws1/plans/workspace/duplicate', undefined],
      ['PATCH', '/api/workspaces/ws1/plans/workspace', { title: 'Renamed' }],
    ] as const) {
      const res = await call(method, path, editor, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const after = await serverState(s.server.wsUrl, 'ws1/workspace', editor);
    expect(peopleMap(after).has('person_ana')).toBe(true);
    expect(readPlanIndex(after).map((e) => e.id)).toContain('plan_real');
  });

  it('sends nosniff, the CSP and no-referrer on JSON answers and errors too', async () => {
    for (const [path, token] of [['/healthz', undefined], ['/api/session', undefined], ['/api/templates', undefined], ['/api/workspaces/ws1', editor], ['/api/nowhere', editor]] as const) {
      const res = await call('GET', path, token);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    const deleted = await call('DELETE', '/api/workspaces/ws1/plans/plan_none', editor);
    expect(deleted.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
