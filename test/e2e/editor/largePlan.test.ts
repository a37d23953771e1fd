/**
 * A large plan end to end: the real sync server serving the built UI, headless Chromium, and a
 * colleague as a real y-websocket client. The plan opens showing its first screens only; the rest
 * renders as it comes near, and every way of reaching a far block (quick open, Ctrl+End, select all
 * and copy) works on the whole plan, not just on what is rendered.
 */
import type * as Y from 'yjs';
import { type WebsocketProvider } from 'y-websocket';
import { slateNodesToInsertDelta } from '@slate-yjs/core';
import { type Browser } from 'playwright-core';
import { type Descendant } from 'slate';
import { artifactPath, launchChromium } from '../../support/chromium';
import { startWebApp, type WebApp } from '../../support/webApp';
import { planWrittenThroughServer } from '../../support/planThroughServer';
import { newGoal, paragraph } from '../../../shared/model/blocks';
import { planContent, readPlanContent } from '../../../shared/model/planDoc';
import { CHUNKING_FROM } from '../../../renderer/editor/createPlanEditor';
import { type PlanSummary } from '../../../shared/ipc/contract';
import { editorText, goalCard, openAs, quickOpen } from '../workbenchHelpers';

const BLOCKS = 1_500;
const LAST_WORDS = 'The last words of the plan';
const WAIT = { timeout: 30_000, interval: 100 };

let app: WebApp;
let browser: Browser;

/** Every tenth block a goal, the rest prose, ending with LAST_WORDS. */
function largeContent(count = BLOCKS): Descendant[] {
  const blocks: Descendant[] = [];
  for (let i = 1; i < count; i++) blocks.push(i % 10 === 0 ? newGoal({ title: `Goal ${i}`, team: 'sales' }) : paragraph(`Paragraph ${i}: marketing hands over qualified leads and sales follows up.`));
  blocks.push(paragraph(LAST_WORDS));
  return blocks;
}

const lastText = (doc: Y.Doc) => {
  const content = readPlanContent(doc);
  return JSON.stringify(content[content.length - 1]);
};

/** A new plan written by a colleague through the server, who stays to see what the user types. */
async function planWrittenByColleague(title: string, content: Descendant[]): Promise<{ plan: PlanSummary; doc: Y.Doc }> {
  const written = await planWrittenThroughServer(app, title, content);
  providers.push(written.provider);
  return written;
}

const providers: WebsocketProvider[] = [];

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
});

afterAll(async () => {
  providers.forEach((p) => p.destroy());
  await browser?.close();
  await app?.close();
});

describe('a large plan', () => {
  it('opens showing its first screens; far blocks render when reached by scrolling, quick open, Ctrl+End and select all', async () => {
    const { plan, doc } = await planWrittenByColleague('The long plan', largeContent());
    const colleague = { doc };
    const { context, page, errors } = await openAs(browser, app, 'Ana Ortiz', { query: `plan=${plan.id}` });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    const editor = editorText(page);
    await editor.getByText('Paragraph 1:').waitFor({ timeout: WAIT.timeout });

    // Only the start is rendered; the rest waits in placeholders of about its height.
    const rendered = () => editor.locator(':scope > * [data-slate-node="element"], :scope > [data-slate-node="element"]').count();
    expect(await editor.locator('.tandem-chunk-pending').count()).toBeGreaterThan(10);
    expect(await rendered()).toBeLessThan(BLOCKS / 5);
    expect(await editor.getByText(LAST_WORDS).count()).toBe(0);
    await page.screenshot({ path: artifactPath('large-plan-open.png') });

    // Scrolling renders what comes near.
    await editor.evaluate((el) => {
      let scroller: HTMLElement | null = el.parentElement;
      while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
      scroller!.scrollTop = scroller!.scrollHeight / 2;
    });
    await expect.poll(async () => editor.getByText(/^Paragraph 7\d\d:/).count(), WAIT).toBeGreaterThan(0);

    // Quick open reaches a goal near the end: its card is rendered, on screen.
    await quickOpen(page, 'Goal 1450', /Goal 1450/);
    const far = goalCard(page, 'Goal 1450');
    await far.waitFor({ timeout: WAIT.timeout });
    await page.screenshot({ path: artifactPath('large-plan-jump.png') });
    await expect.poll(async () => far.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    }), WAIT).toBe(true);

    // Ctrl+End puts the caret at the very end of the plan; what is typed there reaches the colleague.
    await editor.getByText('Paragraph 1:').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('!');
    await expect.poll(() => lastText(colleague.doc), WAIT).toContain(`${LAST_WORDS}!`);
    await editor.getByText(`${LAST_WORDS}!`).waitFor({ timeout: WAIT.timeout });

    // Ctrl+Home goes back to the top; select all and copy take the whole plan, as Markdown text.
    await page.keyboard.press('Control+Home');
    await editor.getByText('Paragraph 1:').waitFor({ state: 'visible' });
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith('Paragraph 1: marketing')).toBe(true);
    expect(copied).toContain('> **🎯 Goal 1450**');
    expect(copied.trimEnd().endsWith(`${LAST_WORDS}!`)).toBe(true);
    // The page's HTML would lack the blocks not rendered: a rich-text target gets the whole text instead.
    expect(await page.evaluate(async () => (await navigator.clipboard.read())[0]?.types)).not.toContain('text/html');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the caret and typing working when blocks from a colleague take the plan past the size where chunking starts', async () => {
    const { plan, doc } = await planWrittenByColleague('The growing plan', largeContent(CHUNKING_FROM - 10));
    const { context, page, errors } = await openAs(browser, app, 'Ana Ortiz', { query: `plan=${plan.id}` });
    const editor = editorText(page);
    await editor.getByText('Paragraph 1:').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' and then');
    await expect.poll(() => lastText(doc), WAIT).toContain(`${LAST_WORDS} and then`);

    // The colleague adds blocks at the top: the plan is now chunked, the user's caret far down.
    const text = planContent(doc);
    doc.transact(() => text.applyDelta(slateNodesToInsertDelta(Array.from({ length: 40 }, (_, i) => paragraph(`New at the top ${i}`)))));
    await editor.getByText('New at the top 0').waitFor({ timeout: WAIT.timeout });
    await page.keyboard.type(' more');
    await expect.poll(() => lastText(doc), WAIT).toContain(`${LAST_WORDS} and then more`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
