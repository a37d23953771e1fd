/**
 * The plan through the year, end to end: the annual plan on the real sync server, two people in two
 * browser contexts (Dana in the light theme, Priya in the dark), both browsers' clocks on 1 April 2027.
 * Priya keeps the Plan Review open while Dana checks in and imports the quarter's closed-won deals from
 * a Salesforce export; Priya's dashboard follows; a goal's chart shows its sub-goals' contributions in
 * Priya's browser; a stage target below what the funnel needs appears in Problems and clears; a short
 * check-in reminder puts a quiet goal in Problems for both. Screenshots of the dashboard, the chart and
 * the import in both themes land in test/artifacts/. Run `npx vite build` first (`npm test` does).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { slateNodesToInsertDelta } from '@slate-yjs/core';
import { addCheckIns, readCheckIns } from '../../shared/model/checkIns';
import { type PlanContent } from '../../shared/model/elements';
import { planContent, readPlanContent, setPlanPeriod } from '../../shared/model/planDoc';
import { initWorkspaceDoc, upsertPerson } from '../../shared/model/workspaceDoc';
import { structuredBlocks } from '../../shared/derive/walk';
import { artifactPath, launchChromium } from '../support/chromium';
import { planFromTemplateThroughServer, type WrittenPlan } from '../support/planThroughServer';
import { startWebApp, type WebApp } from '../support/webApp';
import { goalCard, openAs, quickInput, runFromPalette, type Person, screenshotsOnFailure } from './workbenchHelpers';

const WAIT = { timeout: 30_000, interval: 100 };
const NOW = '2027-04-01T09:00:00Z';
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'actuals');

const COMPANY = 'Grow revenue to $48M';
const NEW_BUSINESS = 'New-customer revenue of $14M';
const EXISTING = 'Renewals and expansion of $34M';
const LEADS = '1,400 sales-accepted leads in our customer groups';
const RETENTION = 'Keep the customers we win';
const REFERENCES = '40 referenceable customers';
const REVIEWS = 'Business reviews with every top-50 customer each quarter';

let app: WebApp;
let browser: Browser;
let written: WrittenPlan;
let workspace: { doc: Y.Doc; provider: WebsocketProvider };
let dana: Person;
let priya: Person;
const people: Person[] = [];
const goalIds = new Map<string, string>();

const PEOPLE = [
  { id: 'person_dana', name: 'Dana Whitfield', email: 'dana@example.com', team: 'leadership', role: 'VP Sales', color: '#2563eb' },
  { id: 'person_marcus', name: 'Marcus Lee', email: 'marcus@example.com', team: 'marketing', role: 'CMO', color: '#db2777' },
  { id: 'person_priya', name: 'Priya Natarajan', email: 'priya@example.com', team: 'sales', role: 'Regional Sales Manager', color: '#059669' },
  { id: 'person_tom', name: 'Tom Becker', email: 'tom@example.com', team: 'marketing', role: 'Demand Generation Lead', color: '#d97706' },
];
const OWNER_BY_TEAM: Record<string, string> = { leadership: 'person_dana', sales: 'person_priya', marketing: 'person_tom', joint: 'person_marcus' };

/** The workspace document through the server, as a colleague's y-websocket client. */
async function workspaceThroughServer(): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const token = await app.tokenFor('Ben Adler', 'editor');
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(new URL(app.url).origin.replace(/^http/, 'ws'), `${app.workspaceId}/workspace`, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, params: { token },
  });
  await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
  return { doc, provider };
}

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  workspace = await workspaceThroughServer();
  initWorkspaceDoc(workspace.doc, { id: app.workspaceId, name: 'Test workspace' });
  for (const p of PEOPLE) upsertPerson(workspace.doc, p);
  written = await planFromTemplateThroughServer(app, 'FY27 joint plan', 'annual-joint-plan');
  // Owners by team; new-customer revenue counts what is booked this year (from 0).
  const content = readPlanContent(written.doc).map((n) => ('type' in n && n.type === 'goal'
    ? { ...n, owners: [OWNER_BY_TEAM[n.team]!], ...(n.title === NEW_BUSINESS ? { baseline: 0 } : {}) } : n)) as PlanContent;
  const text = planContent(written.doc);
  written.doc.transact(() => {
    text.delete(0, text.length);
    text.applyDelta(slateNodesToInsertDelta(content));
  });
  setPlanPeriod(written.doc, { label: 'FY2027', start: null, end: null });
  for (const { el } of structuredBlocks(readPlanContent(written.doc)).goals) goalIds.set(el.title, el.id);
  const at = (title: string) => goalIds.get(title)!;
  addCheckIns(written.doc, [
    { goalId: at(EXISTING), value: 29_600_000, status: 'on-track', confidence: 'high', note: '', date: '2027-01-31', author: 'Priya Natarajan' },
    { goalId: at(EXISTING), value: 30_900_000, status: 'on-track', confidence: 'medium', note: 'Two expansions signed early', date: '2027-03-15', author: 'Priya Natarajan' },
    { goalId: at(LEADS), value: 1_080, status: 'on-track', confidence: 'medium', note: '', date: '2027-02-15', author: 'Tom Becker' },
    { goalId: at(REFERENCES), value: 24, status: 'on-track', confidence: 'medium', note: '', date: '2027-03-20', author: 'Tom Becker' },
    { goalId: at(RETENTION), value: 89, status: 'at-risk', confidence: 'low', note: 'Two renewals at risk in EMEA', date: '2027-01-20', author: 'Dana Whitfield' },
  ]);
  dana = await openAs(browser, app, 'Dana Whitfield', { query: `plan=${written.plan.id}`, now: NOW });
  priya = await openAs(browser, app, 'Priya Natarajan', { query: `plan=${written.plan.id}`, colorScheme: 'dark', now: NOW });
  people.push(dana, priya);
  for (const p of people) await goalCard(p.page, LEADS).waitFor(WAIT);
});

