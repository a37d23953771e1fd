/**
 * The status bar when the server stops syncing a plan for good (a 44xx close): "Not syncing", with the
 * reason the person can act on, in a real Chromium against the real server. Here the invite expires
 * while the plan is open; the next reconnect is refused with 4401.
 */
import { createToken } from '../../main/server/tokens';
import { paragraph } from '../../shared/model/blocks';
import { artifactPath } from '../support/chromium';
import { planWrittenThroughServer } from '../support/planThroughServer';
import { appUnderTest, editorText, openAs } from './workbenchHelpers';

const t = appUnderTest();

it('says "Not syncing" and why once the server refuses an invite that expired while the plan was open', async () => {
  const { plan, provider } = await planWrittenThroughServer(t.app, 'Partner program', [paragraph('Recruit ten resellers.')]);
  t.keep(provider);
  const token = await createToken(t.app.secret, { workspaceId: t.app.workspaceId, name: 'Ana Ortiz', role: 'editor', ttl: '12s' });
  const expires = Date.now() + 12_000;
  const { page, context } = await openAs(t.browser, t.app, 'Ana Ortiz', { query: `plan=${plan.id}`, token });
  await editorText(page).getByText('Recruit ten resellers.').waitFor();
  const statusBar = page.getByRole('contentinfo', { name: 'Status Bar' });
  await statusBar.getByRole('button', { name: 'Sync: Connected' }).waitFor();

  // The invite runs out while the plan is open; the connection drops and comes back.
  await new Promise((r) => setTimeout(r, Math.max(0, expires - Date.now()) + 1000));
  await context.setOffline(true);
  await statusBar.getByRole('button', { name: 'Sync: Offline' }).waitFor({ timeout: 30_000 });
  await context.setOffline(false);

  const why = 'Your invite is no longer valid (expired or revoked): ask for a new one. Your edits are kept on this machine.';
  await statusBar.getByRole('button', { name: `Sync: Not syncing — ${why}` }).waitFor({ timeout: 30_000 });
  const connection = statusBar.getByRole('button', { name: /^Sync: / });
  expect(await connection.textContent()).toContain('Not syncing');
  expect(await connection.getAttribute('title')).toBe(why);
  // …and a notification says it where it cannot be missed.
  await page.getByRole('alert').filter({ hasText: `This plan is not syncing. ${why}` }).waitFor();
  await editorText(page).getByText('Recruit ten resellers.').waitFor(); // the plan stays open
  await page.screenshot({ path: artifactPath('status-not-syncing.png') });
  await context.close();
});
