/**
 * The cascade, by two people in two browser contexts against the real sync server: the leader
 * writes the annual plan from its template; a team lead cascades a company goal to a team plan and
 * adds a measured sub-goal; the leader's goal tree shows it nested under the company goal with the
 * progress rolled up. Then the team lead works offline while the leader edits the same plan, comes
 * back, and both end with the same plan. Run `npx vite build` first (`npm test` does).
 */
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startWebApp, type WebApp } from '../support/webApp';
import { goalCard, openAs, quickInput, quickOpen, runFromPalette, type Person, screenshotsOnFailure } from './workbenchHelpers';

let app: WebApp;
let browser: Browser;
const people: Person[] = [];

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
});

screenshotsOnFailure(people, 'cascade');

afterAll(async () => {
  for (const p of people) await p.context.close();
  await browser?.close();
  await app?.close();
});

const COMPANY_GOAL = 'Grow revenue to $48M';
const TEAM_GOAL = 'New-customer revenue in our region this quarter';
const SUB_GOAL = 'Land four new logos in Seattle';
const PIPELINE_GOAL = 'Close $600k from opportunities already in the pipeline';

const goalTree = (page: Page) => page.getByRole('tree', { name: 'Goal cascade' });
const treeGoal = (page: Page, title: string) => goalTree(page).getByRole('treeitem', { name: title });
const progressOf = (page: Page, title: string) => page.getByRole('progressbar', { name: `Progress of ${title}` }).first();
const syncState = (p: Person, state: string) => p.page.getByRole('contentinfo', { name: 'Status Bar' }).getByRole('button', { name: `Sync: ${state}` });

/**
 * Everything a reader of the plan sees: its text and every field of every card, in order. A picker's
 * option list is left out (pickers build it only when used, so it is page state, not plan content);
 * the value each picker holds is among the fields.
 */
function planAsSeen(page: Page): Promise<string> {
  return page.getByRole('textbox', { name: 'Plan text' }).evaluate((root) => {
    const fields = [...root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('section input, section select, section textarea')]
      .map((f) => `${f.closest('section')?.getAttribute('aria-label')}|${f.labels?.[0]?.textContent ?? ''}=${f.value}`);
    const lines = (root as HTMLElement).innerText.split('\n');
    for (const option of root.querySelectorAll('select option')) {
      const at = lines.indexOf(option.textContent ?? '');
      if (at >= 0) lines.splice(at, 1);
    }
    return `${lines.join('\n')}\n${fields.join('\n')}`;
  });
}

/**
 * The same lines on both pages. Cards far from the screen render as a short stand-in until they come
 * near it, so one page may show a card's labels more often than the other: compare the distinct
 * lines (each field line names its card and field), not their count.
 */
function sameLines(a: string, b: string): boolean {
  const [x, y] = [new Set(a.split('\n')), new Set(b.split('\n'))];
  return x.size === y.size && [...x].every((line) => y.has(line));
}

/** Types a number into a card's field and leaves the field, which commits it. */
async function setNumber(page: Page, card: string, field: string, value: string): Promise<void> {
  const input = goalCard(page, card).getByLabel(field, { exact: true });
  await input.fill(value);
  await input.press('Tab');
}

