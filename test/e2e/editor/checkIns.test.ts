/**
 * Check-ins end to end: the annual plan on the real sync server, a goal with a few months of check-ins;
 * Ana (light theme) reads the compact card, checks in from it, opens the card's chart; Ben, in another
 * browser (dark theme), sees her check-in, the trend and the status change live; a colleague's copy of
 * the plan (a y-websocket client) has the check-in. Screenshots of both themes at 1280 px wide, and of
 * the stage matrix at that width, land in test/artifacts/.
 */
import { type Browser, type Page } from 'playwright-core';
import { addCheckIns, readCheckIns } from '../../../shared/model/checkIns';
import { addDays, isoDay } from '../../../shared/model/period';
import { readPlanContent, setPlanPeriod } from '../../../shared/model/planDoc';
import { structuredBlocks } from '../../../shared/derive/walk';
import { artifactPath, launchChromium } from '../../support/chromium';
import { planFromTemplateThroughServer, type WrittenPlan } from '../../support/planThroughServer';
import { startWebApp, type WebApp } from '../../support/webApp';
import { goalCard, openAs, type Person, screenshotsOnFailure } from '../workbenchHelpers';

const WAIT = { timeout: 30_000, interval: 100 };
const GOAL = 'New-customer revenue of $14M';

let app: WebApp;
let browser: Browser;
let written: WrittenPlan;
const people: Person[] = [];

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  written = await planFromTemplateThroughServer(app, 'FY27 joint plan', 'annual-joint-plan');
});

screenshotsOnFailure(people, 'check-ins');

afterAll(async () => {
  for (const p of people) await p.context.close();
  written?.provider.destroy();
  await browser?.close();
  await app?.close();
});

/** Opens the plan at 1280 px wide in the given theme. */
async function open(name: string, colorScheme: 'light' | 'dark'): Promise<Person> {
  const person = await openAs(browser, app, name, { query: `plan=${written.plan.id}`, colorScheme });
  people.push(person);
  await person.page.setViewportSize({ width: 1280, height: 900 });
  await goalCard(person.page, GOAL).waitFor(WAIT);
  return person;
}

const trendSummary = (page: Page) => goalCard(page, GOAL).locator('figure.tandem-trend figcaption').textContent();

