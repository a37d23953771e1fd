/**
 * Links in the plan text, end to end: the real sync server serving the built UI, headless Chromium.
 * Ctrl+click and Alt+Enter ask the web host to open exactly the link's address (a new tab, observed
 * as a new page of the browser context); a plain click only places the caret.
 */
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { artifactPath, launchChromium } from '../../support/chromium';
import { startWebApp, type WebApp } from '../../support/webApp';
import { type PlanSummary } from '../../../shared/ipc/contract';
import { openAs } from './twoUsers';

const WAIT = { timeout: 15_000, interval: 50 };
const ANA = { name: 'Ana Ortiz', color: '#db2777' };

let app: WebApp;
let browser: Browser;
let plan: PlanSummary;

beforeAll(async () => {
  app = await startWebApp();
  const token = await app.tokenFor('Setup', 'editor');
  const res = await fetch(`${new URL(app.url).origin}/api/workspaces/${app.workspaceId}/plans`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ templateId: 'campaign-plan', title: 'Launch brief' }),
  });
  expect(res.ok).toBe(true);
  plan = (await res.json()) as PlanSummary;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const editorOf = (page: Page) => page.getByRole('textbox', { name: 'Plan text' });

/** Every page the context opens from now on (new tabs from window.open). */
function pagesOpened(context: BrowserContext): Page[] {
  const opened: Page[] = [];
  context.on('page', (p) => opened.push(p));
  return opened;
}

describe('links in the plan', () => {
  it('Ctrl+click and Alt+Enter open exactly the link through the host; a plain click places the caret', async () => {
    const { page, errors } = await openAs(browser, `${app.url}/?plan=${plan.id}`, ANA);
    const context = page.context();
    // The address the link points to is served by the test (never the network).
    const target = `${new URL(app.url).origin}/the-brief?from=plan`;
    await context.route(target, (route) => route.fulfill({ contentType: 'text/html', body: '<title>The brief</title>The brief' }));
    const opened = pagesOpened(context);
    try {
      const editor = editorOf(page);
      await editor.waitFor({ timeout: WAIT.timeout });
      await editor.getByRole('heading').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('Read the brief');
      await page.keyboard.press('Shift+Home');
      await page.getByRole('button', { name: 'Link', exact: true }).click();
      await page.getByRole('textbox', { name: 'Link address' }).fill(target);
      await page.getByRole('button', { name: 'Add link' }).click();
      const link = editor.getByRole('link', { name: 'Read the brief' });
      await link.waitFor({ timeout: WAIT.timeout });
      expect(await link.getAttribute('href')).toBe(target);

      // Hovering shows the address and how to open it.
      await link.hover();
      const hint = page.getByRole('tooltip');
      await hint.waitFor({ timeout: WAIT.timeout });
      expect(await hint.textContent()).toBe(`${target}Ctrl+click to open`);
      const [a, b] = [(await link.boundingBox())!, (await hint.boundingBox())!];
      const top = Math.min(a.y, b.y) - 24;
      await page.screenshot({ path: artifactPath('editor-link-hint.png'),
        clip: { x: Math.max(0, a.x - 40), y: Math.max(0, top), width: 560, height: Math.max(a.y + a.height, b.y + b.height) + 24 - top } });

      // A plain click puts the caret in the link: typing edits its text.
      await link.click();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.type('X');
      const edited = editor.locator(`a[href="${target}"]`);
      await expect.poll(() => edited.textContent(), WAIT).toContain('X');
      expect((await edited.textContent())!.replace('X', '')).toBe('Read the brief');

      // Ctrl+click opens exactly that address, in a new tab.
      const viaClick = context.waitForEvent('page');
      await edited.click({ modifiers: ['Control'] });
      await (await viaClick).waitForURL(target, { timeout: WAIT.timeout });

      // With the caret in the link, Alt+Enter opens it too, and adds no line.
      await edited.click();
      const caretHint = page.getByRole('tooltip');
      await expect.poll(() => caretHint.textContent(), WAIT).toBe(`${target}Ctrl+click to open`);
      await page.mouse.move(0, 0);
      await expect.poll(() => caretHint.textContent(), WAIT).toBe(`${target}Alt+Enter to open`);
      const blocksBefore = await editor.locator(':scope > *').count();
      const viaKey = context.waitForEvent('page');
      await page.keyboard.press('Alt+Enter');
      await (await viaKey).waitForURL(target, { timeout: WAIT.timeout });
      expect(await editor.locator(':scope > *').count()).toBe(blocksBefore);

      expect(opened.map((p) => p.url())).toEqual([target, target]);
    } catch (err) {
      await page.screenshot({ path: artifactPath('editor-links-failed.png') });
      throw err;
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
