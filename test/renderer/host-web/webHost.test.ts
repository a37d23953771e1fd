/** The browser host in a real Chromium against the real server in web mode (the page's own bootstrap installs it). */
import { type Browser, type Page } from 'playwright-core';
import * as Y from 'yjs';
import { createToken } from '../../../main/server/index';
import { inviteLink } from '../../../shared/sync/inviteLink';
import { artifactPath, launchChromium } from '../../support/chromium';
import { startWebApp, type WebApp } from '../../support/webApp';

type Host = { invoke(method: string, arg?: unknown): Promise<unknown>; on(e: string, l: (p: unknown) => void): () => void };
declare const window: { host?: Host; location: Location };

describe('web host in Chromium', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startWebApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const open = async (page: Page, path = '/') => {
    await page.goto(`${app.url}${path}`);
    await page.waitForFunction(() => !!window.host);
  };

  it('serves the workspace, templates, plans, documents and settings through the host contract', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await open(page);
    const result = await page.evaluate(async () => {
      const host = window.host!;
      const workspace = await host.invoke('workspace.current');
      const templates = (await host.invoke('templates.list')) as { id: string }[];
      const plan = (await host.invoke('workspace.createPlan', { templateId: templates[0]!.id, title: 'Joint FY plan' })) as { id: string };
      const plans = (await host.invoke('workspace.listPlans')) as { id: string; title: string }[];
      let invalid = '';
      try {
        await host.invoke('workspace.createPlan', { templateId: templates[0]!.id, title: '' });
      } catch (e) {
        invalid = `${(e as { code?: string }).code}: ${(e as Error).message}`;
      }
      let share = '';
      try {
        await host.invoke('sync.share', { host: '0.0.0.0' });
      } catch (e) {
        share = (e as Error).message;
      }
      await host.invoke('documents.save', { docId: plan.id, update: new Uint8Array([1, 1, 200, 1, 0, 4, 1, 1, 116, 2, 104, 105, 0]) });
      const settings = await host.invoke('settings.update', { theme: 'dark' });
      const target = await host.invoke('sync.target');
      return { workspace, templates: templates.length, plan, plans, invalid, share, settings, target };
    });
    expect(result.workspace).toEqual({ id: 'local', name: 'Test workspace', location: app.url });
    expect(result.templates).toBeGreaterThan(0);
    expect(result.plans).toEqual([expect.objectContaining({ id: result.plan.id, title: 'Joint FY plan' })]);
    expect(result.invalid).toMatch(/^invalid-argument: workspace.createPlan: a title cannot be empty/);
    expect(result.share).toBe('Sharing a workspace runs from the desktop app');
    expect(result.settings).toMatchObject({ theme: 'dark', userName: expect.stringMatching(/^\w+ \w+$/) });
    expect(result.target).toMatchObject({ serverUrl: app.url.replace('http', 'ws'), workspaceId: 'local' });

    // After a reload the document and the settings come back from this browser's storage.
    await open(page);
    const again = await page.evaluate(async (planId) => ({
      doc: Array.from((await window.host!.invoke('documents.load', { docId: planId })) as Uint8Array),
      settings: await window.host!.invoke('settings.get'),
    }), result.plan.id);
    expect(again.doc.length).toBeGreaterThan(2);
    expect(again.settings).toEqual(result.settings);

    // Another tab of the same browser hears the settings change.
    const other = await context.newPage();
    await open(other);
    const heard = other.evaluate(() => new Promise((r) => window.host!.on('settings.changed', r)));
    await page.evaluate(() => window.host!.invoke('settings.update', { userName: 'Ana Lopez' }));
    expect(await heard).toMatchObject({ userName: 'Ana Lopez' });
    await page.screenshot({ path: artifactPath('web-host-workbench.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps a plan\'s comments in this browser, and forgets them when the plan is deleted', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await open(page);
    const comment = new Y.Doc();
    comment.getMap('threads').set('t', 'hi');
    const planId = await page.evaluate(async (update) => {
      const host = window.host!;
      const plan = (await host.invoke('workspace.createPlan', { templateId: 'campaign-plan', title: 'Commented plan' })) as { id: string };
      await host.invoke('documents.save', { docId: `${plan.id}/comments`, update: new Uint8Array(update) });
      return plan.id;
    }, Array.from(Y.encodeStateAsUpdate(comment)));
    const stored = () => page.evaluate(async (id) => ((await window.host!.invoke('documents.load', { docId: `${id}/comments` })) as Uint8Array).byteLength, planId);
    await open(page);
    expect(await stored(), 'the comments are kept after a reload').toBeGreaterThan(2);
    await page.evaluate((id) => window.host!.invoke('workspace.deletePlan', { planId: id }), planId);
    await open(page);
    expect(await stored(), 'the deleted plan\'s comments are gone from this browser').toBeLessThanOrEqual(2);
    await context.close();
  });

  it.each([
    ['the invite link of the desktop (#token=)', (token: string) => inviteLink('', token)],
    ['the older query form (?token=)', (token: string) => `/?token=${token}`],
  ])('adopts the token of %s, removes it from the address bar and uses its role', async (_form, link) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const token = await app.tokenFor('Vic', 'viewer');
    await open(page, link(token));
    expect(page.url()).not.toContain('token=');
    const r = await page.evaluate(async () => {
      const target = (await window.host!.invoke('sync.target')) as { token: string };
      let refused = '';
      try {
        await window.host!.invoke('workspace.createPlan', { templateId: 'annual-joint-plan', title: 'Nope' });
      } catch (e) {
        refused = (e as Error).message;
      }
      return { token: target.token, refused };
    });
    expect(r.token).toBe(token);
    expect(r.refused).toBe('a viewer cannot change plans');
    await context.close();
  });

  it('asks before an invite to another workspace replaces the one this browser remembers; Cancel keeps it', async () => {
    const context = await browser.newContext();
    const mine = await app.tokenFor('Ana');
    const theirs = await createToken(app.secret, { workspaceId: 'ws_elsewhere', name: 'Ana', role: 'editor' });
    const asked: string[] = [];
    /** Opens the link in a new tab of the same browser (same remembered session), answering the question if one comes. */
    const openInTab = async (link: string, answer: 'accept' | 'dismiss') => {
      const page = await context.newPage();
      page.on('dialog', (d) => { asked.push(d.message()); void (answer === 'accept' ? d.accept() : d.dismiss()); });
      await open(page, link);
      expect(page.url()).not.toContain('token=');
      return page.evaluate(async () => ((await window.host!.invoke('sync.target')) as { token: string }).token);
    };

    expect(await openInTab(inviteLink('', mine), 'dismiss')).toBe(mine);
    expect(asked).toEqual([]);
    expect(await openInTab(inviteLink('', theirs), 'dismiss')).toBe(mine);
    expect(asked).toEqual([expect.stringMatching(/opens the workspace "ws_elsewhere".*\n\nThis browser is in "Test workspace" \(as Ana\)/s)]);
    expect(await openInTab(inviteLink('', theirs), 'accept')).toBe(theirs);
    expect(asked).toHaveLength(2);
    // An invite to the workspace already remembered replaces the token without asking.
    const again = await createToken(app.secret, { workspaceId: 'ws_elsewhere', name: 'Ana', role: 'viewer' });
    expect(await openInTab(inviteLink('', again), 'dismiss')).toBe(again);
    expect(asked).toHaveLength(2);
    await context.close();
  });
});