screenshotsOnFailure(people, 'plan-year');

afterAll(async () => {
  for (const p of people) await p.context.close();
  written?.provider.destroy();
  workspace?.provider.destroy();
  await browser?.close();
  await app?.close();
});

const dashboard = (page: Page) => page.getByRole('tabpanel', { name: 'Plan Review — FY2027' });
const attention = (page: Page, name: RegExp) => dashboard(page).getByRole('region', { name });
const tile = (page: Page, label: string) => dashboard(page).getByRole('list', { name: 'At a glance' }).getByRole('listitem', { name: new RegExp(`^${label}: `) });
const problems = (page: Page) => page.getByRole('tree', { name: 'Problems' });

/** Checks in from a goal's card: its value (the field's label names the unit), a status, a note. */
async function checkInFromCard(page: Page, goal: string, c: { value: [label: string, value: string]; status?: string; note: string }): Promise<void> {
  const card = goalCard(page, goal);
  await card.scrollIntoViewIfNeeded();
  await card.getByRole('button', { name: 'Check in…' }).click();
  const form = card.getByRole('group', { name: 'Check in' });
  await form.getByLabel(c.value[0]).fill(c.value[1]);
  if (c.status) await form.getByLabel('Status').selectOption(c.status);
  await form.getByLabel('Note').fill(c.note);
  await form.getByRole('button', { name: 'Save check-in' }).click();
}

async function showProblems(page: Page): Promise<void> {
  await runFromPalette(page, 'show problems', /Show Problems/);
  await problems(page).or(page.getByText('No problems have been found')).first().waitFor(WAIT);
}

