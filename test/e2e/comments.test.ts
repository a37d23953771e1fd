/**
 * Comments end to end, with the real sync server and people in their own browser contexts: a
 * commenter asks about a goal's target and the editor sees it live, answers with an @mention and
 * resolves it; a feedback request shows in the asked person's status bar until they answer; a comment
 * written offline arrives on reconnect; a viewer cannot comment; a comment on prose keeps its words
 * through edits around them and shows orphaned, with its quote, once they are deleted.
 * Run `npx vite build` first (`npm test` does).
 */
import { type Browser, type Locator, type Page } from 'playwright-core';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { readThreads } from '../../shared/comments/commentsDoc';
import { heading, newGoal, paragraph } from '../../shared/model/blocks';
import { type Person } from '../../shared/model/people';
import { upsertPerson } from '../../shared/model/workspaceDoc';
import { type Role } from '../../shared/sync/rooms';
import { newBrowserUser } from '../support/browserUser';
import { artifactPath, launchChromium } from '../support/chromium';
import { planWrittenThroughServer, type WrittenPlan } from '../support/planThroughServer';
import { startWebApp, type WebApp } from '../support/webApp';
import { goalCard, runFromPalette, type Person as BrowserPerson, screenshotsOnFailure } from './workbenchHelpers';

const WAIT = { timeout: 20_000 };
const GOAL = 'Grow qualified leads';
const PROSE = 'We will double the qualified pipeline before the spring trade show.';
const person = (id: string, name: string, role: string): Person => ({ id, name, email: '', team: 'sales', role, color: '#2563eb' });
const ANA = person('person_ana', 'Ana Lima', 'VP Sales');
const CAM = person('person_cam', 'Cam Diaz', 'Demand generation');
const VIC = person('person_vic', 'Vic Viewer', 'Board');

let app: WebApp;
let browser: Browser;
let plan: WrittenPlan;
let workspace: { doc: Y.Doc; provider: WebsocketProvider };
const people: BrowserPerson[] = [];

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  plan = await planWrittenThroughServer(app, 'FY27 joint plan', [
    heading(2, 'Pipeline'),
    paragraph(PROSE),
    newGoal({ id: 'g-leads', title: GOAL, team: 'joint', metricName: 'Qualified leads', metricUnit: 'leads', baseline: 800, target: 1200 }),
    paragraph('The end.'),
  ]);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(app.url.replace(/^http/, 'ws'), `${app.workspaceId}/workspace`, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, params: { token: await app.tokenFor('Setup', 'editor') },
  });
  await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
  for (const p of [ANA, CAM, VIC]) upsertPerson(doc, p);
  workspace = { doc, provider };
});

screenshotsOnFailure(people, 'comments', { closeAfterEach: true });

afterAll(async () => {
  workspace?.provider.destroy();
  plan?.provider.destroy();
  await browser?.close();
  await app?.close();
});

/** Someone with an invite of `role` and the plan open. */
async function open(name: string, role: Role, colorScheme: 'light' | 'dark' = 'light'): Promise<BrowserPerson> {
  const user = await newBrowserUser(browser, { name, color: '#7c3aed' }, { viewport: { width: 1400, height: 860 }, colorScheme });
  people.push(user);
  const token = await app.tokenFor(name, role);
  await user.page.goto(`${app.url}/?plan=${plan.plan.id}#token=${encodeURIComponent(token)}`);
  await goalCard(user.page, GOAL).waitFor(WAIT);
  return user;
}

const statusBar = (page: Page) => page.getByRole('contentinfo', { name: 'Status Bar' });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Comments' });
const thread = (page: Page, text: string | RegExp) => panel(page).getByRole('article').filter({ hasText: text });
const commentsOf = (planDoc: Y.Doc) => readThreads(planDoc);

/** The plan's comments document as a colleague's stock client sees it. */
async function commentsDoc(): Promise<{ doc: Y.Doc; close(): void }> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(app.url.replace(/^http/, 'ws'), `${app.workspaceId}/${plan.plan.id}/comments`, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, params: { token: await app.tokenFor('Observer', 'viewer') },
  });
  await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
  return { doc, close: () => provider.destroy() };
}

