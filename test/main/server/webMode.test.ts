/**
 * Web mode hands an editor token only to the browser that opened the address `npm run web` printed:
 * a foreign Host (DNS rebinding), a foreign Origin, or a caller without the per-launch key gets
 * nothing, and websocket upgrades from a foreign Host or Origin are refused. Raw HTTP requests, so
 * the Host and Origin headers are exactly what an attacker's browser would send.
 */
import { request } from 'node:http';
import WebSocket from 'ws';
import { LAUNCH_KEY_HEADER } from '../../../shared/sync/launchKey';
import { removeDir, startTestServer, type TestServer } from './helpers';

type Answer = { status: number; body: string };

function get(url: string, path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Resolves with the HTTP status of a refused upgrade, or 101 once the socket opened. */
function upgrade(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => resolve(-1));
  });
}

describe('web mode against DNS rebinding and other local callers', () => {
  let s: TestServer;
  let key: string;
  let host: string;

  beforeAll(async () => {
    s = await startTestServer({ web: { workspaceId: 'ws1', workspaceName: 'Acme' } });
    const launch = new URL(s.server.launchUrl!);
    key = new URLSearchParams(launch.hash.slice(1)).get('launch')!;
    host = launch.host;
  });
  afterAll(async () => {
    await s.close();
    removeDir(s.dataDir);
  });

  it('prints a launch address that carries the key in the fragment', () => {
    expect(key).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(s.server.launchUrl).toBe(`${s.server.url}/#launch=${key}`);
  });

  it('hands a session to the launch key, and to nobody without it', async () => {
    const ok = await get(s.server.url, '/api/session', { host, [LAUNCH_KEY_HEADER]: key });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ workspaceId: 'ws1', role: 'editor' });
    const attempts: Record<string, string>[] = [{ host }, { host, [LAUNCH_KEY_HEADER]: 'guessed-key' }, { host, [LAUNCH_KEY_HEADER]: `${key}x` }];
    for (const headers of attempts) {
      const refused = await get(s.server.url, '/api/session', headers);
      expect(refused.status).toBe(403);
      expect(refused.body).not.toContain('token');
    }
  });

  it('refuses every request whose Host is not this server, as a rebinding page would send', async () => {
    const port = s.server.port;
    for (const evil of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`, `localhost.evil.example:${port}`]) {
      for (const path of ['/api/session', '/api/templates', '/healthz', '/']) {
        const res = await get(s.server.url, path, { host: evil, [LAUNCH_KEY_HEADER]: key });
        expect(res.status, `${evil} ${path}`).toBe(403);
      }
    }
    for (const good of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      expect((await get(s.server.url, '/healthz', { host: good })).status, good).toBe(200);
    }
  });

  it('refuses a session to a page of another origin', async () => {
    const res = await get(s.server.url, '/api/session', { host, origin: 'http://evil.example', [LAUNCH_KEY_HEADER]: key });
    expect(res.status).toBe(403);
    const same = await get(s.server.url, '/api/session', { host, origin: `http://${host}`, [LAUNCH_KEY_HEADER]: key });
    expect(same.status).toBe(200);
  });

  it('refuses websocket upgrades from another Host or Origin, even with a valid token', async () => {
    const token = await s.token('Ana');
    const room = `${s.server.wsUrl}/ws1/workspace?token=${token}`;
    expect(await upgrade(room, { origin: 'http://evil.example' })).toBe(403);
    expect(await upgrade(room, { host: `evil.example:${s.server.port}`, origin: `http://evil.example:${s.server.port}` })).toBe(403);
    expect(await upgrade(room, { host: `evil.example:${s.server.port}` })).toBe(403);
    expect(await upgrade(room, { origin: `http://${host}` })).toBe(101);
    expect(await upgrade(room, {})).toBe(101);
  });
});