it('Plan Review: every goal by team, live as a colleague checks in; a goal opens its card; the summary downloads', async () => {
  await runFromPalette(priya.page, 'open plan review', /Open Plan Review/);
  await dashboard(priya.page).waitFor(WAIT);
  // The headline and what needs the room's attention.
  await expect.poll(() => tile(priya.page, 'Goals').getAttribute('aria-label'), WAIT).toBe('Goals: 10');
  const atRisk = attention(priya.page, /^At risk or off track/);
  await expect.poll(() => atRisk.getByRole('button').allTextContents(), WAIT).toEqual([RETENTION]);
  expect(await attention(priya.page, /^Behind pace/).getByRole('button').allTextContents()).toContain(LEADS);
  // The leads goal: 1,080 of 1,050 → 1,400 is 9%, the pace line expects 25% by 1 April.
  const leadsRow = dashboard(priya.page).getByRole('row').filter({ has: priya.page.getByRole('button', { name: LEADS, exact: true }) });
  expect(await leadsRow.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('9%, behind pace: 25% by now');
  expect(await dashboard(priya.page).getByRole('region', { name: 'Marketing goals' }).getByRole('button', { name: LEADS }).count()).toBe(1);

  // Dana checks in on the leads goal from its card: at risk, with a note.
  await checkInFromCard(dana.page, LEADS, { value: ['Value (leads)', '1,150'], status: 'at-risk', note: 'Webinar leads arrive in May' });

  // Priya's dashboard follows: the goal is at risk now, its trend since the last review and its last check-in show.
  await expect.poll(() => atRisk.getByRole('button').allTextContents(), WAIT).toEqual([LEADS, RETENTION]);
  expect(await leadsRow.getByRole('cell').nth(3).textContent()).toBe('▲ +20 pts');
  expect(await leadsRow.getByRole('cell').nth(4).textContent()).toMatch(/^today · 1\.2k leads · Dana Whitfield — “Webinar leads arrive in May”$/);
  await priya.page.screenshot({ path: artifactPath('plan-review-dark.png') });

  // The one-click summary for the meeting.
  const download = priya.page.waitForEvent('download');
  await dashboard(priya.page).getByRole('button', { name: 'Download .md' }).click();
  const summary = readFileSync((await (await download).path())!, 'utf8');
  expect(summary).toMatch(/^# Plan Review — FY2027 — 2027-04-01\n/);
  expect(summary).toContain(`## At risk or off track (2)\n\n- **${LEADS}** (Marketing, Tom Becker): At risk, 29% — “Webinar leads arrive in May”`);

  // A goal in the review opens its card in the plan, with its chart.
  await atRisk.getByRole('button', { name: RETENTION }).click();
  await priya.page.getByRole('tab', { name: 'FY27 joint plan', exact: true }).waitFor(WAIT);
  await goalCard(priya.page, RETENTION).getByRole('figure', { name: `Chart of ${RETENTION}` }).locator('canvas').waitFor(WAIT);

  // Dana's view of the same review, in the light theme.
  await runFromPalette(dana.page, 'open plan review', /Open Plan Review/);
  await expect.poll(() => attention(dana.page, /^At risk or off track/).getByRole('button').count(), WAIT).toBe(2);
  await dana.page.screenshot({ path: artifactPath('plan-review-light.png') });
  expect(dana.errors).toEqual([]);
  expect(priya.errors).toEqual([]);
});

it('Import Actuals: a broken file and bad rows import nothing; the Salesforce export records check-ins and the review follows', async () => {
  const page = dana.page;
  await page.getByRole('tab', { name: 'FY27 joint plan', exact: true }).click();
  await runFromPalette(page, 'import actuals', /Import Actuals/);
  const tab = page.getByRole('tabpanel', { name: 'Import Actuals — FY27 joint plan' });
  const choose = async (file: string) => {
    const chooser = page.waitForEvent('filechooser');
    await tab.getByRole('button', { name: 'Choose a CSV file…' }).click();
    await (await chooser).setFiles(join(FIXTURES, file));
  };
  const imported = () => readCheckIns(written.doc).filter((c) => c.source === 'import');

  // A file cut short: refused with the reason, nothing recorded.
  await choose('truncated-export.csv');
  await expect.poll(() => tab.getByRole('alert').textContent(), WAIT).toMatch(/^truncated-export\.csv cannot be imported: a quoted value is not closed/);

  // An export with an unknown deal type and a non-number: mapped, reported row by row, nothing imported.
  await choose('salesforce-closed-won-with-errors.csv');
  await tab.getByLabel('Goal column').selectOption('Type');
  await tab.getByLabel('Value column').selectOption('Amount');
  await tab.getByLabel('Each row’s date').selectOption('Close Date');
  await tab.getByLabel('Goal for “New Business”').selectOption({ label: `${NEW_BUSINESS} — New-customer revenue` });
  // Existing-business deals are renewals, which the plan measures as a level, not as deals: they are left out.
  await tab.getByLabel('Goal for “Existing Business”').selectOption({ label: 'None of this plan’s goals: leave these rows out' });
  const report = tab.getByRole('table', { name: 'Row by row' });
  await expect.poll(() => report.locator('.ai-problem').allTextContents(), WAIT).toEqual([
    '“Partner Resell” is not a goal of this plan: map it to one',
    '“TBD” in “Amount” is not a number',
  ]);
  expect(await tab.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
  expect(imported()).toEqual([]);
  await page.screenshot({ path: artifactPath('import-actuals-problems-light.png') });

  // The clean export of the same report keeps the mapping: every row reads, and confirming records the quarter.
  await choose('salesforce-closed-won-fy2027.csv');
  await expect.poll(() => tab.getByRole('status').first().textContent(), WAIT)
    .toBe('Every row reads (4 rows are for none of the plan’s goals and left out). Importing records 1 check-in.');
  expect(imported()).toEqual([]); // nothing until confirmed
  await page.screenshot({ path: artifactPath('import-actuals-light.png') });
  await tab.getByRole('button', { name: 'Import 1 check-in' }).click();
  await tab.getByText('Recorded 1 check-in from salesforce-closed-won-fy2027.csv.', { exact: false }).waitFor(WAIT);
  await expect.poll(() => imported().map((c) => [c.goalId, c.value, c.date, c.author]), WAIT).toEqual([
    [goalIds.get(NEW_BUSINESS), 48_000 + 96_000 + 52_500 + 38_900 + 71_250 + 44_000, '2027-03-30', 'Dana Whitfield'],
  ]);

  // Priya's dashboard shows the imported values.
  await priya.page.getByRole('tab', { name: 'Plan Review — FY2027' }).click();
  const row = dashboard(priya.page).getByRole('row').filter({ has: priya.page.getByRole('button', { name: NEW_BUSINESS, exact: true }) });
  await expect.poll(() => row.getByRole('cell').nth(4).textContent(), WAIT).toBe('2 days ago · $350.7k · imported');

  // The import in the dark theme, for the README.
  const dark = await openAs(browser, app, 'Marcus Lee', { query: `plan=${written.plan.id}`, colorScheme: 'dark', now: NOW });
  people.push(dark);
  await goalCard(dark.page, LEADS).waitFor(WAIT);
  await runFromPalette(dark.page, 'import actuals', /Import Actuals/);
  const darkTab = dark.page.getByRole('tabpanel', { name: 'Import Actuals — FY27 joint plan' });
  const chooser = dark.page.waitForEvent('filechooser');
  await darkTab.getByRole('button', { name: 'Choose a CSV file…' }).click();
  await (await chooser).setFiles(join(FIXTURES, 'salesforce-closed-won-with-errors.csv'));
  // The mapping saved with the import maps the same report by itself: only the two bad rows are problems.
  await expect.poll(() => darkTab.getByRole('table', { name: 'Row by row' }).locator('.ai-problem').count(), WAIT).toBe(2);
  expect(await darkTab.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
  await dark.page.screenshot({ path: artifactPath('import-actuals-problems-dark.png') });
  expect(dana.errors).toEqual([]);
});

it('a check-in reaches a colleague with its trend; the company goal charts its sub-goals’ contributions against the pace line', async () => {
  await dana.page.getByRole('tab', { name: 'FY27 joint plan', exact: true }).click();
  await priya.page.getByRole('tab', { name: 'FY27 joint plan', exact: true }).click();
  await checkInFromCard(dana.page, EXISTING, { value: ['Value ($)', '31,400,000'], note: 'Q1 expansions closed' });

  // Priya sees it on the card: the latest check-in and the trend line over its three values.
  const theirs = goalCard(priya.page, EXISTING);
  await theirs.scrollIntoViewIfNeeded();
  await expect.poll(() => theirs.getByText(/Checked in today \(Dana Whitfield\): \$31,400,000/).count(), WAIT).toBe(1);
  await expect.poll(() => theirs.locator('figure.tandem-trend figcaption').textContent(), WAIT).toMatch(/^Trend: 12% on 31 Jan to 48% on 1 Apr, over 3 check-ins/);

  // The company goal, opened: its progress from the sub-goals, drawn as their stacked contributions.
  const company = goalCard(priya.page, COMPANY);
  await company.getByRole('textbox', { name: 'Goal title' }).click();
  const chart = company.getByRole('figure', { name: `Chart of ${COMPANY}` });
  await chart.locator('canvas').waitFor(WAIT);
  expect(await chart.locator('figcaption').textContent()).toMatch(
    new RegExp(`Sub-goals’ contributions on 1 Apr: ${NEW_BUSINESS.replace('$', '\\$')} \\$350\\.7k \\(4% of the way\\), ${EXISTING.replace('$', '\\$')} \\$2\\.4M \\(30% of the way\\)\\.`),
  );
  await chart.scrollIntoViewIfNeeded();
  await priya.page.screenshot({ path: artifactPath('goal-chart-dark.png') });
  const mine = goalCard(dana.page, COMPANY);
  await mine.getByRole('textbox', { name: 'Goal title' }).click();
  await mine.getByRole('figure', { name: `Chart of ${COMPANY}` }).locator('canvas').waitFor(WAIT);
  await mine.getByRole('figure', { name: `Chart of ${COMPANY}` }).scrollIntoViewIfNeeded();
  await dana.page.screenshot({ path: artifactPath('goal-chart-light.png') });

  // The Goals view marks the goals behind pace: new business (2.5% of $14M, 25% expected by now), not renewals.
  await priya.page.getByRole('button', { name: 'Goals', exact: true }).click();
  const behind = priya.page.getByRole('tree', { name: 'Goal cascade' }).getByRole('treeitem', { name: NEW_BUSINESS });
  await expect.poll(async () => (await behind.textContent()) ?? '', WAIT).toContain('behind pace');
  expect(await priya.page.getByRole('tree', { name: 'Goal cascade' }).getByRole('treeitem', { name: EXISTING }).textContent()).not.toContain('behind pace');
  expect(priya.errors).toEqual([]);
});

it('a stage target below what the funnel needs is a problem until it is raised', async () => {
  const page = dana.page;
  await showProblems(page);
  const short = problems(page).getByRole('treeitem', { name: /Qualification: .* planned/ });
  expect(await short.count()).toBe(0);
  const matrix = page.getByRole('region', { name: 'Track-selling stages' });
  await matrix.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const qualification = matrix.getByRole('row', { name: 'Qualification' });
  const set = async (label: string, value: string) => {
    const field = qualification.getByLabel(label, { exact: true });
    await field.fill(value);
    await field.press('Tab');
  };
  await set('Qualification: metric', 'Qualified opportunities');
  await set('Qualification: metric unit', 'opportunities');
  await set('Qualification: metric target', '300');
  await expect.poll(() => short.getAttribute('aria-label'), WAIT)
    .toBe('Warning: Qualification: 300 planned, 613 needed for $14M at a 32.6% win rate.');
  expect(await qualification.getByText('Needs 613 · 300 planned, 313 short').count()).toBe(1);
  await page.screenshot({ path: artifactPath('funnel-short-light.png') });
  // Priya sees the same problem.
  await showProblems(priya.page);
  await expect.poll(() => problems(priya.page).getByRole('treeitem', { name: /Qualification: 300 planned, 613 needed/ }).count(), WAIT).toBe(1);

  await set('Qualification: metric target', '650');
  await expect.poll(() => short.count(), WAIT).toBe(0);
  await expect.poll(() => problems(priya.page).getByRole('treeitem', { name: /Qualification: .* planned/ }).count(), WAIT).toBe(0);
});

it('a goal nobody checked in on for more than the workspace’s reminder days shows in Problems, for everyone', async () => {
  const quiet = (page: Page, title: string, days: number) => problems(page).getByRole('treeitem', { name: `Warning: No check-in on ‘${title}’ for ${days} days: how is it going?` });
  await showProblems(priya.page);
  // With the default 30 days: the quarterly business reviews, never checked in on since the year started, are a problem;
  // the references, checked in 12 days ago, are not.
  await expect.poll(() => problems(priya.page).getByRole('treeitem', {
    name: `Warning: No one has checked in on ‘${REVIEWS}’ since the period started 90 days ago: how is it going?`,
  }).count(), WAIT).toBe(1);
  expect(await quiet(priya.page, REFERENCES, 12).count()).toBe(0);
  // Dana sets the reminder to 7 days: the references are a problem now, in both browsers.
  const remind = async (days: string) => {
    await runFromPalette(dana.page, 'workspace settings', /Workspace Settings/);
    await quickInput(dana.page).fill('reminder');
    await dana.page.keyboard.press('Enter');
    await quickInput(dana.page).fill(days);
    await dana.page.keyboard.press('Enter');
  };
  await remind('7');
  await expect.poll(() => quiet(priya.page, REFERENCES, 12).count(), WAIT).toBe(1);
  await expect.poll(() => quiet(dana.page, REFERENCES, 12).count(), WAIT).toBe(1);
  expect(await quiet(priya.page, EXISTING, 0).count()).toBe(0); // checked in today
  await remind('30');
  await expect.poll(() => quiet(priya.page, REFERENCES, 12).count(), WAIT).toBe(0);
});

it('the workspace’s own teams: added in People, offered on goal cards and shown in the review', async () => {
  const page = dana.page;
  await page.getByRole('button', { name: 'People', exact: true }).click();
  const teams = page.getByRole('region', { name: 'Teams' });
  await teams.getByRole('button', { name: 'Add team' }).click();
  await teams.getByLabel('Team name').fill('West Sales');
  await teams.getByRole('button', { name: 'Add team' }).last().click();
  await teams.getByRole('listitem').filter({ hasText: 'West Sales' }).waitFor(WAIT);
  // Priya's goal card offers it; she moves the new-business goal to it.
  const card = goalCard(priya.page, NEW_BUSINESS);
  await priya.page.getByRole('tab', { name: 'FY27 joint plan', exact: true }).click();
  await card.getByRole('textbox', { name: 'Goal title' }).click();
  const team = card.getByRole('combobox', { name: 'Team' });
  await expect.poll(() => team.locator('option').allTextContents(), WAIT).toContain('West Sales');
  await team.selectOption({ label: 'West Sales' });
  // Dana renames the team; the review groups the goal under its new name.
  await teams.getByRole('button', { name: 'Edit team West Sales' }).click();
  await teams.getByLabel('Team name').fill('West Region Sales');
  await teams.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('tab', { name: 'Plan Review — FY2027' }).click();
  await expect.poll(() => dashboard(page).getByRole('region', { name: 'West Region Sales goals' }).getByRole('button', { name: NEW_BUSINESS }).count(), WAIT).toBe(1);
  expect(dana.errors).toEqual([]);
  expect(priya.errors).toEqual([]);
});
