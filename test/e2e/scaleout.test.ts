/**
 * The browser UI on two server nodes sharing one PostgreSQL and one Redis: two people, each in their
 * own browser context on a different node, edit the same plan and see each other.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { createToken, startSyncServer, type SyncServer } from '../../main/server/index';
import { connectRedisBus } from '../../main/server/fanout/redisBus';
import { openPgDocStore } from '../../main/server/pgDocStore';
import { newBrowserUser, type BrowserUser } from '../support/browserUser';
import { artifactPath, launchChromium } from '../support/chromium';
import { enginesMissing, startPostgres, startRedis, type Postgres, type Redis } from '../support/engines';
import { ensureRendererBuilt, STATIC_DIR } from '../support/webApp';

const missing = enginesMissing();
if (missing) console.log(`skipping the browser test on several nodes: ${missing}`);

describe.skipIf(missing !== null)('the browser UI on two server nodes', () => {
  let postgres: Postgres;
  let redis: Redis;
  let browser: Browser;
  const nodes: SyncServer[] = [];
  const dirs: string[] = [];
  const people: BrowserUser[] = [];
  const secret = randomBytes(24).toString('base64url');

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis(), ensureRendererBuilt()]);
    for (let i = 0; i < 2; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'tandem-web-node-'));
      dirs.push(dataDir);
      nodes.push(await startSyncServer({
        port: 0, dataDir, secret, staticDir: STATIC_DIR, log: () => {},
        web: { workspaceId: 'local', workspaceName: 'Test workspace', userName: 'Tester' },
        store: await openPgDocStore({ url: postgres.url }),
        bus: await connectRedisBus({ url: redis.url, log: () => {} }),
      }));
    }
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    for (const p of people) await p.context.close();
    await browser?.close();
    for (const node of nodes) await node.close();
    await Promise.all([postgres?.destroy(), redis?.destroy()]);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('two people on different nodes edit one plan live and see each other there', async () => {
    const token = (name: string) => createToken(secret, { workspaceId: 'local', name, role: 'editor' });
    const api = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(`${nodes[0]!.url}/api${path}`, { ...init, headers: { authorization: `Bearer ${await token('Dana Whitfield')}`, 'content-type': 'application/json' } });
      return (await res.json()) as unknown;
    };
    const templates = (await api('/templates')) as { id: string }[];
    const plan = (await api('/workspaces/local/plans', { method: 'POST', body: JSON.stringify({ templateId: templates[0]!.id, title: 'Joint plan on two nodes' }) })) as { id: string };

    const open = async (name: string, node: SyncServer) => {
      const person = await newBrowserUser(browser, { name, color: name.startsWith('D') ? '#2563eb' : '#db2777' }, { viewport: { width: 1200, height: 760 } });
      people.push(person);
      await person.page.goto(`${node.url}/?token=${encodeURIComponent(await token(name))}&plan=${plan.id}`);
      return person;
    };
    const dana = await open('Dana Whitfield', nodes[0]!);
    const marcus = await open('Marcus Lee', nodes[1]!);
    const statusBar = (p: BrowserUser) => p.page.getByRole('contentinfo', { name: 'Status Bar' });
    const editor = (p: BrowserUser) => p.page.getByRole('textbox', { name: 'Plan text' });
    for (const p of [dana, marcus]) await statusBar(p).getByRole('button', { name: 'Sync: Connected' }).waitFor({ timeout: 30_000 });
    await statusBar(dana).getByRole('list', { name: 'In this plan: Marcus Lee' }).waitFor({ timeout: 20_000 });
    await statusBar(marcus).getByRole('list', { name: 'In this plan: Dana Whitfield' }).waitFor({ timeout: 20_000 });

    await editor(dana).getByRole('heading').first().click();
    await dana.page.keyboard.press('End');
    await dana.page.keyboard.type(' (typed on node 1)');
    await editor(marcus).getByText('(typed on node 1)').waitFor({ timeout: 20_000 });
    await editor(marcus).getByRole('heading').first().click();
    await marcus.page.keyboard.press('End');
    await marcus.page.keyboard.type(' (and on node 2)');
    await editor(dana).getByText('(and on node 2)').waitFor({ timeout: 20_000 });

    await dana.page.screenshot({ path: artifactPath('scaleout-dana-node1.png') });
    await marcus.page.screenshot({ path: artifactPath('scaleout-marcus-node2.png') });
    expect(dana.errors).toEqual([]);
    expect(marcus.errors).toEqual([]);
  });
});
