/**
 * The app around the plan: the native menu's commands reach the window (`command.run`), settings
 * survive a restart, and Share Workspace on My Network lets a colleague in a browser join through
 * the invite link and edit live until Stop Sharing.
 */
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { killChildren } from '../../support/childProcesses';
import { artifactPath } from '../../support/chromium';
import { newBrowserUser } from '../../support/browserUser';
import {
  editorText, launch, launchDesktopChromium, openFolderAndCreateAnnualPlan, statusBar, tempFolder, typeAtEnd, waitSaved, windowContext,
} from './desktopHelpers';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => { browser = await launchDesktopChromium(); });
afterAll(async () => { await browser?.close(); });
// An app a failed test left running (its server and files with it).
afterEach(killChildren);
beforeEach(async () => { context = await windowContext(browser); });
afterEach(async () => { await context.close(); });

const prompt = (page: Page) => page.getByRole('dialog').getByRole('combobox');

async function answer(page: Page, heading: RegExp, value: string | null): Promise<void> {
  await page.getByRole('dialog').filter({ hasText: heading }).waitFor();
  if (value !== null) await prompt(page).fill(value);
  await page.keyboard.press('Enter');
}

test('File › Settings… from the native menu opens the settings in the window; what is set there survives a restart', async () => {
  const folder = tempFolder('tandem-desktop-settings-');
  let { app, page } = await launch(context, { answers: { openFolder: () => folder } });
  await openFolderAndCreateAnnualPlan(page);

  await app.menu('File', 'Settings…');
  await answer(page, /Sync server URL/, null);
  await answer(page, /Your name, as others see it/, 'Dana Whitfield');
  await page.getByRole('dialog').getByRole('option', { name: /Green/ }).click();
  await app.menu('View', 'Toggle Light/Dark Theme');
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).colorScheme)).toBe('dark');
  await app.quit();

  ({ app, page } = await launch(context, { home: app.home }));
  await editorText(page).waitFor();
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).colorScheme)).toBe('dark');
  await app.menu('File', 'Settings…');
  await answer(page, /Sync server URL/, null);
  await page.getByRole('dialog').filter({ hasText: /Your name/ }).waitFor();
  expect(await prompt(page).inputValue()).toBe('Dana Whitfield');
  await page.screenshot({ path: artifactPath('desktop-settings-after-restart.png') });
  await page.keyboard.press('Escape');
  await app.quit();
});

test('Share Workspace on My Network: a colleague joins through the invite link, both edit live, Stop Sharing ends it', async () => {
  const folder = tempFolder('tandem-desktop-share-');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { app, page } = await launch(context, { answers: { openFolder: () => folder } });
  await openFolderAndCreateAnnualPlan(page);
  await typeAtEnd(page, 'Dana wrote this.');
  await waitSaved(page);

  await app.menu('Share', 'Share Workspace on My Network…');
  await answer(page, /Share on which address\?/, '127.0.0.1');
  // The notification with the invite link stays after the window has switched to the shared server, until dismissed.
  await statusBar(page).getByRole('button', { name: 'Sync: Connected' }).waitFor({ timeout: 20_000 });
  const notification = page.getByRole('status').filter({ hasText: 'Invite link:' });
  const invite = /Invite link: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(await notification.innerText())![1]!;
  await page.screenshot({ path: artifactPath('desktop-share-invite.png') });
  await notification.getByRole('button', { name: 'Dismiss notification' }).click();
  await notification.waitFor({ state: 'detached' });
  // Afterwards the link is one command away: Copy Invite Link puts it on the clipboard, or shows it to copy by hand.
  await page.keyboard.press('Control+Shift+P');
  await prompt(page).fill('Copy Invite Link');
  await page.keyboard.press('Enter');
  const copied = page.getByRole('status').filter({ hasText: 'Invite link copied' });
  await copied.waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(invite);

  // An invite for Marcus by name: the name colleagues see is the one on it.
  await app.menu('Share', 'Invite a Colleague…');
  await answer(page, /Their name, as colleagues will see it/, 'Marcus Lee');
  await page.getByRole('dialog').filter({ hasText: /Marcus Lee may/ }).getByRole('option', { name: /Editor/ }).click();
  const forMarcus = page.getByRole('status').filter({ hasText: 'Invite for Marcus Lee (editor):' });
  const marcusInvite = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(await forMarcus.innerText())![1]!;
  expect(marcusInvite).not.toBe(invite);
  await page.screenshot({ path: artifactPath('desktop-share-invite-marcus.png') });

  const colleague = await newBrowserUser(browser, { name: 'Someone', color: '#059669' }, { viewport: { width: 1400, height: 860 } });
  try {
    await colleague.page.goto(marcusInvite);
    await colleague.page.getByRole('treeitem', { name: /FY27 joint plan/ }).or(colleague.page.getByText('FY27 joint plan').first()).first().click();
    await editorText(colleague.page).getByText('Dana wrote this.').waitFor({ timeout: 20_000 });

    await typeAtEnd(colleague.page, ' Marcus added this.');
    await editorText(page).getByText(/Marcus added this\./).waitFor({ timeout: 20_000 });
    await typeAtEnd(page, ' Dana replied.');
    await editorText(colleague.page).getByText(/Dana replied\./).waitFor({ timeout: 20_000 });
    // Presence shows the name on the invite, whatever the browser's own settings say.
    await statusBar(page).getByRole('list', { name: 'In this plan: Marcus Lee' }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: artifactPath('desktop-share-dana.png') });
    await colleague.page.screenshot({ path: artifactPath('desktop-share-marcus.png') });

    await app.menu('Share', 'Stop Sharing');
    await statusBar(colleague.page).getByRole('button', { name: 'Sync: Connected' }).waitFor({ state: 'detached', timeout: 20_000 });
    await expect(fetch(marcusInvite.replace(/#.*/, ''))).rejects.toThrow();
    await typeAtEnd(colleague.page, ' Written after sharing stopped.');
    await typeAtEnd(page, ' Dana keeps working.');
    await waitSaved(page);
    expect(await editorText(page).textContent()).not.toContain('Written after sharing stopped.');
  } finally {
    await colleague.context.close();
  }
  await app.quit();
});