/** Selects `words` in the plan text as a person dragging over them would (they may span several pieces of text). */
async function selectWords(page: Page, words: string): Promise<void> {
  await page.evaluate((w) => {
    const root = document.querySelector('[aria-label="Plan text"]')!;
    for (const block of root.querySelectorAll('p, h1, h2, h3, li')) {
      const texts: { node: Text; start: number }[] = [];
      let all = '';
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!(n.parentElement as HTMLElement).closest('[data-slate-string]')) continue; // the plan's text, not a card's
        texts.push({ node: n as Text, start: all.length });
        all += n.textContent;
      }
      const at = all.indexOf(w);
      if (at < 0) continue;
      const point = (offset: number, end: boolean) => {
        const t = [...texts].reverse().find((x) => (end ? x.start < offset : x.start <= offset))!;
        return [t.node, offset - t.start] as const;
      };
      const range = document.createRange();
      range.setStart(...point(at, false));
      range.setEnd(...point(at + w.length, true));
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return;
    }
    throw new Error(`"${w}" is not in the plan text`);
  }, words);
}

async function write(box: Locator, text: string): Promise<void> {
  await box.click();
  await box.pressSequentially(text);
}

async function showCommentsView(page: Page): Promise<Locator> {
  await runFromPalette(page, 'View: Show Comments', /Comments/);
  const view = page.getByRole('tabpanel', { name: 'Comments' });
  await view.waitFor(WAIT);
  return view;
}

