/**
 * How often each workbench view renders when one plan snapshot changes. The web app (an unminified
 * build, so components keep their names) is opened in Chromium with a stand-in React DevTools hook
 * that counts, in every commit, the components whose render function ran. A colleague edits another
 * plan through the sync server (each edit: one new snapshot), then the person types in the open plan
 * (each key: one new snapshot, plus the plan's saved/synced status); the counts are divided by the
 * number of edits. Every side bar container is measured in turn, with the Problems panel open.
 *
 *   npx tsx test/bench/workbench/renderCounts.ts [staticDir]   (default: a fresh `vite build --minify false`)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createToken, startSyncServer } from '../../../main/server/index';
import { newBrowserUser } from '../../support/browserUser';
import { launchChromium } from '../../support/chromium';
import { planFromTemplateThroughServer } from '../../support/planThroughServer';
import { planContent } from '../../../shared/model/planDoc';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const VIEWS = ['ExplorerView', 'OutlineView', 'GoalTreeView', 'PeopleView', 'SearchView', 'ProblemsView', 'ConflictsView', 'StatusBar', 'ActivityBar', 'EditorArea'];
const EDITS = 5;
const CONTAINERS = ['Explorer', 'Goals', 'People', 'Search'];

/** Installed before the page's scripts: React reports every commit to this hook. */
const HOOK = `(() => {
  const names = new Set(${JSON.stringify(VIEWS)});
  window.__renders = {};
  // A fiber rendered in this commit when its render function ran (PerformedWork); a subtree whose
  // children are the previous commit's own fibers was not visited at all (their flags are old).
  const count = (root) => {
    const stack = [root.current];
    while (stack.length) {
      const f = stack.pop();
      if (typeof f.type === 'function' && names.has(f.type.name) && (f.flags & 1)) {
        window.__renders[f.type.name] = (window.__renders[f.type.name] || 0) + 1;
      }
      if (f.alternate && f.child === f.alternate.child) continue;
      for (let c = f.child; c; c = c.sibling) stack.push(c);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, isDisabled: false, renderers: new Map(),
    inject() { return 1; }, checkDCE() {}, onScheduleFiberRoot() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) { count(root); },
  };
})()`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(staticDir?: string): Promise<void> {
  let dir = staticDir;
  if (!dir) {
    dir = join(ROOT, 'dist', 'renders');
    execFileSync('npx', ['vite', 'build', '--minify', 'false', '--outDir', dir], { cwd: ROOT, stdio: 'pipe' });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-renders-'));
  const secret = 'render-count-secret-0123456789';
  const server = await startSyncServer({
    port: 0, dataDir, secret, staticDir: dir, log: () => {},
    web: { workspaceId: 'local', workspaceName: 'Renders', userName: 'Tester', launchKey: null },
  });
  const app = { url: server.url, workspaceId: 'local', tokenFor: (name: string, role: 'editor' = 'editor') => createToken(secret, { workspaceId: 'local', name, role }) };
  const browser = await launchChromium();
  const a = await planFromTemplateThroughServer(app as never, 'Plan A', 'annual-joint-plan');
  const b = await planFromTemplateThroughServer(app as never, 'Plan B', 'team-cascade-plan');
  try {
    const { page } = await newBrowserUser(browser, { name: 'Ana', color: '#db2777' }, { viewport: { width: 1400, height: 900 } });
    await page.addInitScript(HOOK);
    await page.goto(`${server.url}/?token=${encodeURIComponent(await app.tokenFor('Ana'))}`);
    await page.getByRole('treeitem', { name: /Plan A/ }).first().click();
    const editor = page.getByRole('textbox', { name: 'Plan text' });
    await editor.waitFor();
    await page.keyboard.press('Control+J');
    await page.getByRole('tab', { name: 'Problems' }).waitFor();
    await sleep(2_000);

    const totals: Record<string, { remote: number; typing: number }> = {};
    for (const container of CONTAINERS) {
      const button = page.getByRole('navigation', { name: 'Activity Bar' }).getByRole('button', { name: container, exact: true });
      if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
      await sleep(1_500);
      const measure = async (edit: (i: number) => Promise<void>) => {
        await page.evaluate('window.__renders = {}');
        for (let i = 0; i < EDITS; i++) {
          await edit(i);
          await sleep(1_200);
        }
        return page.evaluate<Record<string, number>>('window.__renders');
      };
      const text = planContent(b.doc);
      const remote = await measure(async (i) => { text.insert(0, String(i)); });
      await editor.click();
      await page.keyboard.press('End');
      const typing = await measure(async () => { await page.keyboard.type('x'); });
      for (const name of VIEWS) {
        const t = (totals[name] ??= { remote: 0, typing: 0 });
        t.remote = Math.max(t.remote, (remote[name] ?? 0) / EDITS);
        t.typing = Math.max(t.typing, (typing[name] ?? 0) / EDITS);
      }
      console.log(container, JSON.stringify({ remote, typing }));
    }
    console.log('\nrenders per snapshot (the most in any container):');
    console.log('component'.padEnd(16), 'remote edit'.padStart(12), 'own typing'.padStart(12));
    for (const name of VIEWS) console.log(name.padEnd(16), totals[name]!.remote.toFixed(1).padStart(12), totals[name]!.typing.toFixed(1).padStart(12));
  } finally {
    a.provider.destroy();
    b.provider.destroy();
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main(process.argv[2]).then(() => process.exit(0), (err: unknown) => {
  console.error(err);
  process.exit(1);
});
