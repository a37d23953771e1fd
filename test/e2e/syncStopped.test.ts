/**
 * The status bar when the server stops syncing a plan for good (a 44xx close): "Not syncing", with the
 * reason the person can act on, in a real Chromium against the real server.
 */
import { type Browser } from 'playwright-core';
import { type WebsocketProvider } from 'y-websocket';
import { paragraph } from '../../shared/model/blocks';
import { artifactPath, launchChromium } from '../support/chromium';
import { planWrittenThroughServer } from '../support/planThroughServer';
import { startWebApp, type WebApp } from '../support/webApp';
import { editorText, openAs } from './workbenchHelpers';

let app: WebApp;
let browser: Browser;
const providers: WebsocketProvider[] = [];

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
});
afterAll(async () => {
  providers.forEach((p) => p.destroy());
  await browser?.close();
  await app?.close();
});

it('says "Not syncing" and why once a colleague deleted the open plan on the server', async () => {
  const { plan, provider } = await planWrittenThroughServer(app, 'Partner program', [paragraph('Recruit ten resellers.')]);
  providers.push(provider);
  const { page, context } = await openAs(browser, app, 'Ana Ortiz', { query: `plan=${plan.id}` });
  await editorText(page).getByText('Recruit ten resellers.').waitFor();
  const statusBar = page.getByRole('contentinfo', { name: 'Status Bar' });
  await statusBar.getByRole('button', { name: 'Sync: Connected' }).waitFor({ timeout: 20_000 });

  const res = await fetch(`${new URL(app.url).origin}/api/workspaces/${app.workspaceId}/plans/${plan.id}`, {
    method: 'DELETE', headers: { authorization: `Bearer ${await app.tokenFor('Ben Adler', 'editor')}` },
  });
  expect(res.status).toBeLessThan(300);

  const connection = statusBar.getByRole('button', { name: /^Sync: / });
  await statusBar.getByRole('button', { name: 'Sync: Not syncing — This plan was deleted on the server.' }).waitFor({ timeout: 20_000 });
  expect(await connection.textContent()).toContain('Not syncing');
  expect(await connection.getAttribute('title')).toBe('This plan was deleted on the server.');
  await page.screenshot({ path: artifactPath('status-not-syncing.png') });
  await context.close();
});
