/**
 * `npm run web` as a person uses it: the command prints an address; opening it in the browser opens the
 * workspace, and the launch key leaves the address bar. A browser that opens the server without that
 * address (another OS user, a page of another site) gets no session.
 */
import { type ChildProcess } from 'node:child_process';
import { type Browser } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/chromium';
import { killChildren, spawnServerCli } from '../support/childProcesses';
import { ensureRendererBuilt } from '../support/webApp';
import { removeDir, tempDir } from '../main/server/helpers';

type Host = { invoke(method: string, arg?: unknown): Promise<unknown> };
declare const window: { host?: Host; location: Location };

describe('npm run web: the printed address', () => {
  let child: ChildProcess;
  let printed: string;
  let browser: Browser;
  const dataDir = tempDir('tandem-web-launch-');

  beforeAll(async () => {
    await ensureRendererBuilt();
    child = spawnServerCli(['web', '--port', '0', '--data', dataDir]);
    printed = await new Promise<string>((res, rej) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /open (http:\/\/\S+) in your browser/.exec(out);
        if (m) res(m[1]!);
      });
      child.once('exit', (code) => rej(new Error(`npm run web exited with ${code}`)));
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await killChildren();
    removeDir(dataDir);
  });

  it('opens the workspace with a plain visit of the printed address, and keeps it on reload', async () => {
    expect(printed).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#launch=[\w-]{32,}$/);
    const context = await browser.newContext({ viewport: { width: 1200, height: 760 } });
    const page = await context.newPage();
    await page.goto(printed);
    await page.waitForFunction(() => !!window.host);
    expect(await page.evaluate(() => window.host!.invoke('workspace.current'))).toMatchObject({ name: 'My workspace' });
    expect(page.url()).not.toContain('launch=');
    await page.reload();
    await page.waitForFunction(() => !!window.host);
    expect(await page.evaluate(() => window.host!.invoke('workspace.current'))).toMatchObject({ name: 'My workspace' });
    // The page's own sockets pass the Host and Origin checks.
    const opened = await page.evaluate(async () => {
      const { serverUrl, token, workspaceId } = (await window.host!.invoke('sync.target')) as { serverUrl: string; token: string; workspaceId: string };
      return new Promise<string>((resolve) => {
        const ws = new WebSocket(`${serverUrl}/${workspaceId}/workspace?token=${encodeURIComponent(token)}`);
        ws.onopen = () => resolve('open');
        ws.onclose = (e) => resolve(`closed ${e.code}`);
      });
    });
    expect(opened).toBe('open');
    await page.screenshot({ path: artifactPath('web-launch-opened.png') });
    await context.close();
  });

  it('gives a browser that opens the server without the printed address no session', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 300 } });
    const page = await context.newPage();
    await page.goto(new URL(printed).origin + '/');
    await page.waitForFunction(() => document.body.textContent?.includes('could not start'));
    expect(await page.textContent('body')).toContain('#launch=');
    await page.screenshot({ path: artifactPath('web-launch-refused.png') });
    await context.close();
  });
});
