/**
 * Plans a colleague (or a buggy peer) wrote into a shape no editor makes, opened in a real Chromium
 * against the real server: thousands of nested lists, and a schema number from "the future".
 */
import { type Browser } from 'playwright-core';
import { type WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { paragraph } from '../../shared/model/blocks';
import { planContent, planMetaMap, PLAN_SCHEMA_VERSION } from '../../shared/model/planDoc';
import { artifactPath, launchChromium } from '../support/chromium';
import { appendNestedLists } from '../support/deepNesting';
import { planWrittenThroughServer } from '../support/planThroughServer';
import { startWebApp, type WebApp } from '../support/webApp';
import { editorText, openAs } from './workbenchHelpers';

let app: WebApp;
let browser: Browser;
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

/** A plan a colleague writes through the server; they stay connected and `change` their copy. */
async function colleaguePlan(title: string, change: (doc: Y.Doc) => void) {
  const written = await planWrittenThroughServer(app, title, [paragraph(`${title}: the opening line.`)]);
  providers.push(written.provider);
  change(written.doc);
  return written;
}

describe('plans in shapes no editor makes', () => {
  it('opens a plan with 5,000 nested lists: flattened to one list that keeps its text, for the colleague too', async () => {
    const { plan, doc } = await colleaguePlan('Nested plan', (d) => appendNestedLists(planContent(d), 5000, 'The deepest item'));
    const { page, context, errors } = await openAs(browser, app, 'Ana Ortiz', { query: `plan=${plan.id}` });
    const editor = editorText(page);
    await editor.getByText('The deepest item').waitFor({ timeout: 30_000 });
    expect(await page.getByText('Opening plan…').count()).toBe(0);
    // The colleague's copy gets the repair over sync.
    await expect.poll(() => JSON.stringify(planContent(doc).toJSON()).length, { timeout: 20_000 }).toBeLessThan(2_000);
    await page.screenshot({ path: artifactPath('hostile-nested-lists.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps a plan editable whose schema number a colleague set to 999; shows read-only with a notice only one that holds unknown blocks', async () => {
    const bogus = await colleaguePlan('Bogus version', (d) => planMetaMap(d).set('schemaVersion', 999));
    const newer = await colleaguePlan('Newer plan', (d) => d.transact(() => {
      planMetaMap(d).set('schemaVersion', PLAN_SCHEMA_VERSION + 1);
      const block = new Y.XmlText();
      planContent(d).insertEmbed(planContent(d).length, block);
      block.setAttribute('type', 'timeline');
      block.insert(0, 'A block of a later Tandem');
    }));
    const notice = /newer version of Tandem wrote parts of this plan/;

    const { page, context } = await openAs(browser, app, 'Ben Okafor', { query: `plan=${bogus.plan.id}` });
    const editor = editorText(page);
    await editor.getByText('Bogus version: the opening line.').waitFor();
    expect(await page.getByText(notice).count()).toBe(0);
    await editor.getByText('Bogus version: the opening line.').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Edited.');
    await expect.poll(() => planContent(bogus.doc).toString()).toContain('Edited.');

    await page.goto(`${app.url}/?plan=${newer.plan.id}`);
    await page.getByText(notice).waitFor();
    await page.getByText('Newer plan: the opening line.').waitFor();
    await page.screenshot({ path: artifactPath('hostile-newer-plan.png') });
    expect(await page.locator('[data-slate-editor="true"]').getAttribute('contenteditable')).toBe('false');
    expect(JSON.stringify(newer.doc.get('content', Y.XmlText).toDelta().map((op: { insert: unknown }) => (op.insert as Y.XmlText).getAttribute?.('type'))))
      .toContain('timeline'); // this version rewrote nothing of it
    await context.close();
  });
});
