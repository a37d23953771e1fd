/** What the desktop end-to-end tests share: a window of the desktop app, and what a person does in it first. */
import { existsSync, mkdtempSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium';
import * as Y from 'yjs';
import { decodePlanFile } from '../../../main/storage/planFile';
import { readPlanContent } from '../../../shared/model/planDoc';
import { DesktopApp } from '../../support/desktopHost/desktopApp';

export const ANNUAL_PLAN = 'Annual joint sales & marketing plan';

export const statusBar = (page: Page) => page.getByRole('contentinfo', { name: 'Status Bar' });
export const saveState = (page: Page) => statusBar(page).getByRole('status');
export const editorText = (page: Page) => page.getByRole('textbox', { name: 'Plan text' });

export function tempFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A window's browser context: kept across restarts of the app, as Electron keeps its session in the user data folder. */
export function windowContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1400, height: 860 }, colorScheme: 'light' });
}

/** Starts the app and shows its window; resolves once the workbench (or the first-run screen) is up. */
export async function launch(context: BrowserContext, opts: Parameters<typeof DesktopApp.start>[0] = {}): Promise<{ app: DesktopApp; page: Page }> {
  const app = await DesktopApp.start(opts);
  const page = await app.openWindow(context);
  await page.getByRole('main', { name: 'Welcome to Tandem' }).or(statusBar(page)).first().waitFor();
  return { app, page };
}

/** On the first-run screen: Open folder… (the test answers the dialog), then create the annual plan from the welcome page. */
export async function openFolderAndCreateAnnualPlan(page: Page, title = 'FY27 joint plan'): Promise<void> {
  await page.getByRole('main', { name: 'Welcome to Tandem' }).getByRole('button', { name: 'Open folder…' }).click();
  await page.getByRole('button', { name: `Create: ${ANNUAL_PLAN}` }).click();
  await page.getByRole('dialog').getByRole('combobox').fill(title);
  await page.keyboard.press('Enter');
  await editorText(page).getByRole('heading', { name: 'Executive summary' }).waitFor({ timeout: 20_000 });
}

/** Puts the caret at the end of the plan and types there. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await editorText(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

export async function waitSaved(page: Page): Promise<void> {
  await saveState(page).filter({ hasText: /^\s*Saved\s*$/ }).waitFor({ timeout: 20_000 });
}

/** The plan's content as stored in its `.tandem` file in `folder` (the journal beside it not included). */
export async function planFileText(folder: string, title = 'FY27 joint plan'): Promise<string> {
  for (const entry of (await readdir(folder, { withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.tandem'))) {
    const file = decodePlanFile(await readFile(join(folder, entry.name)));
    if (file.header.title !== title) continue;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, file.state);
    return JSON.stringify(readPlanContent(doc));
  }
  throw new Error(`no .tandem file titled "${title}" in ${folder}`);
}

/**
 * Chromium for the desktop window: as the Chromium inside Electron lets the app's own file:// page
 * reach the sync server on this machine, the Local Network Access check is off here (the page's
 * stand-in origin would otherwise be blocked from loopback sockets).
 */
export function launchDesktopChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--disable-features=LocalNetworkAccessChecks'], headless: true });
}
