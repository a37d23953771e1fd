/** Two people in separate browser contexts (never two pages of one context), each with their own name and colour. */
import { type Browser, type Page } from 'playwright-core';
import { newBrowserUser } from '../../support/browserUser';

export type User = { name: string; color: string };

export async function openAs(browser: Browser, url: string, user: User): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await newBrowserUser(browser, user, { viewport: { width: 1440, height: 1000 } });
  await page.goto(url);
  return { page, errors };
}