describe('comments', () => {
  it('a commenter asks about a goal\'s target; the editor sees it live, answers with an @mention and resolves; the commenter sees both', async () => {
    const cam = await open(CAM.name, 'commenter');
    const ana = await open(ANA.name, 'editor');
    await statusBar(cam.page).getByText('Can comment').waitFor(WAIT);

    // Cam: the goal's comment button, about its target.
    await goalCard(cam.page, GOAL).hover();
    await goalCard(cam.page, GOAL).getByRole('button', { name: `Comment on goal “${GOAL}”`, exact: true }).click();
    await panel(cam.page).getByLabel('About').selectOption('target');
    await write(panel(cam.page).getByRole('combobox', { name: 'Your comment' }), 'Is this lead target realistic?');
    await panel(cam.page).getByRole('button', { name: 'Comment', exact: true }).click();
    await thread(cam.page, 'Is this lead target realistic?').waitFor(WAIT);
    // He edits his own message.
    await thread(cam.page, 'Is this lead target realistic?').getByRole('button', { name: 'Edit your message' }).click();
    const editBox = panel(cam.page).getByRole('combobox', { name: 'Edit your message' });
    await editBox.press('End');
    await editBox.pressSequentially(' We start from 800.');
    await panel(cam.page).getByRole('button', { name: 'Save' }).click();
    await thread(cam.page, 'Is this lead target realistic? We start from 800.').getByText('(edited)').waitFor(WAIT);

    // Ana sees it live: on the card, beside the target, and in the Comments view.
    const card = goalCard(ana.page, GOAL);
    await card.getByRole('button', { name: `1 comment on goal “${GOAL}”` }).waitFor(WAIT);
    await card.getByRole('button', { name: '1 comment on target' }).waitFor(WAIT);
    const view = await showCommentsView(ana.page);
    await view.getByRole('treeitem', { name: /Goal “Grow qualified leads” · target: Cam Diaz: Is this lead target realistic\?/ }).waitFor(WAIT);

    // She answers with an @mention picked from the directory (after a reply she takes back), then resolves.
    await card.getByRole('button', { name: '1 comment on target' }).click();
    const question = thread(ana.page, 'Is this lead target realistic? We start from 800.');
    await question.getByText('(edited)').waitFor(WAIT);
    await question.getByRole('button', { name: 'Reply' }).click();
    await write(question.getByRole('combobox', { name: 'Reply' }), 'Checking with finance.');
    await question.getByRole('combobox', { name: 'Reply' }).press('Control+Enter');
    await question.getByText('Checking with finance.').waitFor(WAIT);
    await thread(cam.page, 'Is this lead target realistic?').getByText('Checking with finance.').waitFor(WAIT);
    await question.getByText('Checking with finance.').hover();
    await question.getByRole('button', { name: 'Delete your message' }).click();
    await ana.page.getByRole('dialog').getByRole('option', { name: 'Delete my message' }).click();
    await question.getByText('Checking with finance.').waitFor({ state: 'detached', timeout: WAIT.timeout });
    expect(await question.getByRole('button', { name: 'Edit your message' }).count(), 'Cam\'s message is not hers to edit').toBe(0);
    await question.getByRole('button', { name: 'Reply' }).click();
    const reply = question.getByRole('combobox', { name: 'Reply' });
    await write(reply, '@Ca');
    await ana.page.getByRole('listbox', { name: 'Mention someone' }).getByRole('option', { name: /Cam Diaz/ }).waitFor(WAIT);
    // The keys that follow the pick land after the mention however fast they come (sent without waiting
    // for a frame between them).
    await Promise.all([ana.page.keyboard.press('Enter'), ana.page.keyboard.type('yes, with the two new SDRs.')]);
    expect(await reply.inputValue()).toBe('@Cam Diaz yes, with the two new SDRs.');
    await question.getByRole('button', { name: 'Reply', exact: true }).click();
    await question.getByText('yes, with the two new SDRs.').waitFor(WAIT);
    await question.getByRole('button', { name: 'Resolve' }).click();
    await question.getByText('Resolved by Ana Lima').waitFor(WAIT);
    await card.getByRole('button', { name: /1 resolved comment/ }).waitFor(WAIT);

    // Cam sees the answer, the mention and the resolution.
    const asked = thread(cam.page, 'Is this lead target realistic?');
    await asked.getByText('yes, with the two new SDRs.').waitFor(WAIT);
    await asked.getByText('Resolved by Ana Lima').waitFor(WAIT);
    expect(await asked.locator('.tc-mention').textContent()).toBe('@Cam Diaz');
    const camView = await showCommentsView(cam.page);
    await camView.getByRole('radio', { name: 'Mentioning me' }).click();
    await camView.getByRole('treeitem', { name: /Is this lead target realistic\? We start from 800\. \(resolved\)/ }).waitFor(WAIT);
    await cam.page.screenshot({ path: artifactPath('comments-commenter-light.png') });

    const stored = await commentsDoc();
    const [t] = commentsOf(stored.doc);
    expect(t).toMatchObject({ author: 'Cam Diaz', resolved: true, resolvedBy: 'Ana Lima', anchor: { kind: 'goal', goalId: 'g-leads', field: 'target' } });
    expect(t!.messages.map((m) => [m.author, m.mentions])).toEqual([['Cam Diaz', []], ['Ana Lima', [CAM.id]]]);
    stored.close();
  });
});

