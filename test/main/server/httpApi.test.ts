import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import * as Y from 'yjs';
import { readPlanMeta } from '../../../shared/model/planDoc';
import { readPlanIndex } from '../../../shared/model/workspaceDoc';
import { CONTENT_SECURITY_POLICY } from '../../../main/server/staticFiles';
import { connectClient, removeDir, serverState, startTestServer, synced, tempDir, waitFor, type TestServer } from './helpers';

describe('JSON API, static UI and health', () => {
  let s: TestServer;
  let staticDir: string;
  let editor: string;
  let viewer: string;

  beforeAll(async () => {
    staticDir = tempDir('tandem-static-');
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Tandem</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(tempDir('tandem-outside-'), 'secret.txt'), 'do not serve');
    s = await startTestServer({ staticDir, web: { workspaceId: 'ws1', workspaceName: 'Acme', launchKey: null } });
    editor = await s.token('Ana');
    viewer = await s.token('Vic', 'viewer');
  });
  afterAll(async () => {
    await s.close();
    removeDir(s.dataDir);
    removeDir(staticDir);
  });

  const api = async (method: string, path: string, token?: string, body?: unknown, contentType = 'application/json') => {
    const res = await fetch(`${s.server.url}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': contentType } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: res.status === 204 ? null : await res.json().catch(() => null), headers: res.headers };
  };

  it('hands this computer a session for the web-mode workspace', async () => {
    const { status, body } = await api('GET', '/api/session');
    expect(status).toBe(200);
    expect(body).toMatchObject({ workspaceId: 'ws1', workspaceName: 'Acme', role: 'editor' });
    expect((await api('GET', '/api/workspaces/ws1', body.token)).body).toEqual({ id: 'ws1', name: 'Acme' });
  });

  it('creates, lists, renames, duplicates and deletes plans, visible live to connected clients', async () => {
    const templates = (await api('GET', '/api/templates', viewer)).body as { id: string; name: string }[];
    expect(templates.length).toBeGreaterThan(0);
    const watcher = connectClient(s.server.wsUrl, 'ws1/workspace', viewer);
    await synced(watcher);
    try {
      const created = await api('POST', '/api/workspaces/ws1/plans', editor, { templateId: templates[0]!.id, title: '  FY27 joint plan ' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ title: 'FY27 joint plan', templateId: templates[0]!.id });
      const planId = created.body.id as string;
      await waitFor(() => readPlanIndex(watcher.doc).some((e) => e.id === planId), 'the new plan to reach a connected client');
      expect(readPlanMeta(await serverState(s.server.wsUrl, `ws1/${planId}`, viewer)).title).toBe('FY27 joint plan');

      const renamed = await api('PATCH', `/api/workspaces/ws1/plans/${planId}`, editor, { title: 'FY27 plan' });
      expect(renamed.body.title).toBe('FY27 plan');
      expect(readPlanMeta(await serverState(s.server.wsUrl, `ws1/${planId}`, viewer)).title).toBe('FY27 plan');

      const copy = await api('POST', `/api/workspaces/ws1/plans/${planId}/duplicate`, editor);
      expect(copy.status).toBe(201);
      expect(copy.body.title).toBe('FY27 plan (copy)');
      const listed = (await api('GET', '/api/workspaces/ws1/plans', viewer)).body as { id: string; title: string; modifiedAt: string }[];
      expect(listed.map((p) => p.title).sort()).toEqual(['FY27 plan', 'FY27 plan (copy)']);
      expect(listed.every((p) => !Number.isNaN(Date.parse(p.modifiedAt)))).toBe(true);

      const planClient = connectClient(s.server.wsUrl, `ws1/${planId}`, viewer);
      await synced(planClient);
      const closed = new Promise<number>((r) => planClient.provider.on('connection-close', (e: CloseEvent | null) => r(e?.code ?? 0)));
      expect((await api('DELETE', `/api/workspaces/ws1/plans/${planId}`, editor)).status).toBe(204);
      expect(await closed).toBe(4410);
      planClient.destroy();
      expect(((await api('GET', '/api/workspaces/ws1/plans', viewer)).body as unknown[]).length).toBe(1);
      expect((await serverState(s.server.wsUrl, `ws1/${planId}`, viewer)).store.clients.size).toBe(0);
      expect((await api('DELETE', `/api/workspaces/ws1/plans/${planId}`, editor)).status).toBe(404);
    } finally {
      watcher.destroy();
    }
  });

  it('refuses missing tokens, other workspaces, viewers changing plans and bad bodies, changing nothing', async () => {
    const before = Y.encodeStateVector(await serverState(s.server.wsUrl, 'ws1/workspace', editor));
    const other = await s.token('Bob', 'editor', 'ws2');
    expect((await api('GET', '/api/workspaces/ws1/plans')).status).toBe(401);
    expect((await api('GET', '/api/workspaces/ws1/plans', 'forged.token.value')).status).toBe(401);
    expect((await api('GET', '/api/workspaces/ws1/plans', other)).body).toEqual({ error: { code: 'forbidden', message: 'this token is for another workspace' } });
    expect((await api('POST', '/api/workspaces/ws1/plans', viewer, { templateId: 'x', title: 'T' })).status).toBe(403);
    const bad = [
      { templateId: 'annual', title: '' },
      { templateId: '../../etc', title: 'T' },
      { templateId: 'annual', title: 'T', extra: 1 },
      { title: 'T' },
    ];
    for (const body of bad) {
      const res = await api('POST', '/api/workspaces/ws1/plans', editor, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('invalid-body');
    }
    expect((await api('POST', '/api/workspaces/ws1/plans', editor, '{not json')).status).toBe(400);
    expect((await api('POST', '/api/workspaces/ws1/plans', editor, 'x'.repeat(70_000))).status).toBe(413);
    expect((await api('POST', '/api/workspaces/ws1/plans', editor, 'a=b', 'text/plain')).status).toBe(415);
    expect((await api('POST', '/api/workspaces/ws1/plans', editor, { templateId: 'no-such', title: 'T' })).status).toBe(404);
    expect((await api('PATCH', '/api/workspaces/ws1/plans/nope', editor, { title: 'T' })).status).toBe(404);
    expect((await api('GET', '/api/workspaces/bad%2Fid/plans', editor)).status).toBe(404);
    const after = Y.encodeStateVector(await serverState(s.server.wsUrl, 'ws1/workspace', editor));
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
  });

  it('serves the UI with a strict CSP, never outside its folder, and /healthz', async () => {
    const index = await fetch(`${s.server.url}/`);
    expect(await index.text()).toContain('<title>Tandem</title>');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect((await fetch(`${s.server.url}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect(await (await fetch(`${s.server.url}/some/deep/link`)).text()).toContain('<title>Tandem</title>');
    expect((await fetch(`${s.server.url}/assets/missing.js`)).status).toBe(404);
    for (const path of ['/../tandem-outside/secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%00']) {
      const status = await rawGet(s.server.port, path);
      expect(status.body, path).not.toContain('do not serve');
      expect(status.body, path).not.toContain('root:');
    }
    expect(await (await fetch(`${s.server.url}/healthz`)).json()).toMatchObject({ ok: true });
  });
});

/** A GET with the path sent exactly as written (fetch would normalise the dots away). */
function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
