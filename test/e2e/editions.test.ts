/**
 * Editions end to end: the real sync server serving the built UI, headless Chromium as the people
 * (each a browser context of their own). Save an edition, change a target and an owner in a second
 * browser, compare and walk the changes with F7 / Shift+F7, restore (both browsers see the old values;
 * Ctrl+Z takes it back), sign-off by the sales and the marketing leader, a section changed after the
 * approval flagged, the next cycle started and compared goal by goal; screenshots in both themes.
 * Run `npx vite build` first (`npm test` does).
 */
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { type Browser, type Page } from 'playwright-core';
import { heading, newGoal, paragraph } from '../../shared/model/blocks';
import { saveEdition as saveEditionOf } from '../../shared/editions/editionsDoc';
import { planContent, planMetaMap } from '../../shared/model/planDoc';
import { sideDocId } from '../../shared/sync/rooms';
import { type Person as DirectoryPerson } from '../../shared/model/people';
import { upsertPerson } from '../../shared/model/workspaceDoc';
import { newBrowserUser } from '../support/browserUser';
import { artifactPath, launchChromium } from '../support/chromium';
import { planWrittenThroughServer, type WrittenPlan } from '../support/planThroughServer';
import { startWebApp, type WebApp } from '../support/webApp';
import { editorText, goalCard, openAs, quickInput, runFromPalette, type Person, screenshotsOnFailure } from './workbenchHelpers';

const ANA: DirectoryPerson = { id: 'p_ana', name: 'Ana Ruiz', email: 'ana@example.com', team: 'sales', role: 'VP Sales', color: '#2563eb' };
const MARC: DirectoryPerson = { id: 'p_marc', name: 'Marc Dubois', email: 'marc@example.com', team: 'marketing', role: 'CMO', color: '#db2777' };
const BEN: DirectoryPerson = { id: 'p_ben', name: 'Ben Okafor', email: 'ben@example.com', team: 'sales', role: 'Account executive', color: '#059669' };
const GOAL = 'Grow new revenue';
const WAIT = { timeout: 20_000 };

let app: WebApp;
let browser: Browser;
let workspace: { doc: Y.Doc; provider: WebsocketProvider };
const written: WrittenPlan[] = [];
/** Other y-websocket clients the tests connect (closed at the end). */
const clients: WebsocketProvider[] = [];
const people: Person[] = [];

async function connect(docId: string, name: string): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(app.url.replace(/^http/, 'ws'), `${app.workspaceId}/${docId}`, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, params: { token: await app.tokenFor(name, 'editor') },
  });
  await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
  return { doc, provider };
}

/** A plan of the workspace, written as a colleague through the server: goals with owners and a metric, three sections of prose. */
async function fy27Plan(title: string): Promise<WrittenPlan> {
  const plan = await planWrittenThroughServer(app, title, [
    heading(1, 'Company goals'),
    paragraph('We grow by winning the mid-market.'),
    newGoal({ id: `goal_rev_${written.length}`, title: GOAL, team: 'joint', owners: [ANA.id], metricName: 'New revenue', metricUnit: '$', baseline: 900_000, target: 1_200_000, period: 'FY27' }),
    heading(1, 'Marketing programs'),
    paragraph('We run three webinars a quarter.'),
    heading(1, 'Risks'),
    paragraph('Hiring takes longer than planned.'),
  ]);
  planMetaMap(plan.doc).set('period', 'FY27');
  written.push(plan);
  return plan;
}

/**
 * A plan with two editions saved by Ana through the server (as a client of her own): "Board draft",
 * then, after a colleague moved the target, handed the goal to Ben and rewrote a sentence, "Re-plan".
 */
async function planWithEditions(title: string): Promise<string> {
  const written = await fy27Plan(title);
  // Ana's own client stays connected until the end, so her editions reach the server whenever they are sent.
  const editions = await connect(sideDocId(written.plan.id, 'editions'), ANA.name);
  clients.push(editions.provider);
  saveEditionOf(written.doc, editions.doc, { name: 'Board draft', author: ANA.name });
  const blocks = planContent(written.doc).toDelta() as { insert: Y.XmlText }[];
  written.doc.transact(() => {
    blocks[2]!.insert.setAttribute('target', 1_500_000 as never);
    blocks[2]!.insert.setAttribute('owners', [BEN.id] as never);
    blocks[4]!.insert.insert('We run three webinars a '.length, 'month, not a ');
  });
  saveEditionOf(written.doc, editions.doc, { name: 'Re-plan', author: ANA.name });
  return written.plan.id;
}

