/**
 * The desktop app killed while someone types: open a folder, create the annual plan, type, see
 * "Saved"; then SIGKILL the host process at seeded random moments, 20 times, each time while typing,
 * and start it again. Every edit the window showed as saved must be there after the restart, on screen,
 * and at the end in the plan's `.tandem` file.
 */
import { type Browser, type Page } from 'playwright-core';
import { killChildren } from '../../support/childProcesses';
import { artifactPath, launchChromium } from '../../support/chromium';
import { seededRandom } from '../../main/server/seededRandom';
import { type DesktopApp } from '../../support/desktopHost/desktopApp';
import {
  editorText, launch, openFolderAndCreateAnnualPlan, planFileText, saveState, tempFolder, typeAtEnd, waitSaved, windowContext,
} from './desktopHelpers';

const SEED = Number(process.env.TANDEM_CRASH_SEED ?? 1818);
const KILLS = 20;

let browser: Browser;
beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => { await browser?.close(); });
// An app a failed test left running (its server and files with it).
afterEach(killChildren);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The save state as painted: React renders the status after the keystroke's update reaches the save
 * queue (a scheduled task, not the key event itself), so the status is read two frames later, when
 * what the person sees has caught up with what they typed.
 */
async function paintedSaveState(page: Page): Promise<string> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return (await saveState(page).textContent())?.trim() ?? '';
}

/**
 * Types words until the page goes away. An edit counts as shown saved once the status bar read
 * "Saved" after its keys were delivered: those are the edits a person was told are safe.
 */
async function typeUntilKilled(page: Page, round: number, random: () => number, typed: string[], shownSaved: Set<string>): Promise<void> {
  try {
    await typeAtEnd(page, ' ');
    // Only this round's words: keys delivered after the kill reach a window whose host is gone.
    const thisRound: string[] = [];
    for (let i = 0; ; i++) {
      const word = `r${round}w${i}`;
      await page.keyboard.type(`${word} `);
      thisRound.push(word);
      typed.push(word);
      const delivered = thisRound.length;
      // Now and then the person pauses long enough to see "Saved".
      if (random() < 0.3) await waitSaved(page).catch(() => {});
      if ((await paintedSaveState(page)) === 'Saved') for (const w of thisRound.slice(0, delivered)) shownSaved.add(w);
    }
  } catch {
    // The window went down with the app.
  }
}

test(`SIGKILL ${KILLS} times while typing: every edit shown as saved survives, on screen and in the .tandem file`, async () => {
  const random = seededRandom(SEED);
  const folder = tempFolder('tandem-desktop-crash-');
  const context = await windowContext(browser);
  let { app, page } = await launch(context, { answers: { openFolder: () => folder } });
  await openFolderAndCreateAnnualPlan(page);
  await typeAtEnd(page, 'Typed before the first crash.');
  await waitSaved(page);

  const typed: string[] = [];
  const shownSaved = new Set<string>(['Typed']);
  const missingAfter: { kill: number; missing: string[] }[] = [];
  const restartMs: number[] = [];

  for (let kill = 1; kill <= KILLS; kill++) {
    const delay = 150 + Math.floor(random() * 1200);
    const typing = typeUntilKilled(page, kill, random, typed, shownSaved);
    await sleep(delay);
    await app.kill();
    await typing;

    const started = Date.now();
    ({ app, page } = await reopen(context, app));
    const text = await editorText(page).textContent() ?? '';
    restartMs.push(Date.now() - started);
    const missing = [...shownSaved].filter((w) => !text.includes(w));
    if (missing.length) missingAfter.push({ kill, missing });
  }

  await page.screenshot({ path: artifactPath('desktop-after-crashes.png') });
  const screen = await editorText(page).textContent() ?? '';
  await app.quit();
  const inFile = await planFileText(folder);
  const found = [...shownSaved].filter((w) => screen.includes(w) && inFile.includes(w));
  const typedFound = typed.filter((w) => inFile.includes(w)).length;
  console.info(`[desktop crash] seed ${SEED}: ${KILLS} kills, ${typed.length} edits typed, ${shownSaved.size} shown saved, `
    + `${found.length} of those found on screen and in the .tandem file (${typedFound} of all typed in the file); `
    + `restart to editor median ${restartMs.sort((a, b) => a - b)[Math.floor(restartMs.length / 2)]} ms`);
  expect(missingAfter).toEqual([]);
  expect(found.length).toBe(shownSaved.size);
  expect(shownSaved.size).toBeGreaterThan(KILLS);
}, 240_000);

/** Starts the app again on the same user data; the window reopens the workspace and the plan that was open. */
async function reopen(context: Parameters<typeof launch>[0], previous: DesktopApp): Promise<{ app: DesktopApp; page: Page }> {
  const next = await launch(context, { home: previous.home });
  await editorText(next.page).getByRole('heading', { name: 'Executive summary' }).waitFor({ timeout: 20_000 });
  return next;
}
