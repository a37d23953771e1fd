/** What the workbench end-to-end tests share: opening the app as someone, and driving the palette and quick open. */
import { afterEach, expect } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { type WebsocketProvider } from 'y-websocket';
import { artifactPath, launchChromium } from '../support/chromium';
import { startWebApp, type WebApp } from '../support/webApp';
import { newBrowserUser, type BrowserUser } from '../support/browserUser';

const COLOURS = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed'];

export type Person = BrowserUser;

/** A fresh browser context (its own storage: a different person) with the workbench open. */
export async function openAs(browser: Browser, app: WebApp, name: string, opts: {
  query?: string; colorScheme?: 'light' | 'dark'; device?: string; token?: string;
  /** The browser's clock starts here (ISO time) and runs on. */
  now?: string;
} = {}): Promise<Person> {
  const { context, page, errors } = await newBrowserUser(browser, { name, color: COLOURS[name.length % COLOURS.length]! },
    { viewport: { width: 1400, height: 860 }, colorScheme: opts.colorScheme ?? 'light', acceptDownloads: true });
  // This browser's lasting device id (renderer/collab/deviceId.ts), when a test wrote as that device elsewhere.
  if (opts.device) await context.addInitScript((device) => localStorage.setItem('tandem.device', device), opts.device);
  if (opts.now) await context.clock.install({ time: opts.now });
  // A browser whose clock runs ahead still holds a valid invite.
  const token = opts.token ?? await app.tokenFor(name, 'editor', opts.now ? '2y' : undefined);
  await page.goto(`${app.url}/?token=${encodeURIComponent(token)}${opts.query ? `&${opts.query}` : ''}`);
  await page.getByRole('contentinfo', { name: 'Status Bar' }).waitFor();
  return { context, page, errors };
}

/**
 * After each test of a file: when it failed, a screenshot of what each of `people` saw
 * (test/artifacts/<name>-failure-<i>.png). With `closeAfterEach` (people opened per test), their
 * pages are then checked for errors and their browsers closed, and the list emptied.
 */
export function screenshotsOnFailure(people: Person[], name: string, opts: { closeAfterEach?: boolean } = {}): void {
  afterEach(async (ctx) => {
    const failed = ctx.task.result?.state === 'fail';
    const list = opts.closeAfterEach ? people.splice(0) : people;
    for (const [i, p] of list.entries()) {
      if (failed) await p.page.screenshot({ path: artifactPath(`${name}-failure-${i}.png`) }).catch(() => {});
      if (!opts.closeAfterEach) continue;
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  });
}

export type AppUnderTest = { readonly app: WebApp; readonly browser: Browser; keep(...providers: WebsocketProvider[]): void };

/**
 * The web app and a Chromium for a file's tests: started before them, closed after, together with
 * the colleagues' providers the tests `keep` open meanwhile.
 */
export function appUnderTest(): AppUnderTest {
  const providers: WebsocketProvider[] = [];
  const started = { app: null as unknown as WebApp, browser: null as unknown as Browser, keep: (...p: WebsocketProvider[]) => void providers.push(...p) };
  beforeAll(async () => {
    started.app = await startWebApp();
    started.browser = await launchChromium();
  });
  afterAll(async () => {
    providers.forEach((p) => p.destroy());
    await started.browser?.close();
    await started.app?.close();
  });
  return started;
}

export const quickInput = (page: Page) => page.getByRole('dialog').getByRole('combobox');

/** Runs a command from the palette by typing (part of) its name and pressing Enter on the first match. */
export async function runFromPalette(page: Page, query: string, expectFirst: string | RegExp): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  await quickInput(page).fill(query);
  const first = page.getByRole('dialog').getByRole('option').first();
  await first.filter({ hasText: expectFirst }).waitFor();
  await page.keyboard.press('Enter');
}

export const editorText = (page: Page) => page.getByRole('textbox', { name: 'Plan text' });
export const goalCard = (page: Page, title: string) => page.locator(`section[aria-label="Goal: ${title}"]`);

/**
 * Quick open (Ctrl+P) until `option` is the first result (goals appear once their plan's snapshot
 * has arrived), then opens it with Enter.
 */
export async function quickOpen(page: Page, query: string, option: RegExp): Promise<void> {
  const found = async () => {
    await page.keyboard.press('Control+P');
    await quickInput(page).fill(query);
    const first = page.getByRole('dialog').getByRole('option').first();
    const ok = (await first.count()) > 0 && option.test((await first.textContent()) ?? '');
    if (!ok) await page.keyboard.press('Escape');
    return ok;
  };
  await expect.poll(found, { timeout: 20_000 }).toBe(true);
  await page.keyboard.press('Enter');
}