it('a check-in from the card reaches a colleague with its trend; the open card charts it against the pace line', async () => {
  const today = isoDay(new Date());
  // A plan period that started 150 days ago and has 215 to go, and three monthly check-ins so far.
  setPlanPeriod(written.doc, { label: 'FY2027', start: addDays(today, -150), end: addDays(today, 214) });
  const goal = structuredBlocks(readPlanContent(written.doc)).goals.find((g) => g.el.title === GOAL)!.el;
  addCheckIns(written.doc, [
    { goalId: goal.id, value: 11_600_000, status: 'on-track', confidence: 'high', note: 'Two healthcare logos signed', date: addDays(today, -120), author: 'Ben Adler' },
    { goalId: goal.id, value: 12_100_000, status: 'on-track', confidence: 'medium', note: '', date: addDays(today, -90), author: 'Ben Adler' },
    { goalId: goal.id, value: 12_300_000, status: 'on-track', confidence: 'medium', note: 'Pipeline thinner in EMEA', date: addDays(today, -30), author: 'Ben Adler' },
  ]);

  const ana = await open('Ana Ortiz', 'light');
  const ben = await open('Ben Adler', 'dark');
  const anaCard = goalCard(ana.page, GOAL);
  const benCard = goalCard(ben.page, GOAL);

  // The compact card: latest check-in, progress against pace, a trend line with its text summary.
  await expect.poll(() => anaCard.getByText(/Checked in 30 days ago/).count(), WAIT).toBe(1);
  await expect.poll(() => trendSummary(ana.page), WAIT).toMatch(/^Trend: 20% on .* to 43% on .*, over 3 check-ins; the pace line expected \d+% by then\.$/);
  expect(await anaCard.getByRole('progressbar', { name: 'Progress' }).getAttribute('aria-valuetext')).toMatch(/^43%, 41% expected by now$/);
  expect(await anaCard.getByRole('textbox', { name: 'Current' }).inputValue()).toBe('$12,300,000');
  expect(await anaCard.locator('.tandem-pace-chart canvas').count()).toBe(0); // the chart is drawn for the open card
  const compactHeight = (await anaCard.boundingBox())!.height;
  expect(compactHeight).toBeLessThan(200);
  await anaCard.scrollIntoViewIfNeeded();
  await ana.page.screenshot({ path: artifactPath('check-ins-compact-light.png') });

  // Ana checks in: behind, with a note.
  await anaCard.getByRole('button', { name: 'Check in…' }).click();
  const form = anaCard.getByRole('group', { name: 'Check in' });
  await form.getByLabel('Value ($)').fill('12,450,000');
  await form.getByLabel('Status').selectOption('at-risk');
  await form.getByLabel('Confidence').selectOption('low');
  await form.getByLabel('Note').fill('Two deals slipped to Q3');
  await ana.page.screenshot({ path: artifactPath('check-ins-form-light.png') });
  await form.getByRole('button', { name: 'Save check-in' }).click();
  await expect.poll(() => form.count(), WAIT).toBe(0);

  // Ben sees it live: the note, the status, the value and the trend.
  await expect.poll(() => benCard.getByText('“Two deals slipped to Q3”').count(), WAIT).toBe(1);
  await expect.poll(() => benCard.getByRole('combobox', { name: 'Status' }).inputValue(), WAIT).toBe('at-risk');
  expect(await benCard.getByRole('textbox', { name: 'Current' }).inputValue()).toBe('$12,450,000');
  await expect.poll(() => trendSummary(ben.page), WAIT).toMatch(/to 48% on .*, over 4 check-ins/);
  expect(await benCard.getByText(/Checked in today \(Ana Ortiz\): \$12,450,000 · At risk · low confidence/).count()).toBe(1);
  // And so does the copy of a colleague who is not looking at it.
  await expect.poll(() => readCheckIns(written.doc).filter((c) => c.author === 'Ana Ortiz').map((c) => [c.value, c.status, c.confidence, c.note]), WAIT)
    .toEqual([[12_450_000, 'at-risk', 'low', 'Two deals slipped to Q3']]);
  await benCard.scrollIntoViewIfNeeded();
  await ben.page.screenshot({ path: artifactPath('check-ins-compact-dark.png') });

  // Selecting the card opens every field and the chart of its check-ins against the pace line.
  await anaCard.getByRole('textbox', { name: 'Goal title' }).click();
  const chart = anaCard.getByRole('figure', { name: `Chart of ${GOAL}` });
  await chart.locator('canvas').waitFor(WAIT);
  expect(await chart.locator('figcaption').textContent()).toMatch(/4 check-ins, the latest \$12,450,000 on .*The pace line runs from \$11,000,000 on .* to \$14,000,000 on/);
  expect((await anaCard.boundingBox())!.height).toBeGreaterThan(compactHeight + 100);
  await anaCard.getByRole('combobox', { name: 'Team' }).waitFor({ state: 'visible' });
  await ana.page.screenshot({ path: artifactPath('check-ins-open-light.png') });
  await benCard.getByRole('textbox', { name: 'Goal title' }).click();
  await benCard.getByRole('figure', { name: `Chart of ${GOAL}` }).locator('canvas').waitFor(WAIT);
  await ben.page.screenshot({ path: artifactPath('check-ins-open-dark.png') });

  // Esc returns to the text, and the card to its summary.
  await ana.page.keyboard.press('Escape');
  await expect.poll(() => anaCard.locator('.tandem-pace-chart canvas').count(), WAIT).toBe(0);

  // The stage matrix at 1280 px: every owner's name readable.
  const matrix = ana.page.getByRole('region', { name: 'Track-selling stages' });
  await matrix.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  // The funnel, from the revenue goal: $14M at $70k a deal needs 613 qualified opportunities.
  expect(await matrix.getByRole('status').textContent()).toBe('200 deals to win for $14M');
  expect(await matrix.getByRole('row', { name: 'Qualification' }).getByText('Needs 613').count()).toBe(1);
  await ana.page.screenshot({ path: artifactPath('stage-matrix-1280-light.png') });
  await ben.page.getByRole('region', { name: 'Track-selling stages' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await ben.page.screenshot({ path: artifactPath('stage-matrix-1280-dark.png') });

  expect(ana.errors).toEqual([]);
  expect(ben.errors).toEqual([]);
});
