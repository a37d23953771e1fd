/**
 * The plan editor end to end: the real sync server serving the built UI, two people in two
 * separate headless Chromium contexts editing one plan. Run `npx vite build` first (`npm test` does).
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/chromium';
import { startWebApp, type WebApp } from '../support/webApp';
import { upsertPerson } from '../../shared/model/workspaceDoc';
import { type PlanSummary } from '../../shared/ipc/contract';
import { openAs } from './editor/twoUsers';

const WAIT = { timeout: 30_000, interval: 100 };
const visible = (l: Locator) => l.waitFor({ state: 'visible', timeout: WAIT.timeout });

const ANA = { name: 'Ana Ortiz', color: '#db2777' };
const BEN = { name: 'Ben Adler', color: '#059669' };

let app: WebApp;
let browser: Browser;
let plan: PlanSummary;
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  app = await startWebApp();
  const token = await app.tokenFor('Setup', 'editor');
  const origin = new URL(app.url).origin;
  const res = await fetch(`${origin}/api/workspaces/${app.workspaceId}/plans`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ templateId: 'campaign-plan', title: 'Q3 launch campaign' }),
  });
  expect(res.ok).toBe(true);
  plan = (await res.json()) as PlanSummary;

  // The people directory lives in the workspace document: add the two colleagues through the server.
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(origin.replace(/^http/, 'ws'), `${app.workspaceId}/workspace`, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, params: { token },
  });
  cleanups.push(() => provider.destroy());
  await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
  upsertPerson(doc, { id: 'person_ana', name: ANA.name, email: 'ana@example.com', team: 'marketing', role: 'CMO', color: ANA.color });
  upsertPerson(doc, { id: 'person_ben', name: BEN.name, email: 'ben@example.com', team: 'sales', role: 'VP Sales', color: BEN.color });
  browser = await launchChromium();
});

afterAll(async () => {
  cleanups.forEach((c) => c());
  await browser?.close();
  await app?.close();
});

const editorOf = (page: Page) => page.getByRole('textbox', { name: 'Plan text' });
const goal = (page: Page, title: string) => page.getByRole('region', { name: `Goal: ${title}`, exact: true });
const stages = (page: Page) => page.getByRole('region', { name: 'Track-selling stages' }).last();

/** Puts the caret at the end of the plan: into the text (a heading), then Ctrl+End. */
async function caretAtEnd(page: Page): Promise<void> {
  await editorOf(page).getByRole('heading').first().click();
  await page.keyboard.press('Control+End');
}

describe('plan editor, two people live', () => {
  it('A writes, inserts and fills a goal, a sub-goal and the stage matrix; B sees it all live; undo is per person', async () => {
    // Each with their own invite: the name on it is the name the other sees.
    const a = await openAs(browser, `${app.url}/?plan=${plan.id}#token=${encodeURIComponent(await app.tokenFor(ANA.name))}`, ANA);
    const b = await openAs(browser, `${app.url}/?plan=${plan.id}#token=${encodeURIComponent(await app.tokenFor(BEN.name))}`, BEN);
    try {
      await twoPeopleEdit(a.page, b.page);
    } catch (err) {
      await a.page.screenshot({ path: artifactPath('editor-failed-userA.png') });
      await b.page.screenshot({ path: artifactPath('editor-failed-userB.png') });
      throw err;
    }
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.page.context().close();
    await b.page.context().close();
  });
});