it('a team lead cascades a company goal; the leader sees it roll up; offline edits converge', async () => {
  // The leader writes the annual plan from its template, from the welcome page.
  const leader = await openAs(browser, app, 'Dana Whitfield');
  people.push(leader);
  await leader.page.getByRole('button', { name: 'Create: Annual joint sales & marketing plan' }).click();
  await quickInput(leader.page).fill('FY27 joint plan');
  await leader.page.keyboard.press('Enter');
  await leader.page.getByRole('tab', { name: 'FY27 joint plan' }).waitFor();
  await goalCard(leader.page, COMPANY_GOAL).waitFor();

  // The team lead, in another browser, finds it and cascades the company goal to the marketing team.
  const lead = await openAs(browser, app, 'Priya Natarajan');
  people.push(lead);
  await lead.page.getByRole('button', { name: 'Goals', exact: true }).click();
  await treeGoal(lead.page, COMPANY_GOAL).waitFor({ timeout: 30_000 });
  await runFromPalette(lead.page, 'cascade goal', /Cascade Goal to a Team/);
  await quickInput(lead.page).fill('grow revenue');
  await lead.page.getByRole('dialog').getByRole('option', { name: new RegExp(`^${COMPANY_GOAL.replace('$', '\\$')}`) }).waitFor();
  await lead.page.keyboard.press('Enter');
  await quickInput(lead.page).fill('marketing');
  await lead.page.keyboard.press('Enter');
  await quickInput(lead.page).fill('West region Q1');
  await lead.page.keyboard.press('Enter');
  await lead.page.getByRole('tab', { name: 'West region Q1' }).waitFor();
  await goalCard(lead.page, TEAM_GOAL).waitFor();
  // The team goal belongs to the team it was cascaded to (the template says sales).
  expect(await goalCard(lead.page, TEAM_GOAL).getByLabel('Team', { exact: true }).inputValue()).toBe('marketing');

  // A sub-goal under the team goal, with its metric.
  await quickOpen(lead.page, `goal: ${TEAM_GOAL}`, new RegExp(`goal: ${TEAM_GOAL}`));
  await runFromPalette(lead.page, 'insert sub-goal', /Insert Sub-goal/);
  await goalCard(lead.page, 'Untitled goal').getByLabel('Goal title').fill(SUB_GOAL);
  await goalCard(lead.page, SUB_GOAL).waitFor();
  await setNumber(lead.page, SUB_GOAL, 'Target', '200000');
  await setNumber(lead.page, SUB_GOAL, 'Current', '90000');

  // The leader's goal tree: company goal › team goal › sub-goal, 90k of the team's 900k = 10%, rolled up to the company goal.
  await leader.page.getByRole('button', { name: 'Goals', exact: true }).click();
  await treeGoal(leader.page, SUB_GOAL).waitFor({ timeout: 30_000 });
  expect(await treeGoal(leader.page, COMPANY_GOAL).getAttribute('aria-level')).toBe('1');
  expect(await treeGoal(leader.page, TEAM_GOAL).getAttribute('aria-level')).toBe('2');
  expect(await treeGoal(leader.page, SUB_GOAL).getAttribute('aria-level')).toBe('3');
  await expect.poll(() => progressOf(leader.page, SUB_GOAL).getAttribute('aria-valuenow')).toBe('45');
  await expect.poll(() => progressOf(leader.page, TEAM_GOAL).getAttribute('aria-valuenow')).toBe('10');
  await expect.poll(() => progressOf(leader.page, COMPANY_GOAL).getAttribute('aria-valuenow')).toBe('10');

  // The leader opens the team plan too.
  await treeGoal(leader.page, TEAM_GOAL).click();
  await leader.page.getByRole('tab', { name: 'West region Q1' }).waitFor();
  await goalCard(leader.page, SUB_GOAL).waitFor();

  // The team lead goes offline and keeps working; the leader edits the same plan meanwhile.
  await lead.context.setOffline(true);
  await syncState(lead, 'Offline').waitFor({ timeout: 30_000 });
  await setNumber(lead.page, SUB_GOAL, 'Current', '180000');
  await goalCard(lead.page, SUB_GOAL).getByLabel('Why (rationale)').fill('Two of the four are already in legal review.');
  // Kept on the laptop, not yet on the server: the status bar says so, and the leader does not have them.
  await lead.page.getByRole('contentinfo', { name: 'Status Bar' }).getByRole('status').filter({ hasText: /unsynced change/ }).waitFor();
  await setNumber(leader.page, PIPELINE_GOAL, 'Current', '150000');
  await leader.page.getByRole('contentinfo', { name: 'Status Bar' }).getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  expect(await planAsSeen(leader.page)).not.toContain('already in legal review');

  // Back online: both converge on the same plan, with both people's edits.
  await lead.context.setOffline(false);
  await syncState(lead, 'Connected').waitFor({ timeout: 30_000 });
  let seen: string[] = [];
  await expect.poll(async () => {
    seen = await Promise.all([planAsSeen(leader.page), planAsSeen(lead.page)]);
    const [a, b] = seen;
    return sameLines(a!, b!) && a!.includes('already in legal review') && /Current=[^\n\d]*180,000/.test(a!) && /Current=[^\n\d]*150,000/.test(a!);
  }, { timeout: 30_000 }).toBe(true).catch((err: unknown) => {
    const [a, b] = seen.map((x) => x.split('\n'));
    console.log('ONLY LEADER', a!.filter((l) => !b!.includes(l)), 'ONLY LEAD', b!.filter((l) => !a!.includes(l)));
    throw err;
  });
  await lead.page.getByRole('contentinfo', { name: 'Status Bar' }).getByRole('status').filter({ hasText: 'Saved' }).waitFor({ timeout: 30_000 });

  // (150k + 180k) of 900k: the rollup follows in the leader's tree.
  await expect.poll(() => progressOf(leader.page, COMPANY_GOAL).getAttribute('aria-valuenow'), { timeout: 20_000 }).toBe('37');
  expect(leader.errors).toEqual([]);
  expect(lead.errors).toEqual([]);
});
