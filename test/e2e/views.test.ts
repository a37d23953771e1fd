/**
 * The workbench views end to end: a real sync server serving the built UI, headless Chromium as the
 * user, and a second colleague as a plain y-websocket client in Node (their edits arrive live, like
 * anyone else's). Run `npx vite build` first (`npm test` does).
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/chromium';
import { startWebApp } from '../support/webApp';
import { planContent } from '../../shared/model/planDoc';
import { upsertPerson } from '../../shared/model/workspaceDoc';
import { type PlanSummary } from '../../shared/ipc/contract';
import { type Person } from '../../shared/model/people';

type WebApp = Awaited<ReturnType<typeof startWebApp>>;

const WAIT = { timeout: 20_000, interval: 100 };
const visible = (l: Locator) => l.waitFor({ state: 'visible', timeout: WAIT.timeout });
const gone = (l: Locator) => l.waitFor({ state: 'detached', timeout: WAIT.timeout });
const attr = (l: Locator, name: string) => expect.poll(() => l.getAttribute(name), WAIT);

/** An attribute once every plan of the workspace has loaded: the view says `aria-busy` until then. */
async function settled(l: Locator, name: string, busy: Locator): Promise<string> {
  await attr(busy, 'aria-busy').toBe('false');
  return (await l.getAttribute(name))!;
}
/** Whether the element's top lies inside the window (an editor scrolled elsewhere puts it outside too). */
async function isInView(l: Locator): Promise<boolean> {
  if ((await l.count()) === 0) return false;
  return l.first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.top < window.innerHeight;
  });
}
const inViewport = (l: Locator) => expect.poll(() => isInView(l), WAIT);
/** A block deep in the plan, rendered but out of sight until something scrolls to it. */
async function renderedOutOfView(l: Locator): Promise<void> {
  await l.first().waitFor({ state: 'attached', timeout: WAIT.timeout });
  expect(await isInView(l)).toBe(false);
}

let app: WebApp;
let browser: Browser;
let token: string;
const clients: Array<{ provider: WebsocketProvider; doc: Y.Doc }> = [];

const ana: Person = { id: 'person_ana', name: 'Ana Ortiz', email: 'ana@example.com', team: 'sales', role: 'VP Sales', color: '#2563eb' };
const ben: Person = { id: 'person_ben', name: 'Ben Adler', email: 'ben@example.com', team: 'marketing', role: 'CMO', color: '#059669' };

const origin = () => new URL(app.url).origin;

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${origin()}/api/workspaces/${app.workspaceId}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** A colleague's live copy of one document, synced through the server. */
async function colleagueDoc(docId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(origin().replace(/^http/, 'ws'), `${app.workspaceId}/${docId}`, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, params: { token },
  });
  clients.push({ provider, doc });
  await new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
  return doc;
}

/** The structured blocks of a plan as the colleague's editor would change them: one Y.XmlText per block, fields as attributes. */
function blocks(doc: Y.Doc): Y.XmlText[] {
  return (planContent(doc).toDelta() as Array<{ insert: unknown }>).map((d) => d.insert).filter((i): i is Y.XmlText => i instanceof Y.XmlText);
}
function goalBlock(doc: Y.Doc, title: string): Y.XmlText {
  const found = blocks(doc).find((b) => b.getAttribute('type') === 'goal' && b.getAttribute('title') === title);
  if (!found) throw new Error(`no goal titled "${title}"`);
  return found;
}
function setFields(block: Y.XmlText, fields: Record<string, unknown>): void {
  block.doc!.transact(() => {
    for (const [k, v] of Object.entries(fields)) block.setAttribute(k, v as string);
  });
}

let company: PlanSummary;
let team: PlanSummary;
let companyDoc: Y.Doc;

beforeAll(async () => {
  app = await startWebApp();
  token = await app.tokenFor('Colleague', 'editor');
  browser = await launchChromium();

  company = await api<PlanSummary>('POST', '/plans', { templateId: 'annual-joint-plan', title: 'FY27 joint plan' });
  companyDoc = await colleagueDoc(company.id);
  const revenueId = goalBlock(companyDoc, 'Grow revenue to $48M').getAttribute('id') as string;
  team = await api<PlanSummary>('POST', '/plans', {
    templateId: 'team-cascade-plan', title: 'EMEA Q1 plan', parent: { planId: company.id, goalId: revenueId },
  });
  const teamDoc = await colleagueDoc(team.id);
  // Half of each pipeline target closed: the team goal rolls up to 50%, and so does the company goal above it.
  setFields(goalBlock(teamDoc, 'Close $600k from opportunities already in the pipeline'), { current: 300000, owners: [ana.id] });
  setFields(goalBlock(teamDoc, 'Close $300k from opportunities opened this quarter'), { current: 150000 });

  const workspace = await colleagueDoc('workspace');
  upsertPerson(workspace, ana);
});

