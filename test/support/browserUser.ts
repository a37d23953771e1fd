/**
 * One person in the browser for end-to-end tests: a fresh browser context (its own storage, so never
 * syncing around the server through BroadcastChannel) whose settings carry that person's name and colour.
 */
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../../shared/ipc/contract';

export type BrowserUser = { context: BrowserContext; page: Page; errors: string[] };

export async function newBrowserUser(
  browser: Browser,
  user: { name: string; color: string },
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserUser> {
  const context = await browser.newContext(options);
  const settings = { ...DEFAULT_SETTINGS, userName: user.name, userColor: user.color };
  await context.addInitScript((json) => {
    if (!localStorage.getItem('tandem.settings')) localStorage.setItem('tandem.settings', json);
  }, JSON.stringify(settings));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}
