/**
 * Roles you can see: a viewer's invite opens the plan read-only with a "View only" badge, the name
 * colleagues see is the invite's, and what the viewer typed never reaches the plan, not even once the
 * same browser opens an editor's invite (in the tab already showing the app).
 */
import { type Browser } from 'playwright-core';
import { type Descendant } from 'slate';
import { newGoal, paragraph } from '../../shared/model/blocks';
import { readPlanContent } from '../../shared/model/planDoc';
import { USER_FIELD } from '../../renderer/collab/collabSession';
import { newBrowserUser } from '../support/browserUser';
import { artifactPath, launchChromium } from '../support/chromium';
import { planWrittenThroughServer, type WrittenPlan } from '../support/planThroughServer';
import { startWebApp, type WebApp } from '../support/webApp';

const WAIT = { timeout: 20_000, interval: 50 };
const CONTENT: Descendant[] = [paragraph('The plan as the editor wrote it.'), newGoal({ id: 'g-1', title: 'Grow revenue', team: 'joint' }), paragraph('The end.')];

let app: WebApp;
let browser: Browser;
let colleague: WrittenPlan;

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  colleague = await planWrittenThroughServer(app, 'Roles', CONTENT);
});

afterAll(async () => {
  colleague?.provider.destroy();
  await browser?.close();
  await app?.close();
});

/** The names the colleague sees in this plan, besides their own. */
const namesSeen = () => [...colleague.provider.awareness.getStates()]
  .filter(([id]) => id !== colleague.doc.clientID)
  .map(([, state]) => (state[USER_FIELD] as { name?: string } | undefined)?.name);

describe('a viewer', () => {
  it('reads a read-only plan under the invite\'s name, and nothing typed there reaches the plan, even after an editor\'s invite', async () => {
    const original = JSON.stringify(readPlanContent(colleague.doc));
    // Settings carry another name: the invite's must win.
    const { page, errors } = await newBrowserUser(browser, { name: 'Name In Settings', color: '#7c3aed' }, { viewport: { width: 1300, height: 800 } });
    const viewerToken = await app.tokenFor('Viktor Viewer', 'viewer');
    await page.goto(`${app.url}/?plan=${colleague.plan.id}#token=${encodeURIComponent(viewerToken)}`);
    const statusBar = page.getByRole('contentinfo', { name: 'Status Bar' });
    await statusBar.getByText('View only').waitFor(WAIT);
    // A read-only editable is no textbox: find it by its name.
    const editor = page.locator('[aria-label="Plan text"]');
    await editor.getByText('The plan as the editor wrote it.').waitFor(WAIT);
    expect(await editor.getAttribute('contenteditable')).toBe('false');
    expect(await page.getByLabel('Goal title', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Why (rationale)', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Add sub-goal' }).count()).toBe(0);
    await expect.poll(namesSeen, WAIT).toEqual(['Viktor Viewer']);
    await page.screenshot({ path: artifactPath('viewer-read-only.png') });

    // The viewer tries anyway.
    await editor.getByText('The plan as the editor wrote it.').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' VIEWER WAS HERE');
    await page.keyboard.press('Enter');
    await page.keyboard.type('A new paragraph');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.getByLabel('Goal title', { exact: true }).click({ force: true });
    await page.keyboard.type(' VIEWER');
    expect(await editor.getByText('The plan as the editor wrote it.', { exact: true }).count()).toBe(1);

    // The same browser, the same tab, opens an editor's invite.
    const editorToken = await app.tokenFor('Erin Editor', 'editor');
    await page.evaluate((t) => { window.location.hash = `token=${encodeURIComponent(t)}`; }, editorToken);
    await expect.poll(namesSeen, WAIT).toEqual(['Erin Editor']);
    await editor.getByText('The plan as the editor wrote it.').waitFor(WAIT);
    expect(await statusBar.getByText('View only').count()).toBe(0);
    // What the editor types arrives after anything this browser had kept: then the plan is whole.
    await editor.getByText('The end.').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Signed off.');
    await expect.poll(() => JSON.stringify(readPlanContent(colleague.doc)), WAIT).toContain('The end. Signed off.');
    expect(JSON.stringify(readPlanContent(colleague.doc))).toBe(original.replace('The end.', 'The end. Signed off.'));
    expect(errors).toEqual([]);
  });
});