/** What has the keyboard: the focused element's accessible label (or "Plan text" for the editor). */
const focusedLabel = (page: Page) => page.evaluate(() => {
  const el = document.activeElement;
  return el?.getAttribute('aria-label') ?? (el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el?.tagName ?? null;
});

describe('plan editor, keyboard only', () => {
  it('palette → Insert Goal → Tab walks the card\'s fields, Shift+Tab walks back, Esc returns to the text', async () => {
    const { page, errors } = await openAs(browser, `${app.url}/?plan=${plan.id}`, ANA);
    try {
      await visible(editorOf(page));
      await caretAtEnd(page);
      await page.keyboard.press('Control+Shift+P');
      await page.keyboard.type('Insert Goal');
      await page.keyboard.press('Enter');
      const card = goal(page, 'Untitled goal');
      await visible(card);
      await expect.poll(() => focusedLabel(page), WAIT).toBe('Plan text');
      await page.keyboard.press('Tab');
      await expect.poll(() => focusedLabel(page), WAIT).toBe('Goal title');
      await page.keyboard.type('Keyboard goal');
      const typed = goal(page, 'Keyboard goal');
      await expect.poll(() => typed.getByRole('textbox', { name: 'Goal title' }).inputValue(), WAIT).toBe('Keyboard goal');
      await page.keyboard.press('Tab');
      await expect.poll(() => focusedLabel(page), WAIT).toBe('Status');
      const statusBefore = await typed.getByRole('combobox', { name: 'Status' }).inputValue();
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => typed.getByRole('combobox', { name: 'Status' }).inputValue(), WAIT).not.toBe(statusBefore);
      const status = await typed.getByRole('combobox', { name: 'Status' }).inputValue();
      await page.keyboard.press('Tab');
      await expect.poll(() => focusedLabel(page), WAIT).toBe('Team');
      await page.keyboard.press('Shift+Tab');
      await expect.poll(() => focusedLabel(page), WAIT).toBe('Status');
      await page.keyboard.press('Escape');
      await expect.poll(() => focusedLabel(page), WAIT).toBe('Plan text');
      await page.keyboard.type('After the goal.');
      await visible(editorOf(page).getByText('After the goal.'));
      expect(await typed.getByRole('textbox', { name: 'Goal title' }).inputValue()).toBe('Keyboard goal');
      expect(await typed.getByRole('combobox', { name: 'Status' }).inputValue()).toBe(status);
    } catch (err) {
      await page.screenshot({ path: artifactPath('editor-keyboard-failed.png') });
      throw err;
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

async function twoPeopleEdit(aPage: Page, bPage: Page): Promise<void> {
  const a = { page: aPage };
  const b = { page: bPage };
  {
    await visible(editorOf(a.page));
    await visible(editorOf(b.page));

    // A types a paragraph at the end of the plan.
    await caretAtEnd(a.page);
    await a.page.keyboard.type('Our launch rests on one shared pipeline goal.');
    await visible(editorOf(b.page).getByText('Our launch rests on one shared pipeline goal.'));

    // A inserts a goal with the slash menu.
    await a.page.keyboard.press('Enter');
    await a.page.keyboard.type('/goal');
    await visible(a.page.getByRole('listbox', { name: 'Insert' }));
    await a.page.screenshot({ path: artifactPath('editor-slash-menu.png') });
    await a.page.keyboard.press('Enter');
    const untitled = goal(a.page, 'Untitled goal');
    await visible(untitled);
    await untitled.getByRole('textbox', { name: 'Goal title' }).fill('Double qualified pipeline');
    const aGoal = goal(a.page, 'Double qualified pipeline');
    await aGoal.getByRole('combobox', { name: 'Add owner' }).selectOption({ label: BEN.name });
    await aGoal.getByRole('textbox', { name: 'Target' }).fill('12');

    // A adds a sub-goal under it.
    await aGoal.getByRole('button', { name: 'Add sub-goal' }).click();
    await goal(a.page, 'Untitled goal').getByRole('textbox', { name: 'Goal title' }).fill('EMEA pipeline');
    await visible(goal(a.page, 'EMEA pipeline'));

    // A inserts the stage matrix and fills two cells.
    await a.page.getByRole('button', { name: '+ Stages' }).click();
    await visible(stages(a.page));
    await stages(a.page).getByRole('textbox', { name: 'Approach: marketing does' }).fill('CFO webinars');
    await stages(a.page).getByRole('textbox', { name: 'Qualification: sales does' }).fill('Call within 48 hours');

    // B sees every change live.
    const bGoal = goal(b.page, 'Double qualified pipeline');
    await visible(bGoal);
    await expect.poll(() => bGoal.getByRole('textbox', { name: 'Target' }).inputValue(), WAIT).toBe('12');
    await visible(bGoal.getByRole('group', { name: 'Owners' }).getByText(BEN.name));
    await visible(goal(b.page, 'EMEA pipeline'));
    await expect.poll(() => goal(b.page, 'EMEA pipeline').getByText('Sub-goal', { exact: true }).count(), WAIT).toBe(1);
    await expect.poll(() => stages(b.page).getByRole('textbox', { name: 'Approach: marketing does' }).inputValue(), WAIT).toBe('CFO webinars');
    await expect.poll(() => stages(b.page).getByRole('textbox', { name: 'Qualification: sales does' }).inputValue(), WAIT).toBe('Call within 48 hours');

    // A mentions Ben with @: B sees the mention with Ben's name.
    await caretAtEnd(a.page);
    await a.page.keyboard.type('Pipeline review with @Be');
    await visible(a.page.getByRole('listbox', { name: 'Mention someone' }).getByRole('option', { name: /Ben Adler/ }));
    await a.page.screenshot({ path: artifactPath('editor-mention-picker.png') });
    await a.page.keyboard.press('Enter');
    await visible(editorOf(b.page).getByText(`@${BEN.name}`));

    // A's caret, with A's name, shows in B's window.
    await caretAtEnd(a.page);
    await a.page.keyboard.type('Alpha');
    await visible(editorOf(b.page).getByText('Alpha'));
    await visible(b.page.getByRole('img', { name: `${ANA.name}'s cursor` }));

    // B writes something of their own; A's undo takes back A's typing only.
    await editorOf(b.page).getByText('Our launch rests on one shared pipeline goal.').click();
    await b.page.keyboard.press('End');
    await b.page.keyboard.type(' Ben agrees.');
    await visible(editorOf(a.page).getByText('Our launch rests on one shared pipeline goal. Ben agrees.'));
    await editorOf(a.page).getByText('Alpha').click();
    await a.page.keyboard.press('Control+z');
    await expect.poll(() => editorOf(a.page).getByText('Alpha').count(), WAIT).toBe(0);
    await expect.poll(() => editorOf(b.page).getByText('Alpha').count(), WAIT).toBe(0);
    await visible(editorOf(a.page).getByText('Ben agrees.'));
    await visible(editorOf(b.page).getByText('Ben agrees.'));
    await visible(goal(b.page, 'Double qualified pipeline'));
    // One undo is one step: the stage cells A filled just before typing stay.
    await expect.poll(() => stages(b.page).getByRole('textbox', { name: 'Qualification: sales does' }).inputValue(), WAIT).toBe('Call within 48 hours');
    await expect.poll(() => stages(a.page).getByRole('textbox', { name: 'Approach: marketing does' }).inputValue(), WAIT).toBe('CFO webinars');

    await aGoal.scrollIntoViewIfNeeded();
    await bGoal.scrollIntoViewIfNeeded();
    await a.page.screenshot({ path: artifactPath('editor-userA.png') });
    await b.page.screenshot({ path: artifactPath('editor-userB.png') });
    await stages(b.page).scrollIntoViewIfNeeded();
    await b.page.screenshot({ path: artifactPath('editor-userB-stages.png') });
  }
}