async function open(name: string, planId: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Person> {
  const p = await openAs(browser, app, name, { query: `plan=${planId}`, colorScheme });
  people.push(p);
  await goalCard(p.page, GOAL).waitFor(WAIT);
  return p;
}

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  workspace = await connect('workspace', 'Setup');
  for (const p of [ANA, MARC, BEN]) upsertPerson(workspace.doc, p);
});

screenshotsOnFailure(people, 'editions', { closeAfterEach: true });

afterAll(async () => {
  for (const w of written) w.provider.destroy();
  for (const c of clients) c.destroy();
  workspace?.provider.destroy();
  await browser?.close();
  await app?.close();
});

const editionsList = (page: Page) => page.getByRole('tree', { name: /^Editions of / });
const editionRow = (page: Page, name: string) => editionsList(page).getByRole('treeitem', { name: new RegExp(`^${name},`) });
const target = (page: Page) => goalCard(page, GOAL).getByLabel('Target', { exact: true });
const owners = (page: Page) => goalCard(page, GOAL).getByRole('group', { name: 'Owners' });
/** The owner's chip (the "Add owner" list names the others). */
const owner = (page: Page, name: string) => owners(page).getByRole('button', { name: `Remove owner ${name}` });
const diff = (page: Page) => page.getByRole('listbox', { name: 'Changes in Company goals' });
const position = (page: Page) => page.getByRole('toolbar', { name: 'Compare' }).getByRole('status');
const approvalLine = (page: Page) => page.getByRole('status', { name: 'Sign-off' });
/** A section heading in the plan's text (the text box's children have no roles of their own). */
const sectionHeading = (page: Page, title: string) => editorText(page).locator('h1', { hasText: new RegExp(`^${title}$`) });
const statusBar = (page: Page) => page.getByRole('contentinfo', { name: 'Status Bar' });

/** Someone whose invite gives another role than an editor's. */
async function openWithRole(name: string, role: 'commenter' | 'viewer', planId: string): Promise<Person> {
  const user = await newBrowserUser(browser, { name, color: '#7c3aed' }, { viewport: { width: 1400, height: 860 } });
  people.push(user);
  await user.page.goto(`${app.url}/?token=${encodeURIComponent(await app.tokenFor(name, role))}&plan=${planId}`);
  await goalCard(user.page, GOAL).waitFor(WAIT);
  return user;
}

async function answer(page: Page, text: string): Promise<void> {
  await quickInput(page).fill(text);
  await page.keyboard.press('Enter');
}

async function pick(page: Page, option: string | RegExp): Promise<void> {
  const item = page.getByRole('dialog').getByRole('option', { name: option }).first();
  await item.waitFor();
  await item.click();
}

async function saveEdition(page: Page, name: string): Promise<void> {
  await runFromPalette(page, 'save edition', /Save Edition/);
  await answer(page, name);
  await editionRow(page, name).waitFor(WAIT);
}