afterAll(async () => {
  for (const c of clients) {
    c.provider.destroy();
    c.doc.destroy();
  }
  await browser?.close();
  await app?.close();
});

const pageErrors = new WeakMap<Page, string[]>();

async function openWorkbench(query = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${app.url}${query}`);
  await visible(page.getByRole('tree', { name: 'Plans' }));
  pageErrors.set(page, errors);
  return page;
}

/** Ends a test's page: the page must not have thrown anything along the way. */
async function done(page: Page): Promise<void> {
  const errors = pageErrors.get(page) ?? [];
  await page.context().close();
  expect(errors).toEqual([]);
}

const activity = (page: Page, name: string) => page.getByRole('navigation', { name: 'Activity Bar' }).getByRole('button', { name, exact: true });
/** The workbench's input box (quick input) as it asks for text. */
const inputBox = (page: Page) => page.getByRole('dialog').getByRole('combobox');

describe('workbench views', () => {
  it('Explorer: creates a plan from a template, renames, opens by keyboard, duplicates and deletes after confirming', async () => {
    const page = await openWorkbench();
    const plans = page.getByRole('tree', { name: 'Plans' });
    await visible(plans.getByRole('treeitem', { name: 'FY27 joint plan' }));

    await page.getByRole('button', { name: 'New plan from template' }).click();
    await page.getByRole('option', { name: /Campaign plan/ }).click();
    await inputBox(page).fill('Spring webinar campaign');
    await inputBox(page).press('Enter');
    const created = plans.getByRole('treeitem', { name: 'Spring webinar campaign' });
    await visible(created);
    await page.screenshot({ path: artifactPath('view-explorer.png') });

    await created.click();
    await plans.press('F2');
    await inputBox(page).fill('Summer webinar campaign');
    await inputBox(page).press('Enter');
    const renamed = plans.getByRole('treeitem', { name: 'Summer webinar campaign' });
    await visible(renamed);
    await gone(created);

    // Keyboard: ↑ from the renamed plan reaches the plan above it, Enter opens it in a tab.
    await plans.press('ArrowUp');
    await plans.press('Enter');
    await visible(page.getByRole('tab', { name: /FY27 joint plan/ }));

    await plans.getByRole('treeitem', { name: 'FY27 joint plan' }).click({ button: 'right' });
    await page.getByRole('menu', { name: 'Actions for FY27 joint plan' }).getByRole('menuitem', { name: 'Duplicate' }).click();
    const copy = plans.getByRole('treeitem', { name: 'FY27 joint plan (copy)' });
    await visible(copy);
    await copy.click();
    await plans.press('Delete');
    await page.getByRole('option', { name: /Delete ‘FY27 joint plan \(copy\)’/ }).click();
    await gone(copy);

    await renamed.click({ button: 'right' });
    await page.getByRole('menu', { name: 'Actions for Summer webinar campaign' }).getByRole('menuitem', { name: /Delete/ }).click();
    // Dismissing the question keeps the plan.
    await page.keyboard.press('Escape');
    await visible(renamed);
    await renamed.click();
    await plans.press('Delete');
    await page.getByRole('option', { name: /Delete ‘Summer webinar campaign’/ }).click();
    await gone(renamed);
    const left = await api<PlanSummary[]>('GET', '/plans');
    expect(left.map((p) => p.title).sort()).toEqual(['EMEA Q1 plan', 'FY27 joint plan']);
    await done(page);
  });

  it('Explorer follows the workspace: a plan a colleague creates, renames or deletes shows at once, the open tab closes with it', async () => {
    const page = await openWorkbench();
    const plans = page.getByRole('tree', { name: 'Plans' });
    await visible(plans.getByRole('treeitem', { name: 'FY27 joint plan' }));

    const theirs = await api<PlanSummary>('POST', '/plans', { templateId: 'campaign-plan', title: 'Partner launch' });
    const item = plans.getByRole('treeitem', { name: 'Partner launch' });
    await visible(item);
    await item.click();
    await visible(page.getByRole('tab', { name: /Partner launch/ }));

    await api<PlanSummary>('PATCH', `/plans/${theirs.id}`, { title: 'Partner launch EMEA' });
    await visible(plans.getByRole('treeitem', { name: 'Partner launch EMEA' }));
    await visible(page.getByRole('tab', { name: /Partner launch EMEA/ }));

    await api<void>('DELETE', `/plans/${theirs.id}`);
    await gone(plans.getByRole('treeitem', { name: 'Partner launch EMEA' }));
    await gone(page.getByRole('tab', { name: /Partner launch EMEA/ }));
    await done(page);
  });

  it('Goal tree: shows the cascade across plans with rolled-up progress, jumps to the goal block and starts a plan under a goal', async () => {
    const page = await openWorkbench(`?plan=${team.id}`);
    const meetingsCard = page.locator('section[aria-label="Goal: 45 first meetings with target accounts"]');
    await renderedOutOfView(meetingsCard);
    await activity(page, 'Goals').click();
    const tree = page.getByRole('tree', { name: 'Goal cascade' });
    const revenue = tree.getByRole('treeitem', { name: 'Grow revenue to $48M' });
    const teamGoal = tree.getByRole('treeitem', { name: 'New-customer revenue in our region this quarter' });
    await attr(revenue, 'aria-level').toBe('1');
    await attr(teamGoal, 'aria-level').toBe('2');
    await attr(teamGoal.getByRole('progressbar'), 'aria-valuenow').toBe('50');
    await attr(revenue.getByRole('progressbar'), 'aria-valuenow').toBe('50');
    await visible(tree.getByRole('treeitem', { name: 'Close $600k from opportunities already in the pipeline' }).getByRole('img', { name: 'Ana Ortiz' }));
    await page.screenshot({ path: artifactPath('view-goal-tree.png') });

    await page.getByRole('searchbox', { name: 'Filter goals' }).fill('first meetings');
    await expect.poll(() => tree.getByRole('treeitem').count(), WAIT).toBe(4); // company goal › team goal › new pipeline › meetings
    await tree.getByRole('treeitem', { name: '45 first meetings with target accounts' }).click();
    await inViewport(meetingsCard).toBe(true);
    await page.getByRole('searchbox', { name: 'Filter goals' }).fill('');

    // Cascade from the tree: a new team plan under the company goal hangs its team goal right there.
    await revenue.click({ button: 'right' });
    await page.getByRole('menu', { name: 'Actions for Grow revenue to $48M' }).getByRole('menuitem', { name: 'New Plan Under This Goal…' }).click();
    await page.getByRole('option', { name: /^Team cascade plan/ }).click();
    await inputBox(page).fill('APAC Q1 plan');
    await inputBox(page).press('Enter');
    const teamGoals = tree.getByRole('treeitem', { name: 'New-customer revenue in our region this quarter' });
    await expect.poll(() => teamGoals.count(), WAIT).toBe(2);
    expect(await teamGoals.evaluateAll((els) => els.map((el) => [el.getAttribute('aria-level'), el.textContent?.includes('APAC Q1 plan')])))
      .toContainEqual(['2', true]);
    await done(page);
  });

  it('Outline: lists the active plan and jumps to a block', async () => {
    const page = await openWorkbench(`?plan=${company.id}`);
    const winLoss = page.locator('section[aria-label="Action: Win/loss interviews on every deal over $100k"]');
    await renderedOutOfView(winLoss);
    const outline = page.getByRole('tree', { name: 'Outline of FY27 joint plan' });
    await visible(outline);
    await visible(outline.getByRole('treeitem', { name: 'Track-selling stages', exact: true }));
    await page.screenshot({ path: artifactPath('view-outline.png') });
    await outline.getByRole('treeitem', { name: 'Win/loss interviews on every deal over $100k' }).click();
    await inViewport(winLoss).toBe(true);
    await done(page);
  });

  it('People: adds, edits and removes a person, refuses bad input inline, and lists the goals a person owns', async () => {
    const page = await openWorkbench();
    await activity(page, 'People').click();
    const people = page.getByRole('listbox', { name: 'People' });
    await visible(people.getByRole('option', { name: 'Ana Ortiz' }));

    await page.getByRole('button', { name: 'Add person' }).click();
    const form = page.getByRole('form', { name: 'Add a person' });
    await form.getByRole('textbox', { name: 'Email' }).fill('not an email');
    await form.getByRole('button', { name: 'Add person' }).click();
    await visible(form.getByText('a person needs a name'));
    await visible(form.getByText('that does not look like an email address'));
    await page.screenshot({ path: artifactPath('view-people-errors.png') });

    await form.getByRole('textbox', { name: 'Name' }).fill(ben.name);
    await form.getByRole('textbox', { name: 'Email' }).fill(ben.email);
    await form.getByRole('combobox', { name: 'Team' }).selectOption('marketing');
    await form.getByRole('textbox', { name: 'Role' }).fill('Demand generation lead');
    await form.getByRole('button', { name: 'Add person' }).click();
    await visible(people.getByRole('option', { name: ben.name }));
    // Stored in the workspace doc: the colleague sees Ben arrive.
    const workspace = await colleagueDoc('workspace');
    await expect.poll(() => [...workspace.getMap('people').values()].map((p) => (p as Y.Map<unknown>).get('name')), WAIT).toContain(ben.name);

    await people.getByRole('option', { name: ben.name }).click();
    await page.getByRole('button', { name: `Edit ${ben.name}` }).click();
    const edit = page.getByRole('form', { name: `Edit ${ben.name}` });
    await edit.getByRole('textbox', { name: 'Role' }).fill('CMO');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => people.getByRole('option', { name: ben.name }).textContent(), WAIT).toContain('CMO');

    // Removing asks first; then Ben is gone for everyone.
    await people.getByRole('option', { name: ben.name }).click();
    await page.getByRole('button', { name: `Edit ${ben.name}` }).click();
    await page.getByRole('form', { name: `Edit ${ben.name}` }).getByRole('button', { name: 'Remove…' }).click();
    await page.getByRole('option', { name: `Remove ${ben.name} from the directory` }).click();
    await gone(people.getByRole('option', { name: ben.name }));
    await expect.poll(() => [...workspace.getMap('people').values()].map((p) => (p as Y.Map<unknown>).get('name')), WAIT).not.toContain(ben.name);

    await people.getByRole('option', { name: 'Ana Ortiz' }).click();
    const owned = page.getByRole('region', { name: 'Goals owned by Ana Ortiz' });
    await visible(owned.getByRole('button', { name: /Close \$600k from opportunities already in the pipeline/ }));
    await page.screenshot({ path: artifactPath('view-people.png') });
    await done(page);
  });

  it('Search: finds a stage cell in any plan, highlights it and jumps to the stage', async () => {
    const page = await openWorkbench(`?plan=${company.id}`);
    const qualification = page.getByRole('table', { name: 'Track-selling stage matrix' }).getByRole('row', { name: 'Qualification' });
    await renderedOutOfView(qualification);
    await activity(page, 'Search').click();
    await page.getByRole('searchbox', { name: 'Search all plans' }).fill('authority and timing');
    const results = page.getByRole('tree', { name: 'Search results' });
    await visible(results.getByRole('treeitem', { name: /FY27 joint plan, 1 result/ }));
    const hit = results.getByRole('treeitem', { name: /^Stage ‘Qualification’ · Sales does:/ });
    expect(await hit.locator('mark').allTextContents()).toEqual(['authority and timing']);
    await page.screenshot({ path: artifactPath('view-search.png') });
    // Keyboard all the way: ↓ from the box onto the plan, ↓ onto the hit, Enter jumps.
    const box = page.getByRole('searchbox', { name: 'Search all plans' });
    await box.press('ArrowDown');
    await results.press('ArrowDown');
    await results.press('Enter');
    await inViewport(qualification).toBe(true);
    await done(page);
  });

  it('Problems: the count drops live when a colleague, then the user, gives a goal an owner; a problem jumps to its stage', async () => {
    const page = await openWorkbench(`?plan=${company.id}`);
    const cement = page.getByRole('table', { name: 'Track-selling stage matrix' }).getByRole('row', { name: 'Cement the sale' });
    await renderedOutOfView(cement);
    await page.getByRole('button', { name: /^Problems:/ }).click();
    const problems = page.getByRole('tree', { name: 'Problems' });
    const noOwner = problems.getByRole('treeitem', { name: 'Warning: Who owns ‘Keep the customers we win’? Give the goal an owner.' });
    await visible(noOwner);
    const counts = page.getByRole('status').filter({ hasText: /\d/ }).and(page.locator('.tv-problem-counts'));
    const warningsBefore = Number(/(\d+) warnings?/.exec(await settled(counts, 'aria-label', page.locator('.tv-problems')))![1]);
    await page.screenshot({ path: artifactPath('view-problems.png') });

    setFields(goalBlock(companyDoc, 'Keep the customers we win'), { owners: [ana.id] });
    await gone(noOwner);
    await attr(counts, 'aria-label').toMatch(new RegExp(`\\b${warningsBefore - 1} warnings?`));

    // The user follows a problem to its goal and gives it an owner there: that problem goes too, and the colleague gets the owner.
    const growNoOwner = problems.getByRole('treeitem', { name: 'Warning: Who owns ‘Grow revenue to $48M’? Give the goal an owner.' });
    await growNoOwner.click();
    const growCard = page.locator('section[aria-label="Goal: Grow revenue to $48M"]');
    await inViewport(growCard).toBe(true);
    await growCard.getByRole('combobox', { name: 'Add owner' }).selectOption({ label: ana.name });
    await gone(growNoOwner);
    await attr(counts, 'aria-label').toMatch(new RegExp(`\\b${warningsBefore - 2} warnings?`));
    await expect.poll(() => goalBlock(companyDoc, 'Grow revenue to $48M').getAttribute('owners'), WAIT).toEqual([ana.id]);

    await problems.getByRole('treeitem', { name: /^Warning: Stage ‘Cement the sale’ has no marketing or sales owner/ }).click();
    await inViewport(cement).toBe(true);
    await done(page);
  });
});
