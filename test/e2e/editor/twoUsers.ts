/** Two people in separate browser contexts (never two pages of one context), each with their own name and colour. */
import { type Browser, type Page } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../../../shared/ipc/contract';

export type User = { name: string; color: string };

export async function openAs(browser: Browser, url: string, user: User): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const settings = { ...DEFAULT_SETTINGS, userName: user.name, userColor: user.color };
  await context.addInitScript((json) => {
    if (!localStorage.getItem('tandem.settings')) localStorage.setItem('tandem.settings', json);
  }, JSON.stringify(settings));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}
