/**
 * One contract, two hosts: the same calls through `window.host`, in a real Chromium page, against the
 * desktop app (its real main process, only Electron faked) and against the browser host (the web app
 * and its sync server). Each answers the contract alike: plans, documents, settings, refusals.
 */
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { DesktopApp } from '../support/desktopHost/desktopApp';
import { startWebApp } from '../support/webApp';
import { tempFolder } from './desktop/desktopHelpers';

type Host = { invoke(method: string, arg?: unknown): Promise<unknown>; on(e: string, l: (p: unknown) => void): () => void };
declare const window: { host?: Host };
type Opened = { page: Page; close(): Promise<void> };

let browser: Browser;
beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => { await browser?.close(); });

const hosts: [string, (context: BrowserContext) => Promise<Opened>][] = [
  ['desktop host (main/hostServices.ts)', async (context) => {
    const app = await DesktopApp.start({ folder: tempFolder('tandem-contract-') });
    const page = await app.openWindow(context);
    return { page, close: () => app.quit() };
  }],
  ['browser host (renderer/host-web/webHost.ts)', async (context) => {
    const app = await startWebApp();
    const page = await context.newPage();
    await page.goto(`${app.url}/?token=${encodeURIComponent(await app.tokenFor('Ana'))}`);
    return { page, close: () => app.close() };
  }],
];

describe.each(hosts)('%s', (_name, open) => {
  let context: BrowserContext;
  let opened: Opened;
  beforeAll(async () => {
    context = await browser.newContext();
    opened = await open(context);
    await opened.page.waitForFunction(() => !!window.host);
  });
  afterAll(async () => {
    await context?.close();
    await opened?.close();
  });

  it('names the open workspace and lists the templates', async () => {
    const r = await opened.page.evaluate(async () => ({
      workspace: await window.host!.invoke('workspace.current'),
      templates: ((await window.host!.invoke('templates.list')) as { id: string; name: string; sections: string[] }[]),
    }));
    expect(r.workspace).toEqual({ id: expect.any(String), name: expect.any(String), location: expect.any(String) });
    expect(r.templates.map((t) => t.id)).toEqual(expect.arrayContaining(['annual-joint-plan', 'team-cascade-plan']));
    expect(r.templates.every((t) => t.name && t.sections.length > 0)).toBe(true);
  });

  it('creates, lists, renames, duplicates and deletes a plan, and tells of each change', async () => {
    const r = await opened.page.evaluate(async () => {
      const host = window.host!;
      const heard: string[][] = [];
      const off = host.on('plans.changed', (ps) => heard.push((ps as { title: string }[]).map((p) => p.title).sort()));
      const titles = async () => ((await host.invoke('workspace.listPlans')) as { title: string }[]).map((p) => p.title).sort();
      const until = async (want: string) => {
        for (let i = 0; i < 200 && !heard.some((h) => h.includes(want)); i++) await new Promise((res) => setTimeout(res, 25));
      };
      const plan = (await host.invoke('workspace.createPlan', { templateId: 'campaign-plan', title: 'Spring launch' })) as { id: string; title: string; templateId: string };
      await until('Spring launch');
      const afterCreate = await titles();
      const renamed = (await host.invoke('workspace.renamePlan', { planId: plan.id, title: 'Summer launch' })) as { title: string };
      const copy = (await host.invoke('workspace.duplicatePlan', { planId: plan.id })) as { id: string; title: string };
      await host.invoke('workspace.deletePlan', { planId: copy.id });
      await host.invoke('workspace.deletePlan', { planId: plan.id });
      const afterDelete = await titles();
      off();
      return { plan, afterCreate, renamed, copy, afterDelete, heardCreate: heard.some((h) => h.includes('Spring launch')) };
    });
    expect(r.plan).toMatchObject({ id: expect.stringMatching(/^plan_/), title: 'Spring launch', templateId: 'campaign-plan' });
    expect(r.afterCreate).toContain('Spring launch');
    expect(r.heardCreate).toBe(true);
    expect(r.renamed.title).toBe('Summer launch');
    expect(r.copy).toMatchObject({ title: 'Summer launch (copy)' });
    expect(r.copy.id).not.toBe(r.plan.id);
    expect(r.afterDelete).not.toContain('Summer launch');
    expect(r.afterDelete).not.toContain('Summer launch (copy)');
  });

  it('refuses bad arguments with a clear error and changes nothing', async () => {
    const r = await opened.page.evaluate(async () => {
      const host = window.host!;
      const before = ((await host.invoke('workspace.listPlans')) as unknown[]).length;
      const refusal = async (method: string, arg?: unknown) => {
        try {
          await host.invoke(method, arg);
          return 'accepted';
        } catch (e) {
          return `${(e as { code?: string }).code}: ${(e as Error).message}`;
        }
      };
      return {
        emptyTitle: await refusal('workspace.createPlan', { templateId: 'campaign-plan', title: '' }),
        unknownMethod: await refusal('workspace.format', {}),
        notALink: await refusal('shell.openExternal', { url: 'file:///etc/passwd' }),
        after: ((await host.invoke('workspace.listPlans')) as unknown[]).length,
        before,
      };
    });
    expect(r.emptyTitle).toMatch(/^invalid-argument: workspace\.createPlan: a title cannot be empty/);
    expect(r.unknownMethod).toMatch(/workspace\.format/);
    expect(r.notALink).toMatch(/^invalid-argument: .*only http\(s\) links open outside Tandem/);
    expect(r.after).toBe(r.before);
  });

  it('keeps a saved document update, and loads it back', async () => {
    const loaded = await opened.page.evaluate(async () => {
      const host = window.host!;
      const plan = (await host.invoke('workspace.createPlan', { templateId: 'campaign-plan', title: 'Document round trip' })) as { id: string };
      // A Yjs update inserting "hi" into a text named "t".
      await host.invoke('documents.save', { docId: plan.id, update: new Uint8Array([1, 1, 200, 1, 0, 4, 1, 1, 116, 2, 104, 105, 0]) });
      return Array.from((await host.invoke('documents.load', { docId: plan.id })) as Uint8Array);
    });
    expect(Buffer.from(loaded).includes(Buffer.from('hi'))).toBe(true);
  });

  it('updates settings, tells of the change, and gives them back', async () => {
    const r = await opened.page.evaluate(async () => {
      const host = window.host!;
      const heard = new Promise((res) => { const off = host.on('settings.changed', (s) => { off(); res(s); }); });
      const updated = await host.invoke('settings.update', { userName: 'Dana Whitfield', theme: 'dark' });
      return { updated, heard: await heard, read: await host.invoke('settings.get') };
    });
    expect(r.updated).toMatchObject({ userName: 'Dana Whitfield', theme: 'dark' });
    expect(r.heard).toEqual(r.updated);
    expect(r.read).toEqual(r.updated);
  });
});
