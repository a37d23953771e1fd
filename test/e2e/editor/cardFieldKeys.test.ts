/**
 * Keys typed in a card field act on that field only. For every card kind (goal, action, stage row),
 * in the 75-block annual plan and in a chunked plan, each key (select all, cut, Backspace, Delete,
 * Enter, undo, Ctrl+Home/End, paste) runs in a field reached the way a person reaches it (from
 * another field of the same card); then nothing outside that field has changed, neither in this
 * page nor in the copy of a colleague connected through the sync server.
 */
import { type Browser } from 'playwright-core';
import { type WebsocketProvider } from 'y-websocket';
import { readPlanContent } from '../../../shared/model/planDoc';
import { artifactPath, launchChromium } from '../../support/chromium';
import { startWebApp, type WebApp } from '../../support/webApp';
import { editorText, openAs } from '../workbenchHelpers';
import { annualPlan, colleagueSees, FIELDS, focusedLabel, markUnderTest, pageShows, planWithout, scrollToRendered, sibling, WAIT } from './cardFields';

/** Each a sequence of key presses (`type:` letters are typed); `textFirst`: the person typed in the plan's text just before. */
const KEYS: Array<{ name: string; keys: string[]; textFirst?: boolean }> = [
  { name: 'Ctrl+A then typing', keys: ['Control+A', 'type:xy'] },
  { name: 'Ctrl+A then Ctrl+X', keys: ['Control+A', 'Control+X'] },
  { name: 'Ctrl+A then Backspace', keys: ['Control+A', 'Backspace'] },
  { name: 'Ctrl+A then Delete', keys: ['Control+A', 'Delete'] },
  { name: 'Enter', keys: ['Enter', 'type:e'] },
  { name: 'Ctrl+Z', keys: ['type:u', 'Control+Z', 'Control+Z'] },
  { name: 'Ctrl+Z with nothing to undo in the field, after typing in the text', keys: ['Control+Z', 'Control+Z', 'Control+Shift+Z'], textFirst: true },
  { name: 'Ctrl+Home / Ctrl+End', keys: ['Control+Home', 'type:h', 'Control+End', 'Control+Shift+Home', 'type:s'] },
  { name: 'paste', keys: ['Control+A', 'Control+V'] },
];

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

describe.each([{ plan: 'the 75-block annual plan', chunked: false }, { plan: 'a chunked plan', chunked: true }])('keys in a card field of $plan', ({ plan: title, chunked }) => {
  it('act on that field only, in this page and for a colleague', async () => {
    const colleague = await annualPlan(app, title, chunked);
    providers.push(colleague.provider);
    const { context, page, errors } = await openAs(browser, app, 'Ana Ortiz', { query: `plan=${colleague.plan.id}` });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    await editorText(page).locator('section.tandem-goal').first().waitFor(WAIT);
    // Every card under test rendered (in a chunked plan, chunks render as they come near).
    for (const field of FIELDS) await scrollToRendered(page, field.locate(page));
    await page.evaluate(() => navigator.clipboard.writeText('Pasted over\nthe field'));

    let mark = 0;
    for (const field of FIELDS) {
      for (const { name, keys, textFirst } of KEYS) {
        if (textFirst) {
          await editorText(page).getByText(/^Executive summary/).click();
          await page.keyboard.press('End');
          await page.keyboard.type(` draft${mark}`);
          await expect.poll(() => JSON.stringify(readPlanContent(colleague.doc)), WAIT).toContain(` draft${mark}"`);
        }
        const before = readPlanContent(colleague.doc);
        const path = field.path(before);
        const target = field.locate(page);
        await markUnderTest(target, true);
        const shownBefore = await pageShows(page);

        await sibling(field).locate(page).click();
        await target.click();
        for (const key of keys) {
          if (key.startsWith('type:')) await page.keyboard.type(key.slice(5));
          else await page.keyboard.press(key);
        }
        // A mark typed last: once the colleague has it, they have everything the keys did.
        await page.keyboard.type(`k${++mark}k`);
        const case_ = `${field.kind} "${field.label}", ${name}`;

        expect(await pageShows(page), `${case_}: the page`).toEqual(shownBefore);
        expect(await focusedLabel(page), `${case_}: the field keeps the keyboard`).toBe(field.label);
        const after = await colleagueSees(colleague, field, target);
        expect(planWithout(after, path, field.prop), `${case_}: the colleague's plan`).toBe(planWithout(before, path, field.prop));
        expect(await target.inputValue()).toContain(`k${mark}k`);
        await markUnderTest(target, false);
      }
    }
    await page.screenshot({ path: artifactPath(`card-field-keys${chunked ? '-chunked' : ''}.png`) });
    expect(errors).toEqual([]);
    await context.close();
  });
});
