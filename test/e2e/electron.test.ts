/**
 * Desktop smoke test with the real Electron app (Playwright `_electron`): open a workspace folder, create
 * a plan from a template, type into it, quit, start again — the text is there, on screen and on disk.
 * Runs wherever an Electron binary exists; the build machines cannot download one, so there it is
 * skipped with the reason printed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import * as Y from 'yjs';
import { readPlanContent } from '../../shared/model/planDoc';
import { decodePlanFile } from '../../main/storage/planFile';
import { artifactPath } from '../support/chromium';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The Electron executable, found without `require('electron')` (which would try to download it). */
function electronBinary(): string | null {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pkg = join(ROOT, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  const candidate = override
    ? join(override, readFileSync(pathFile, 'utf8').trim() || 'electron')
    : existsSync(pathFile) ? join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
  return candidate && existsSync(candidate) ? candidate : null;
}

const binary = electronBinary();
if (!binary) {
  console.warn('[electron smoke test] skipped: no Electron binary in node_modules/electron/dist — it cannot be downloaded on this machine '
    + '(no network beyond loopback). Install Electron normally (npm install) to run this test.');
}
/** Electron needs a display on Linux: on a headless machine run this file under `xvfb-run -a`. */
const needsXvfb = process.platform === 'linux' && !process.env.DISPLAY;
if (binary && needsXvfb) {
  console.warn('[electron smoke test] skipped: no DISPLAY; run `xvfb-run -a npx vitest run --project e2e test/e2e/electron.test.ts`');
}

let userData: string;
let folder: string;

beforeAll(async () => {
  if (!binary || needsXvfb) return;
  userData = await mkdtemp(join(tmpdir(), 'tandem-e2e-userdata-'));
  folder = await mkdtemp(join(tmpdir(), 'tandem-e2e-workspace-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts/buildMain.js')], { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
});
afterAll(async () => {
  if (!binary || needsXvfb) return;
  await rm(userData, { recursive: true, force: true });
  await rm(folder, { recursive: true, force: true });
});

async function launch(): Promise<{ app: ElectronApplication; page: Page }> {
  const args = [ROOT, folder]; // the app folder (package.json "main": dist/main/main.mjs), then the workspace
  const app = await electron.launch({
    executablePath: binary!,
    args: process.platform === 'linux' ? ['--no-sandbox', ...args] : args,
    env: { ...process.env, TANDEM_USER_DATA: userData },
    cwd: ROOT,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

const PHRASE = 'Typed in the desktop app';

it.skipIf(!binary || needsXvfb)('keeps a plan typed in the desktop app across a restart', async () => {
  let { app, page } = await launch();
  // The window runs our page with the bridge and nothing else.
  expect(await page.evaluate(() => Object.keys((window as unknown as { host: object }).host).sort())).toEqual(['invoke', 'on']);
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');

  const plan = await page.evaluate(() => (window as unknown as { host: { invoke(m: string, a?: unknown): Promise<{ id: string }> } })
    .host.invoke('workspace.createPlan', { templateId: 'campaign-plan', title: 'Desktop smoke plan' }));
  await page.getByText('Desktop smoke plan').first().click();
  const editor = page.locator('[data-slate-editor="true"]').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(` ${PHRASE}`);
  await page.screenshot({ path: artifactPath('electron-typed.png') });
  await app.close(); // quitting flushes every open plan to its file

  const file = (await readdir(folder)).find((n) => n === 'desktop-smoke-plan.tandem')!;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, decodePlanFile(await readFile(join(folder, file))).state);
  expect(JSON.stringify(readPlanContent(doc))).toContain(PHRASE);

  ({ app, page } = await launch());
  await page.getByText('Desktop smoke plan').first().click();
  await expect.poll(() => page.locator('[data-slate-editor="true"]').first().innerText()).toContain(PHRASE);
  expect(plan.id).toMatch(/^plan_/);
  await app.close();
});
