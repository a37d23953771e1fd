/**
 * Presence as two people see it, each in their own browser context: a colleague shows once however
 * often they reload, is gone when they leave, and their caret stays on their words while the other
 * scrolls — in a small plan and in a large one whose far chunks render only when reached.
 */
import { type Browser, type Page } from 'playwright-core';
import { type Descendant } from 'slate';
import { newGoal, paragraph } from '../../shared/model/blocks';
import { CHUNKING_FROM } from '../../renderer/editor/createPlanEditor';
import { artifactPath, launchChromium } from '../support/chromium';
import { planFromTemplateThroughServer, planWrittenThroughServer } from '../support/planThroughServer';
import { startWebApp, type WebApp } from '../support/webApp';
import { editorText, openAs, type Person } from './workbenchHelpers';

const WAIT = { timeout: 20_000, interval: 100 };

let app: WebApp;
let browser: Browser;
const people: Person[] = [];

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

afterEach(async () => {
  await Promise.all(people.splice(0).map((p) => p.context.close().catch(() => {})));
});

async function open(name: string, planId: string): Promise<Person> {
  const person = await openAs(browser, app, name, { query: `plan=${planId}` });
  people.push(person);
  await editorText(person.page).waitFor();
  return person;
}

/** Who the status bar says is in the plan besides this person ('' when nobody). */
const inThisPlan = (page: Page) => page.getByRole('contentinfo', { name: 'Status Bar' }).getByRole('list', { name: /^In this plan/ })
  .evaluateAll((lists) => lists.map((l) => l.getAttribute('aria-label')).join(' | '));

/** How far (px) a colleague's caret is from the vertical middle of the words they typed; null while it is not drawn. */
async function caretOffFromWords(page: Page, name: string, words: RegExp): Promise<number | null> {
  const caret = await page.getByRole('img', { name: `${name}'s cursor` }).boundingBox();
  const text = await editorText(page).getByText(words).first().boundingBox();
  if (!caret || !text) return null;
  return Math.abs(caret.y + caret.height / 2 - (text.y + text.height / 2));
}

async function scrollEditor(page: Page, by: number, steps = 1): Promise<void> {
  const box = (await editorText(page).boundingBox())!;
  await page.mouse.move(box.x + 100, 400);
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, by / steps);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
}

test('a colleague shows once however often they reload, and is gone when they leave', async () => {
  const { plan, provider } = await planFromTemplateThroughServer(app, 'FY27 joint plan', 'annual-joint-plan');
  provider.destroy();
  const ana = await open('Ana Lopez', plan.id);
  const ben = await open('Ben Ortiz', plan.id);
  await expect.poll(() => inThisPlan(ana.page), WAIT).toBe('In this plan: Ben Ortiz');

  const t0 = Date.now();
  for (let i = 0; i < 3; i++) {
    await ben.page.reload();
    await editorText(ben.page).waitFor();
  }
  await expect.poll(() => inThisPlan(ana.page), WAIT).toBe('In this plan: Ben Ortiz');
  console.log('reloads settled', Date.now() - t0);
  await expect.poll(() => inThisPlan(ben.page), WAIT).toBe('In this plan: Ana Lopez');
  console.log('ben sees', Date.now() - t0);

  await ben.context.close();
  const t1 = Date.now();
  await expect.poll(() => inThisPlan(ana.page), WAIT).toBe('');
  console.log('left', Date.now() - t1);
});

test("a colleague's caret stays on their words while the plan scrolls", async () => {
  const { plan, provider } = await planFromTemplateThroughServer(app, 'FY27 cursor plan', 'annual-joint-plan');
  provider.destroy();
  const ana = await open('Ana Lopez', plan.id);
  const ben = await open('Ben Ortiz', plan.id);

  // Ana has scrolled a little before Ben's caret arrives: it is placed while her view is scrolled.
  await scrollEditor(ana.page, 300);
  await editorText(ben.page).getByText(/^Last year we reached/).click();
  await ben.page.keyboard.press('Control+End');
  await ben.page.keyboard.type(' Ben checks the numbers');
  await editorText(ana.page).getByText(/Ben checks the numbers/).waitFor(WAIT);
  await editorText(ana.page).getByText(/Ben checks the numbers/).scrollIntoViewIfNeeded();
  await expect.poll(() => caretOffFromWords(ana.page, 'Ben Ortiz', /Ben checks the numbers/), WAIT).toBeLessThan(15);

  await scrollEditor(ana.page, -200);
  expect(await caretOffFromWords(ana.page, 'Ben Ortiz', /Ben checks the numbers/)).toBeLessThan(15);
  await ana.page.screenshot({ path: artifactPath('presence-caret-after-scroll.png') });
});

test("in a large plan, a colleague's caret far down shows on their words once the reader gets there", async () => {
  const blocks: Descendant[] = [];
  for (let i = 1; i < CHUNKING_FROM + 150; i++) {
    blocks.push(i % 10 === 0 ? newGoal({ title: `Goal ${i}`, team: 'sales' }) : paragraph(`Paragraph ${i}: marketing hands over qualified leads and sales follows up.`));
  }
  blocks.push(paragraph('The last words of the plan'));
  const { plan, provider } = await planWrittenThroughServer(app, 'Large plan', blocks);
  provider.destroy();
  const ana = await open('Ana Lopez', plan.id);
  const ben = await open('Ben Ortiz', plan.id);

  await editorText(ben.page).getByText(/^Paragraph 1:/).click();
  await ben.page.keyboard.press('Control+End');
  await ben.page.keyboard.type(' and Ben');

  // Ana reaches the end by scrolling, chunk after chunk rendering on the way.
  await scrollEditor(ana.page, 200_000, 40);
  await editorText(ana.page).getByText(/words of the plan and Ben/).waitFor(WAIT);
  await expect.poll(() => caretOffFromWords(ana.page, 'Ben Ortiz', /words of the plan and Ben/), WAIT).toBeLessThan(15);
  await scrollEditor(ana.page, -1_500, 5);
  await scrollEditor(ana.page, 1_500, 5);
  expect(await caretOffFromWords(ana.page, 'Ben Ortiz', /words of the plan and Ben/)).toBeLessThan(15);
});
