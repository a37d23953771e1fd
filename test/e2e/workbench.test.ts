/**
 * The workbench end to end: the real sync server serving the built UI, headless Chromium as the
 * people. Palette, keyboard-only goal entry, quick open, tabs, split editor, theme, Markdown export,
 * layout persistence, the status bar with two people (two browser contexts), and screenshots.
 * Run `npx vite build` first (`npm test` does).
 */
import { readFileSync } from 'node:fs';
import { type Browser } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/chromium';
import { startWebApp, type WebApp } from '../support/webApp';
import { type PlanSummary } from '../../shared/ipc/contract';
import { editorText, goalCard, openAs, quickInput, quickOpen, runFromPalette, type Person, screenshotsOnFailure } from './workbenchHelpers';

let app: WebApp;
let browser: Browser;
let annual: PlanSummary;
let scratch: PlanSummary;
const people: Person[] = [];

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const token = await app.tokenFor('Setup', 'editor');
  const res = await fetch(`${app.url}/api/workspaces/${app.workspaceId}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function open(name: string, opts: Parameters<typeof openAs>[3] = {}): Promise<Person> {
  const p = await openAs(browser, app, name, opts);
  people.push(p);
  return p;
}

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  annual = await api<PlanSummary>('POST', '/plans', { templateId: 'annual-joint-plan', title: 'FY27 joint plan' });
  await api<PlanSummary>('POST', '/plans', { templateId: 'team-cascade-plan', title: 'West region Q1' });
  // The tests that type go to their own plan, so the screenshots show the annual plan as the template made it.
  scratch = await api<PlanSummary>('POST', '/plans', { templateId: 'annual-joint-plan', title: 'Scratch plan' });
});

screenshotsOnFailure(people, 'workbench', { closeAfterEach: true });

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const statusBar = (p: Person) => p.page.getByRole('contentinfo', { name: 'Status Bar' });
const tab = (p: Person, name: string | RegExp) => p.page.getByRole('tab', { name });

describe('workbench', () => {
  it('screenshots: light and dark, the annual plan open, goal tree and problems panel showing', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const p = await open('Dana Whitfield', { query: `plan=${annual.id}`, colorScheme: scheme });
      const { page } = p;
      await editorText(page).waitFor();
      await page.getByRole('button', { name: 'Goals', exact: true }).click();
      await page.getByRole('tree', { name: 'Goal cascade' }).getByRole('treeitem').first().waitFor({ timeout: 20_000 });
      await statusBar({ page } as Person).getByRole('button', { name: /^Problems:/ }).click();
      await page.getByRole('tree', { name: 'Problems' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
      await page.mouse.move(700, 300);
      await page.screenshot({ path: artifactPath(`workbench-${scheme}.png`) });
      await p.context.close();
      people.splice(people.indexOf(p), 1);
      expect(p.errors).toEqual([]);
    }
  });

  it('palette: fuzzy-finds “Insert Goal”, runs it, and the new goal is filled in from the keyboard alone', async () => {
    const { page } = await open('Dana', { query: `plan=${scratch.id}` });
    await goalCard(page, 'Keep the customers we win').waitFor();
    const goalsBefore = await page.locator('section[aria-label^="Goal:"]').count();
    await page.getByText('by winning more of the right customers').click();

    await page.keyboard.press('Control+Shift+P');
    const options = page.getByRole('dialog').getByRole('option');
    await quickInput(page).fill('insgoal');
    expect(await options.first().textContent()).toMatch(/^Plan: Insert Goal/);
    expect(await options.first().textContent()).toContain('Ctrl+Alt+G');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('section[aria-label^="Goal:"]').count()).toBe(goalsBefore + 1);

    // The keyboard is back in the editor with the new goal selected: Tab enters its title.
    const focusedLabel = () => page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return el?.getAttribute('aria-label') ?? el?.labels?.[0]?.textContent ?? '';
    });
    await expect.poll(focusedLabel).toBe('Plan text');
    await page.keyboard.press('Tab');
    await expect.poll(focusedLabel).toBe('Goal title');
    await page.keyboard.type('Win 12 new logos in the West');
    const card = goalCard(page, 'Win 12 new logos in the West');
    await card.waitFor();
    expect(await focusedLabel()).toBe('Goal title');
  });

  it('quick open: finds a plan and a goal by name and opens or reveals them', async () => {
    const { page } = await open('Dana');
    await page.keyboard.press('Control+P');
    await quickInput(page).fill('plan: west');
    await page.getByRole('dialog').getByRole('option', { name: /plan: West region Q1/ }).waitFor();
    await page.keyboard.press('Enter');
    await tab({ page } as Person, 'West region Q1').waitFor();
    expect(await tab({ page } as Person, 'West region Q1').getAttribute('aria-selected')).toBe('true');

    // Goals arrive with the plans' snapshots.
    await quickOpen(page, 'goal: keep the customers fy27', /goal: Keep the customers we win.*FY27 joint plan/);
    await tab({ page } as Person, 'FY27 joint plan').waitFor();
    const card = goalCard(page, 'Keep the customers we win');
    await card.waitFor();
    await expect.poll(() => card.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    })).toBe(true);
  });

  it('tabs close and reopen, the editor splits, and the layout survives a reload', async () => {
    const p = await open('Dana', { query: `plan=${annual.id}` });
    const { page } = p;
    await tab(p, 'FY27 joint plan').waitFor();
    await page.keyboard.press('Control+P');
    await quickInput(page).fill('plan: west');
    await page.keyboard.press('Enter');
    await tab(p, 'West region Q1').waitFor();

    await page.getByRole('button', { name: 'Close West region Q1' }).click();
    await expect.poll(() => tab(p, 'West region Q1').count()).toBe(0);
    await page.keyboard.press('Control+Shift+T');
    await tab(p, 'West region Q1').waitFor();

    await runFromPalette(page, 'split editor', /View: Split Editor/);
    await page.getByRole('group', { name: 'Editor group 2' }).waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Plan text' }).count()).toBe(2);

    const sash = page.getByRole('separator', { name: 'Resize Side Bar' });
    const before = Number(await sash.getAttribute('aria-valuenow'));
    await sash.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(async () => Number(await sash.getAttribute('aria-valuenow'))).toBe(before + 40);
    await page.keyboard.press('Control+J');
    await page.getByRole('region', { name: 'Panel' }).waitFor();

    await page.reload();
    await page.getByRole('group', { name: 'Editor group 2' }).waitFor();
    await page.getByRole('region', { name: 'Panel' }).waitFor();
    expect(await page.getByRole('tab', { name: 'West region Q1' }).count()).toBe(2);
    expect(await page.getByRole('tab', { name: 'FY27 joint plan' }).count()).toBe(1);
    expect(Number(await page.getByRole('separator', { name: 'Resize Side Bar' }).getAttribute('aria-valuenow'))).toBe(before + 40);
  });

  it('toggles the theme from the palette, and keeps it after a reload', async () => {
    const { page } = await open('Dana');
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    expect(await theme()).toBe('light');
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const lightBg = await bg();
    await runFromPalette(page, 'toggle theme', /Toggle Light\/Dark Theme/);
    await expect.poll(theme).toBe('dark');
    expect(await bg()).not.toBe(lightBg);
    await page.reload();
    await page.getByRole('contentinfo', { name: 'Status Bar' }).waitFor();
    await expect.poll(theme).toBe('dark');
    await runFromPalette(page, 'toggle theme', /Toggle Light\/Dark Theme/);
    await expect.poll(theme).toBe('light');
  });

  it('exports the open plan as a Markdown file', async () => {
    const { page } = await open('Dana', { query: `plan=${annual.id}` });
    await editorText(page).waitFor();
    const download = page.waitForEvent('download');
    await runFromPalette(page, 'export markdown', /Export Plan as Markdown/);
    const file = await download;
    expect(file.suggestedFilename()).toBe('FY27 joint plan.md');
    const text = readFileSync(await file.path(), 'utf8');
    expect(text).toMatch(/^# FY27 joint plan/m);
    expect(text).toContain('Keep the customers we win');
    expect(text).toMatch(/Executive summary/);
  });

  it('status bar: shows the connection and who else is in the plan', async () => {
    const dana = await open('Dana Whitfield', { query: `plan=${annual.id}` });
    const marcus = await open('Marcus Lee', { query: `plan=${annual.id}` });
    for (const p of [dana, marcus]) await statusBar(p).getByRole('button', { name: 'Sync: Connected' }).waitFor({ timeout: 20_000 });
    await statusBar(dana).getByRole('list', { name: 'In this plan: Marcus Lee' }).waitFor({ timeout: 20_000 });
    await statusBar(marcus).getByRole('list', { name: 'In this plan: Dana Whitfield' }).waitFor();
    expect(await statusBar(dana).getByRole('listitem', { name: 'Marcus Lee' }).textContent()).toBe('ML');
    await statusBar(dana).getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    await marcus.context.close();
    people.splice(people.indexOf(marcus), 1);
    await expect.poll(() => statusBar(dana).getByRole('list', { name: /In this plan/ }).count(), { timeout: 45_000 }).toBe(0);

    // With no plan open, the connection shown is the workspace's: connected, not "Connecting…".
    await editorText(dana.page).click();
    await dana.page.keyboard.press('Control+W');
    await editorText(dana.page).waitFor({ state: 'detached' });
    await statusBar(dana).getByRole('button', { name: 'Sync: Connected' }).waitFor();
  });

  it('re-reads where to sync when the desktop starts or stops sharing the workspace', async () => {
    // The browser host never shares, so the page's bridge is wrapped: it counts sync.target reads and
    // lets the test deliver 'sync.sharing' as the desktop host would.
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const w = window as unknown as { host?: unknown; targetReads: number; share(info: unknown): void };
      type Bridge = { invoke(m: string, a?: unknown): Promise<unknown>; on(e: string, l: (p: unknown) => void): () => void };
      let wrapped: Bridge | undefined;
      const sharing = new Set<(p: unknown) => void>();
      w.targetReads = 0;
      w.share = (info) => sharing.forEach((l) => l(info));
      Object.defineProperty(window, 'host', {
        configurable: true,
        get: () => wrapped,
        set: (bridge: Bridge) => {
          wrapped = {
            invoke: (m, a) => (m === 'sync.target' && w.targetReads++, bridge.invoke(m, a)),
            on: (e, l) => (e === 'sync.sharing' ? (sharing.add(l), () => void sharing.delete(l)) : bridge.on(e, l)),
          };
        },
      });
    });
    const page = await context.newPage();
    const person: Person = { context, page, errors: [] };
    people.push(person);
    page.on('pageerror', (e) => person.errors.push(e.message));
    await page.goto(`${app.url}/#token=${encodeURIComponent(await app.tokenFor('Sam Ortiz', 'editor'))}`);
    await statusBar(person).waitFor();
    const reads = () => page.evaluate(() => (window as unknown as { targetReads: number }).targetReads);
    const before = await reads();
    expect(before).toBeGreaterThan(0);
    await page.evaluate(() => (window as unknown as { share(i: unknown): void }).share({ serverUrl: 'ws://127.0.0.1:1', inviteUrl: 'http://127.0.0.1:1/#token=t', token: 't' }));
    await expect.poll(reads).toBeGreaterThan(before);
    await statusBar(person).waitFor();
  });
  it('heads the open plan with its title, template and period, and starts the text right below', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const p = await open('Dana Whitfield', { query: `plan=${annual.id}`, colorScheme });
      const text = editorText(p.page);
      await text.getByRole('heading', { name: 'Executive summary' }).waitFor();
      await p.page.screenshot({ path: artifactPath(`editor-header-${colorScheme}.png`) });
      const header = p.page.getByRole('tabpanel', { name: 'FY27 joint plan' }).locator('header', { has: p.page.getByRole('heading', { level: 1 }) });
      expect(await header.getByRole('heading', { level: 1 }).textContent()).toBe('FY27 joint plan');
      expect(await header.textContent()).toMatch(/^FY27 joint planAnnual joint sales & marketing plan$/);
      // No blank band: the first heading's text starts within a line of the toolbar.
      const gap = await p.page.evaluate(() => {
        const toolbar = document.querySelector('.tandem-toolbar')!.getBoundingClientRect();
        const first = [...document.querySelectorAll('.tandem-editable h1, .tandem-editable h2')][0]!.getBoundingClientRect();
        return first.top - toolbar.bottom;
      });
      expect(gap).toBeLessThan(40);
    }
  });
});