describe('feedback requests', () => {
  it('show in the asked person\'s status bar and Comments view, and clear once they answer; the request shows who answered', async () => {
    const ana = await open(ANA.name, 'editor', 'dark');
    const cam = await open(CAM.name, 'commenter');

    // Ana, on the goal: Ask for Feedback… → the goal → Cam → the question.
    await goalCard(ana.page, GOAL).getByText('No check-ins yet').click();
    await runFromPalette(ana.page, 'Ask for Feedback', /Ask for Feedback/);
    const dialog = ana.page.getByRole('dialog');
    await dialog.getByRole('option', { name: `Goal “${GOAL}”` }).click();
    await dialog.getByRole('option', { name: /Cam Diaz/ }).click();
    await dialog.getByRole('option', { name: /Done: ask Cam Diaz/ }).click();
    await dialog.getByRole('combobox').fill('Sales: can demand generation deliver 1,200 leads?');
    await ana.page.keyboard.press('Enter');
    const request = thread(ana.page, 'can demand generation deliver');
    await request.getByRole('group', { name: 'Feedback requested' }).getByRole('listitem', { name: 'Cam Diaz: waiting for an answer' }).waitFor(WAIT);

    // Cam: the status bar says one question waits for him; it opens the Comments view on "Asked of me".
    const asked = statusBar(cam.page).getByRole('button', { name: 'Feedback asked of you: 1' });
    await asked.waitFor(WAIT);
    await asked.click();
    const view = cam.page.getByRole('tabpanel', { name: 'Comments' });
    expect(await view.getByRole('radio', { name: 'Asked of me' }).getAttribute('aria-checked')).toBe('true');
    await view.getByRole('treeitem', { name: /Feedback asked of Cam Diaz on Goal “Grow qualified leads”/ }).click();
    const mine = thread(cam.page, 'can demand generation deliver');
    await mine.getByRole('button', { name: 'Reply' }).click();
    await write(mine.getByRole('combobox', { name: 'Reply' }), 'Yes, if the webinar series starts in March.');
    await mine.getByRole('combobox', { name: 'Reply' }).press('Control+Enter');

    // Answered: Cam's count goes, and Ana's request says Cam answered.
    await asked.waitFor({ state: 'detached', timeout: WAIT.timeout });
    await request.getByRole('listitem', { name: 'Cam Diaz: answered' }).waitFor(WAIT);
    await view.getByText('Nobody is waiting for your feedback.').waitFor(WAIT);
    await showCommentsView(ana.page);
    await ana.page.screenshot({ path: artifactPath('comments-request-dark.png') });
  });
});

describe('offline', () => {
  it('a comment written offline on some words arrives on reconnect, highlighted for the others', async () => {
    const ana = await open(ANA.name, 'editor');
    const cam = await open(CAM.name, 'commenter');
    await cam.context.setOffline(true);
    await statusBar(cam.page).getByRole('button', { name: 'Sync: Offline' }).waitFor(WAIT);
    await selectWords(cam.page, 'spring trade show');
    await cam.page.getByRole('button', { name: 'Comment on the selected words' }).click();
    await write(panel(cam.page).getByRole('combobox', { name: 'Your comment' }), 'Why this show? Last year it brought 3 leads.');
    await panel(cam.page).getByRole('button', { name: 'Comment', exact: true }).click();
    await thread(cam.page, 'Why this show?').waitFor(WAIT);
    await cam.page.waitForTimeout(0);
    expect(await ana.page.locator('.tandem-comment-mark').count(), 'nothing reached Ana while Cam is offline').toBe(0);

    await cam.context.setOffline(false);
    await ana.page.locator('.tandem-comment-mark', { hasText: 'spring trade show' }).waitFor(WAIT);
    await ana.page.getByRole('button', { name: '1 comment on this text' }).click();
    await thread(ana.page, 'Why this show? Last year it brought 3 leads.').getByText('“spring trade show”').waitFor(WAIT);
    await ana.page.screenshot({ path: artifactPath('comments-prose-light.png') });
  });
});

describe('a viewer', () => {
  it('reads comments but cannot write one: no comment buttons, no reply box, and the shortcut does nothing', async () => {
    const vic = await open(VIC.name, 'viewer');
    await statusBar(vic.page).getByText('View only').waitFor(WAIT);
    expect(await statusBar(vic.page).getByText('Can comment').count()).toBe(0);
    const card = goalCard(vic.page, GOAL);
    // The threads of the earlier tests show, read-only (however many of them are still open).
    await card.getByRole('button', { name: /comments? on goal/ }).first().waitFor(WAIT);
    await card.hover();
    expect(await card.getByRole('button', { name: `Comment on goal “${GOAL}”`, exact: true }).count()).toBe(0);
    await card.getByRole('button', { name: /comments? on goal/ }).first().click();
    await panel(vic.page).getByText('Your invite lets you read comments, not write them.').waitFor(WAIT);
    expect(await panel(vic.page).getByRole('combobox').count()).toBe(0);
    expect(await panel(vic.page).getByRole('button', { name: /Reply|Resolve|Reopen|Delete/ }).count()).toBe(0);
    await panel(vic.page).getByRole('button', { name: 'Close comments' }).click();
    await selectWords(vic.page, 'double the qualified');
    expect(await vic.page.getByRole('button', { name: 'Comment on the selected words' }).count()).toBe(0);
    await vic.page.keyboard.press('Control+Alt+M');
    await vic.page.waitForTimeout(300);
    expect(await panel(vic.page).count()).toBe(0);
  });
});

