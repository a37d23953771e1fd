/**
 * A seeded random keyboard session in the annual plan: a few hundred key presses mixing typing,
 * selection keys, select all, cut, paste, undo and Enter, in card fields and in the plan's text.
 * After every key the page shows the plan changed only where the caret was (that field, or that
 * paragraph), and after every stretch of keys the colleague's copy agrees. The seed is printed on
 * failure; TANDEM_KEYS_SEED replays one.
 */
import { type Browser, type Locator, type Page } from 'playwright-core';
import { Node, type Descendant } from 'slate';
import { readPlanContent } from '../../../shared/model/planDoc';
import { launchChromium } from '../../support/chromium';
import { startWebApp, type WebApp } from '../../support/webApp';
import { type WrittenPlan } from '../../support/planThroughServer';
import { seededRandom } from '../../main/server/seededRandom';
import { editorText, openAs } from '../workbenchHelpers';
import { annualPlan, colleagueSees, FIELDS, type FieldSpec, focusedLabel, markUnderTest, pageShows, planWithout, sibling, WAIT } from './cardFields';

const SEED = Number(process.env.TANDEM_KEYS_SEED ?? 20261202);
const PRESSES = 300;

/** In a field every key is fair game; Escape and Tab leave it, which is another test's subject. */
const FIELD_KEYS = ['type:ab', 'type: q', 'Backspace', 'Delete', 'Control+A', 'Control+X', 'Control+C', 'Control+V', 'Control+Z', 'Control+Y',
  'Enter', 'Home', 'End', 'ArrowLeft', 'ArrowRight', 'Shift+ArrowLeft', 'Shift+Home', 'Control+Home', 'Control+End', 'Control+Shift+End', 'Control+Backspace'];
/** In a paragraph, keys that stay inside it from a caret in its middle (select all and undo rightly reach further). */
const TEXT_KEYS = ['type:ab', 'type: q', 'Backspace', 'ArrowLeft', 'ArrowRight', 'Shift+ArrowRight', 'Shift+ArrowLeft'];

let app: WebApp;
let browser: Browser;
let colleague: WrittenPlan;

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  colleague = await annualPlan(app, 'Random keys', false);
});

afterAll(async () => {
  colleague?.provider.destroy();
  await browser?.close();
  await app?.close();
});

async function press(page: Page, key: string): Promise<void> {
  if (key.startsWith('type:')) await page.keyboard.type(key.slice(5));
  else await page.keyboard.press(key);
}

type Stretch = { target: Locator; describe: string; settle(): Promise<void> };

async function inField(page: Page, field: FieldSpec, next: () => number, log: string[]): Promise<Stretch> {
  const target = field.locate(page);
  if (next() < 0.5) await sibling(field).locate(page).click();
  await target.click();
  log.push(`click field ${field.label}`);
  const before = readPlanContent(colleague.doc);
  return {
    target,
    describe: `field ${field.label}`,
    settle: async () => {
      expect(await focusedLabel(page), log.join(' → ')).toBe(field.label);
      const after = await colleagueSees(colleague, field, target);
      const path = field.path(before);
      expect(planWithout(after, path, field.prop), log.join(' → ')).toBe(planWithout(before, path, field.prop));
    },
  };
}

async function inParagraph(page: Page, next: () => number, log: string[]): Promise<Stretch> {
  const before = readPlanContent(colleague.doc);
  const texts = before.map((b) => Node.string(b));
  const candidates = before.flatMap((b, i) => ('type' in b && b.type === 'paragraph' && texts[i]!.length > 40 && texts.indexOf(texts[i]!) === i ? [i] : []));
  const index = candidates[Math.floor(next() * candidates.length)]!;
  const target = editorText(page).locator(':scope p:not(.tandem-guidance)').filter({ hasText: texts[index]!.slice(0, 30) }).first();
  await target.scrollIntoViewIfNeeded();
  await target.click({ position: { x: 5, y: 5 } });
  await expect.poll(() => target.evaluate((el) => el.contains(getSelection()!.anchorNode)), WAIT).toBe(true);
  // The caret a dozen characters before the end of the first line: no run of keys below leaves the paragraph.
  await page.keyboard.press('End');
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowLeft');
  log.push(`click paragraph ${index} "${texts[index]!.slice(0, 30)}"`);
  return {
    target,
    describe: `paragraph ${index}`,
    settle: async () => {
      const shown = await target.textContent();
      await expect.poll(() => Node.string(readPlanContent(colleague.doc)[index] as Descendant), WAIT).toBe(shown);
      const after = readPlanContent(colleague.doc);
      expect(planWithout(after, [index], null), log.join(' → ')).toBe(planWithout(before, [index], null));
    },
  };
}

describe('a seeded random keyboard session', () => {
  it(`changes the plan only where the caret was (seed ${SEED}, ${PRESSES} key presses)`, async () => {
    const { context, page, errors } = await openAs(browser, app, 'Ana Ortiz', { query: `plan=${colleague.plan.id}` });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    await editorText(page).locator('section.tandem-goal').first().waitFor(WAIT);
    const next = seededRandom(SEED);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    let presses = 0;
    while (presses < PRESSES) {
      const log = [`seed ${SEED}`];
      const inText = next() < 0.3;
      const stretch = inText ? await inParagraph(page, next, log) : await inField(page, pick(FIELDS), next, log);
      await markUnderTest(stretch.target, true);
      const shownBefore = await pageShows(page);
      const count = 3 + Math.floor(next() * 6);
      for (let i = 0; i < count; i++) {
        const key = pick(inText ? TEXT_KEYS : FIELD_KEYS);
        await press(page, key);
        presses++;
        log.push(key);
        expect(await pageShows(page), `${stretch.describe}: ${log.join(' → ')}`).toEqual(shownBefore);
      }
      await stretch.settle();
      await markUnderTest(stretch.target, false);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
