/**
 * Conflicts end to end, as two people in two browsers: Ana sets a goal's target while Ben, offline,
 * sets it too. When Ben comes back and his value wins, Ana's card tells her, the notice is still there
 * after she reloads, the Conflicts panel lists it, and "Restore mine" brings her value back for both.
 * Run `npx vite build` first (`npm test` does).
 */
import { type Browser, type Page } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/chromium';
import { startWebApp, type WebApp } from '../support/webApp';
import { type PlanSummary } from '../../shared/ipc/contract';
import { goalCard, openAs, type Person, screenshotsOnFailure } from './workbenchHelpers';

let app: WebApp;
let browser: Browser;
let plan: PlanSummary;
const people: Person[] = [];
const GOAL = 'Win one in three qualified opportunities';

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  const token = await app.tokenFor('Setup', 'editor');
  const res = await fetch(`${app.url}/api/workspaces/${app.workspaceId}/plans`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ templateId: 'annual-joint-plan', title: 'FY27 joint plan' }),
  });
  plan = (await res.json()) as PlanSummary;
});

screenshotsOnFailure(people, 'conflicts', { closeAfterEach: true });

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const statusBar = (page: Page) => page.getByRole('contentinfo', { name: 'Status Bar' });
const syncState = (page: Page, state: string) => statusBar(page).getByRole('button', { name: `Sync: ${state}` });
const saved = (page: Page) => statusBar(page).getByRole('status').filter({ hasText: 'Saved' });
const target = (page: Page) => goalCard(page, GOAL).getByLabel('Target', { exact: true });

async function setTarget(page: Page, value: string): Promise<void> {
  await target(page).fill(value);
  await target(page).press('Tab');
}

it('tells the person whose target was replaced, after a reload too, lists it in Conflicts, and restores it', async () => {
  const ana = await openAs(browser, app, 'Ana', { query: `plan=${plan.id}` });
  people.push(ana);
  const ben = await openAs(browser, app, 'Ben', { query: `plan=${plan.id}` });
  people.push(ben);
  await goalCard(ana.page, GOAL).waitFor();
  await goalCard(ben.page, GOAL).waitFor();

  await ben.context.setOffline(true);
  await syncState(ben.page, 'Offline').waitFor({ timeout: 30_000 });
  await setTarget(ben.page, '45');
  await setTarget(ana.page, '40');
  await saved(ana.page).waitFor();
  await ben.context.setOffline(false);
  await syncState(ben.page, 'Connected').waitFor({ timeout: 30_000 });

  // Whichever value won, the other person is told; here we read it from the one who lost.
  await expect.poll(async () => [await target(ana.page).inputValue(), await target(ben.page).inputValue()], { timeout: 20_000 })
    .toSatisfy(([a, b]: string[]) => a === b && (a === '40%' || a === '45%')); // the goal's metric is in %
  const won = await target(ana.page).inputValue();
  const [loser, winner, mine, theirs, by] = won === '45%' ? [ana, ben, '40', '45', 'Ben'] : [ben, ana, '45', '40', 'Ana'];
  const notice = goalCard(loser.page, GOAL).getByRole('alert');
  await notice.filter({ hasText: `${by} set target to ${theirs}` }).waitFor({ timeout: 20_000 });
  expect(await notice.textContent()).toContain(`your ${mine} was replaced`);
  expect(await goalCard(winner.page, GOAL).getByRole('alert').count()).toBe(0);

  // Still there after a reload, and listed in the Conflicts panel.
  await saved(loser.page).waitFor();
  await loser.page.reload();
  await goalCard(loser.page, GOAL).getByRole('alert').filter({ hasText: `${by} set target to ${theirs}` }).waitFor({ timeout: 20_000 });
  await statusBar(loser.page).getByRole('button', { name: /^Problems:/ }).click();
  await loser.page.getByRole('tab', { name: 'Conflicts' }).click();
  const row = loser.page.getByRole('listbox', { name: 'Conflicts' }).getByRole('option');
  await row.filter({ hasText: `${by} replaced your target ${mine} with ${theirs}` }).waitFor({ timeout: 20_000 });
  expect(await row.textContent()).toContain('FY27 joint plan');
  // A click jumps to the card.
  await row.click();
  const card = goalCard(loser.page, GOAL);
  await expect.poll(() => card.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  }), { timeout: 10_000 }).toBe(true);
  await loser.page.screenshot({ path: artifactPath('conflicts-notice-and-panel.png') });

  // Restore mine: both see it, and the notice and the row are gone.
  await goalCard(loser.page, GOAL).getByRole('button', { name: 'Restore mine' }).click();
  await expect.poll(() => target(winner.page).inputValue(), { timeout: 20_000 }).toBe(`${mine}%`);
  expect(await target(loser.page).inputValue()).toBe(`${mine}%`);
  await expect.poll(() => goalCard(loser.page, GOAL).getByRole('alert').count()).toBe(0);
  await loser.page.getByText('None of your values has been replaced').waitFor({ timeout: 10_000 });
});
