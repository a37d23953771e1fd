/**
 * The status bar when the server stops syncing a plan for good (a 44xx close): "Not syncing", with the
 * reason the person can act on, in a real Chromium against the real server.
 */
import { paragraph } from '../../shared/model/blocks';
import { artifactPath } from '../support/chromium';
import { planWrittenThroughServer } from '../support/planThroughServer';
import { appUnderTest, editorText, openAs } from './workbenchHelpers';

const t = appUnderTest();

it('says "Not syncing" and why once a colleague deleted the open plan on the server', async () => {
  const { plan, provider } = await planWrittenThroughServer(t.app, 'Partner program', [paragraph('Recruit ten resellers.')]);
  t.keep(provider);
  const { page, context } = await openAs(t.browser, t.app, 'Ana Ortiz', { query: `plan=${plan.id}` });
  await editorText(page).getByText('Recruit ten resellers.').waitFor();
  const statusBar = page.getByRole('contentinfo', { name: 'Status Bar' });
  await statusBar.getByRole('button', { name: 'Sync: Connected' }).waitFor({ timeout: 20_000 });

  const res = await fetch(`${new URL(t.app.url).origin}/api/workspaces/${t.app.workspaceId}/plans/${plan.id}`, {
    method: 'DELETE', headers: { authorization: `Bearer ${await t.app.tokenFor('Ben Adler', 'editor')}` },
  });
  expect(res.status).toBeLessThan(300);

  const connection = statusBar.getByRole('button', { name: /^Sync: / });
  await statusBar.getByRole('button', { name: 'Sync: Not syncing — This plan was deleted on the server.' }).waitFor({ timeout: 20_000 });
  expect(await connection.textContent()).toContain('Not syncing');
  expect(await connection.getAttribute('title')).toBe('This plan was deleted on the server.');
  await page.screenshot({ path: artifactPath('status-not-syncing.png') });
  await context.close();
});