describe('editions', () => {
  it('save, a colleague changes a target and an owner, compare, walk the changes, restore everywhere and undo it', async () => {
    const { plan } = await fy27Plan('FY27 joint plan');
    const ana = await open('Ana Ruiz', plan.id);
    const ben = await open('Ben Okafor', plan.id);

    await saveEdition(ana.page, 'Board draft');
    await editionRow(ben.page, 'Board draft').waitFor(WAIT);
    expect(await editionRow(ben.page, 'Board draft').getAttribute('aria-label')).toMatch(/saved by Ana Ruiz, today \d\d:\d\d/);

    // Ben moves the target and hands the goal to himself.
    await target(ben.page).fill('1500000');
    await target(ben.page).press('Tab');
    await owners(ben.page).getByRole('combobox', { name: 'Add owner' }).selectOption({ label: BEN.name });
    await owners(ben.page).getByRole('button', { name: `Remove owner ${ANA.name}` }).click();
    // … and rewrites a sentence of the marketing programs.
    await ben.page.getByText('We run three webinars a quarter.').click();
    await ben.page.keyboard.press('End');
    for (let i = 0; i < 'quarter.'.length; i++) await ben.page.keyboard.press('Backspace');
    await ben.page.keyboard.type('month. Each one ends with a demo.');
    await expect.poll(() => target(ana.page).inputValue(), WAIT).toBe('$1,500,000');
    await owner(ana.page, BEN.name).waitFor(WAIT);
    await ana.page.getByText('We run three webinars a month. Each one ends with a demo.').waitFor(WAIT);

    // Ana compares the plan with the edition: both changes are listed.
    await runFromPalette(ana.page, 'compare with edition', /Compare with Edition/);
    await pick(ana.page, /^Board draft/);
    await ana.page.getByRole('tab', { name: 'Board draft ↔ Now (FY27 joint plan)' }).waitFor(WAIT);
    const targetChange = diff(ana.page).getByRole('option', { name: `${GOAL}: target $1,200,000 → $1,500,000` });
    const ownerChange = diff(ana.page).getByRole('option', { name: `${GOAL}: owners ${ANA.name} → ${BEN.name}` });
    await targetChange.waitFor(WAIT);
    await ownerChange.waitFor(WAIT);
    expect(await diff(ana.page).getByRole('option').count()).toBe(2);
    expect(await targetChange.locator('del').textContent()).toBe('$1,200,000');
    expect(await targetChange.locator('ins').textContent()).toBe('$1,500,000');
    // The prose, as a word diff: what was deleted struck through, what was inserted marked.
    const proseChange = ana.page.getByRole('listbox', { name: 'Changes in Marketing programs' }).getByRole('option', { name: 'Text: 1 paragraph changed' });
    await proseChange.waitFor(WAIT);
    expect(await proseChange.locator('del').allTextContents()).toEqual(['quarter']);
    // The live side is the workspace's snapshot of the plan, taken 300 ms after the last key reached it:
    // it may still trail the text Ana sees by the last letters.
    await expect.poll(async () => (await proseChange.locator('ins').allTextContents()).join('|'), WAIT).toMatch(/^month\|.*Each one ends with a demo\./);

    // F7 and Shift+F7 walk the changes in reading order (the goal's owners, its target, the text), wrapping around.
    await expect.poll(() => position(ana.page).textContent()).toBe('Change 1 of 3');
    expect(await ownerChange.getAttribute('aria-selected')).toBe('true');
    await ana.page.keyboard.press('F7');
    await expect.poll(() => position(ana.page).textContent()).toBe('Change 2 of 3');
    expect(await targetChange.getAttribute('aria-selected')).toBe('true');
    expect(await ownerChange.getAttribute('aria-selected')).toBe('false');
    await ana.page.keyboard.press('F7');
    await expect.poll(() => proseChange.getAttribute('aria-selected')).toBe('true');
    await ana.page.keyboard.press('F7');
    await expect.poll(() => position(ana.page).textContent()).toBe('Change 1 of 3');
    await ana.page.keyboard.press('Shift+F7');
    await expect.poll(() => position(ana.page).textContent()).toBe('Change 3 of 3');
    await ana.page.keyboard.press('Shift+F7');
    await expect.poll(() => targetChange.getAttribute('aria-selected')).toBe('true');
    await ana.page.screenshot({ path: artifactPath('editions-diff-light.png') });

    // A click shows the change in context: the plan opens beside the diff, at the goal.
    await targetChange.click();
    await ana.page.getByRole('group', { name: 'Editor group 2' }).getByRole('tab', { name: 'FY27 joint plan' }).waitFor(WAIT);
    await expect.poll(() => goalCard(ana.page, GOAL).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    }), WAIT).toBe(true);

    // Restore, after a confirmation: both browsers see the edition's values again.
    await editionRow(ana.page, 'Board draft').click({ button: 'right' });
    await ana.page.getByRole('menuitem', { name: 'Restore This Edition…' }).click();
    await pick(ana.page, /^Restore “Board draft”/);
    for (const p of [ana, ben]) {
      await p.page.getByText('We run three webinars a quarter.').waitFor(WAIT);
      await expect.poll(() => target(p.page).inputValue(), WAIT).toBe('$1,200,000');
      await owner(p.page, ANA.name).waitFor(WAIT);
      await expect.poll(() => owner(p.page, BEN.name).count(), WAIT).toBe(0);
    }
    await ana.page.getByText(/Restored “Board draft”/).waitFor(WAIT);

    // Ctrl+Z takes the restore back, for everyone.
    await ana.page.keyboard.press('Control+Z');
    for (const p of [ana, ben]) {
      await p.page.getByText('We run three webinars a month. Each one ends with a demo.').waitFor(WAIT);
      await expect.poll(() => target(p.page).inputValue(), WAIT).toBe('$1,500,000');
      await owner(p.page, BEN.name).waitFor(WAIT);
      await expect.poll(() => owner(p.page, ANA.name).count(), WAIT).toBe(0);
    }
  });

  it('sign-off by the sales and the marketing leader; a section changed afterwards is flagged; a commenter cannot approve', async () => {
    const { plan } = await fy27Plan('FY27 signed plan');
    const ana = await open('Ana Ruiz', plan.id);
    const marc = await open('Marc Dubois', plan.id);
    await saveEdition(ana.page, 'FY27 v3');

    // Ana asks the plan's sales and marketing leaders (the default) to approve the edition.
    await runFromPalette(ana.page, 'request sign-off', /Request Sign-off/);
    await pick(ana.page, /^FY27 v3/);
    await pick(ana.page, /^Ask Ana Ruiz \(Sales\) and Marc Dubois \(Marketing\)/);
    for (const p of [ana, marc]) {
      await expect.poll(() => approvalLine(p.page).textContent(), WAIT).toContain('Waiting for Ana Ruiz (Sales) and Marc Dubois (Marketing) to approve FY27 v3');
    }

    // Marc sees the request in the status bar; it shows the edition with an Approve button.
    await statusBar(marc.page).getByRole('button', { name: /^Sign-off requested: approve “FY27 v3” of “FY27 signed plan”/ }).click();
    await editionRow(marc.page, 'FY27 v3').getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => approvalLine(ana.page).textContent(), WAIT)
      .toContain('Waiting for Ana Ruiz (Sales) to approve FY27 v3 (approved by Marc Dubois (Marketing))');
    await expect.poll(() => statusBar(marc.page).getByRole('button', { name: /^Sign-off requested/ }).count(), WAIT).toBe(0);

    // Ana approves from the line under the plan's title.
    await approvalLine(ana.page).getByRole('button', { name: 'Approve' }).click();
    for (const p of [ana, marc]) {
      await expect.poll(() => approvalLine(p.page).textContent(), WAIT).toBe('Approved by Ana Ruiz (Sales) and Marc Dubois (Marketing) — FY27 v3Editions');
      await expect.poll(() => editionRow(p.page, 'FY27 v3').getAttribute('aria-label'), WAIT).toContain('Approved');
    }
    await ana.page.screenshot({ path: artifactPath('editions-signoff-light.png') });

    // Marc changes the Risks section: it is flagged "changed since approval", for both, and nothing else is.
    await marc.page.getByText('Hiring takes longer than planned.').click();
    await marc.page.keyboard.press('End');
    await marc.page.keyboard.type(' We start hiring in Q1.');
    for (const p of [ana, marc]) {
      const risks = sectionHeading(p.page, 'Risks');
      await expect.poll(() => risks.getAttribute('data-note'), WAIT).toBe('changed since approval');
      expect(await sectionHeading(p.page, 'Company goals').getAttribute('data-note')).toBeNull();
      await expect.poll(() => approvalLine(p.page).textContent(), WAIT)
        .toContain('1 section changed since “FY27 v3” was approved (“Risks”): a new sign-off is needed');
    }
    await ana.page.screenshot({ path: artifactPath('editions-changed-since-approval-light.png') });

    // A commenter reads the sign-off but is offered no way to approve, save or restore.
    const lea = await openWithRole('Lea Martin', 'commenter', plan.id);
    await expect.poll(() => approvalLine(lea.page).textContent(), WAIT).toContain('Approved by Ana Ruiz (Sales) and Marc Dubois (Marketing) — FY27 v3');
    await editionRow(lea.page, 'FY27 v3').click({ button: 'right' });
    const menu = lea.page.getByRole('menu');
    await menu.getByRole('menuitem', { name: 'Open Edition' }).waitFor();
    expect(await menu.getByRole('menuitem', { name: /Approve|Restore|Sign-off/ }).count()).toBe(0);
    await lea.page.keyboard.press('Escape');
    expect(await lea.page.getByRole('button', { name: 'Save Edition…' }).count()).toBe(0);
  });

  it('starts the next cycle from the plan, opens it, and compares the two cycles goal by goal', async () => {
    const { plan } = await fy27Plan('FY27 cycle plan');
    const ana = await open('Ana Ruiz', plan.id);
    await runFromPalette(ana.page, 'start next cycle', /Start Next Cycle/);
    await expect.poll(() => quickInput(ana.page).inputValue()).toBe('FY28');
    await ana.page.keyboard.press('Enter');
    await expect.poll(() => quickInput(ana.page).inputValue()).toBe('FY28 cycle plan');
    await ana.page.keyboard.press('Enter');
    await ana.page.getByRole('tab', { name: 'FY28 cycle plan' }).waitFor(WAIT);
    await goalCard(ana.page, GOAL).waitFor(WAIT);
    expect(await ana.page.locator('header[aria-label="Plan"]').textContent()).toContain('FY28');

    await ana.page.getByRole('button', { name: 'Compare with Previous Cycle' }).click();
    await ana.page.getByRole('tab', { name: 'FY27 cycle plan ↔ FY28 cycle plan' }).waitFor(WAIT);
    await ana.page.getByRole('listbox', { name: 'Changes to the plan' }).getByRole('option', { name: 'plan title: FY27 cycle plan → FY28 cycle plan' }).waitFor(WAIT);
    // The goal is paired with the goal it continues: changed, not removed and added again.
    await diff(ana.page).getByRole('option', { name: `${GOAL}: period FY27 → FY28` }).waitFor(WAIT);
    expect(await ana.page.getByRole('option', { name: /^Goal (added|removed)/ }).count()).toBe(0);
    await ana.page.screenshot({ path: artifactPath('editions-cycles-light.png') });
  });

  it('screenshots: the diff and the editions list in the dark theme', async () => {
    const ana = await open('Ana Ruiz', await planWithEditions('FY27 dark plan'), 'dark');
    await editionRow(ana.page, 'Board draft').click({ button: 'right' });
    await ana.page.getByRole('menuitem', { name: 'Compare with Now' }).click();
    await diff(ana.page).getByRole('option').first().waitFor(WAIT);
    expect(await ana.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await ana.page.mouse.move(700, 500);
    await ana.page.screenshot({ path: artifactPath('editions-diff-dark.png') });
    await editionRow(ana.page, 'Board draft').click();
    await ana.page.locator('header[aria-label="Edition"]').waitFor(WAIT);
    await ana.page.screenshot({ path: artifactPath('editions-edition-dark.png') });
  });

  it('compares two editions, and shows a change in context in the edition it belongs to', async () => {
    const ana = await open('Ana Ruiz', await planWithEditions('FY27 re-plan'));
    await editionRow(ana.page, 'Re-plan').click({ button: 'right' });
    await ana.page.getByRole('menuitem', { name: 'Compare with “Board draft”' }).click();
    await ana.page.getByRole('tab', { name: 'Board draft ↔ Re-plan (FY27 re-plan)' }).waitFor(WAIT);
    const targetChange = diff(ana.page).getByRole('option', { name: `${GOAL}: target $1,200,000 → $1,500,000` });
    await targetChange.click();
    // The later edition opens beside, read-only, at the goal.
    const beside = ana.page.getByRole('group', { name: 'Editor group 2' });
    await beside.getByRole('tab', { name: 'Re-plan (FY27 re-plan)' }).waitFor(WAIT);
    await beside.locator('header[aria-label="Edition"]').getByText('read-only', { exact: false }).waitFor(WAIT);
    const card = beside.locator(`section[aria-label="Goal: ${GOAL}"]`);
    await expect.poll(() => card.getByLabel('Target', { exact: true }).inputValue(), WAIT).toBe('$1,500,000');
    expect(await card.getByLabel('Target', { exact: true }).isEditable()).toBe(false);
    // F7 still walks the comparison while the edition beside has the focus.
    await ana.page.keyboard.press('F7');
    await expect.poll(() => position(ana.page).textContent()).toMatch(/^Change 3 of \d+$/);
    await ana.page.screenshot({ path: artifactPath('editions-in-context-light.png') });
  });
});