describe('a comment on prose', () => {
  it('keeps its words through edits around them, and shows orphaned with its quote once they are deleted', async () => {
    const ana = await open(ANA.name, 'editor');
    const cam = await open(CAM.name, 'commenter');
    await selectWords(ana.page, 'double the qualified pipeline');
    await ana.page.keyboard.press('Control+Alt+M');
    await write(panel(ana.page).getByRole('combobox', { name: 'Your comment' }), 'Double? From which base?');
    await panel(ana.page).getByRole('button', { name: 'Comment', exact: true }).click();
    const mark = (page: Page) => page.locator('.tandem-comment-mark').filter({ hasText: 'qualified' });
    await expect.poll(() => mark(cam.page).textContent(), WAIT).toBe('double the qualified pipeline');

    // Ana types before and after the words, and right next to them.
    const editor = ana.page.getByRole('textbox', { name: 'Plan text' });
    await editor.getByText('The end.').click();
    await selectWords(ana.page, 'We will');
    await ana.page.keyboard.press('ArrowLeft');
    await ana.page.keyboard.type('Together, ');
    await selectWords(ana.page, ' before');
    await ana.page.keyboard.press('ArrowLeft');
    await ana.page.keyboard.type(' (now 40 a month)');
    await expect.poll(async () => (await editor.locator('p').first().textContent()), WAIT)
      .toBe('Together, We will double the qualified pipeline (now 40 a month) before the spring trade show.');
    await expect.poll(() => mark(cam.page).textContent(), WAIT).toBe('double the qualified pipeline');
    await ana.page.waitForTimeout(1_800); // the anchors are read again once typing pauses
    expect(await mark(ana.page).textContent()).toBe('double the qualified pipeline');

    // The words go: the thread stays, orphaned, with what it quoted.
    await selectWords(ana.page, 'double the qualified pipeline ');
    await ana.page.keyboard.press('Backspace');
    await expect.poll(() => mark(cam.page).count(), WAIT).toBe(0);
    const view = await showCommentsView(cam.page);
    const row = view.getByRole('treeitem', { name: /“double the qualified pipeline”: Ana Lima: Double\? From which base\? \(orphaned\)/ });
    await row.waitFor(WAIT);
    await row.click();
    const orphan = thread(cam.page, 'Double? From which base?');
    await orphan.getByText('Orphaned').waitFor(WAIT);
    await orphan.getByText('The words this comment was on were deleted').waitFor(WAIT);
    expect(await orphan.locator('del').textContent()).toBe('“double the qualified pipeline”');
    await cam.page.screenshot({ path: artifactPath('comments-orphaned-light.png') });
  });
});

describe('deleting the plan', () => {
  it('takes its comments out of the Comments view', async () => {
    const cam = await open(CAM.name, 'commenter');
    const view = await showCommentsView(cam.page);
    await view.getByRole('treeitem', { name: /FY27 joint plan/ }).waitFor(WAIT);
    const res = await fetch(`${app.url}/api/workspaces/${app.workspaceId}/plans/${plan.plan.id}`, {
      method: 'DELETE', headers: { authorization: `Bearer ${await app.tokenFor('Ana Lima', 'editor')}` },
    });
    expect(res.ok).toBe(true);
    await view.getByText('No open comments.').waitFor(WAIT);
  });
});
