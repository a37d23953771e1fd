/**
 * Opening a plan in the real workbench: the web app (sync server serving a fresh build of the UI),
 * a plan written through the server, and a person who clicks it in the explorer. Measured in the page
 * from the click to the first frame that shows the plan's text. As in the app, the side views have
 * already loaded every plan of the workspace (the goal tree and problems span all plans), so this is
 * the editor and the views taking the plan up, not the loading.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser } from 'playwright-core';
import { newBrowserUser } from '../../support/browserUser';
import { planWrittenThroughServer } from '../../support/planThroughServer';
import { startWebApp } from '../../support/webApp';
import { planBlocks } from './benchPlan';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const TITLE = 'Benchmark plan';

export async function workbenchOpenTimes(browser: Browser, blocks: number, opens: number): Promise<number[]> {
  execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'pipe' });
  const app = await startWebApp();
  const { provider } = await planWrittenThroughServer(app, TITLE, planBlocks(blocks));
  try {
    const times: number[] = [];
    for (let i = 0; i < opens; i++) {
      const { context, page } = await newBrowserUser(browser, { name: 'Ana', color: '#db2777' }, { viewport: { width: 1400, height: 900 } });
      await page.goto(`${app.url}/?token=${encodeURIComponent(await app.tokenFor('Ana', 'editor'))}`);
      const item = page.getByRole('treeitem', { name: new RegExp(TITLE) }).first();
      await item.waitFor({ timeout: 60_000 });
      await page.waitForTimeout(2_000); // the side views load the plan in the background, as they do in the app
      // Page scripts as text: tsx would otherwise wrap named functions in a helper the page does not have.
      await page.evaluate('document.addEventListener("click", (e) => { window.clickedAt ??= e.timeStamp; }, true)');
      const shown = page.evaluate<number>(`new Promise((resolve) => {
        const check = () => {
          if (document.querySelector('[data-slate-editor] [data-slate-node="element"]')) resolve(performance.now());
          else requestAnimationFrame(check);
        };
        check();
      })`);
      await item.click();
      const at = await shown;
      times.push(at - (await page.evaluate<number>('window.clickedAt ?? 0')));
      await context.close();
    }
    return times;
  } finally {
    provider.destroy();
    await app.close();
  }
}
