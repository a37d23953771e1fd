/**
 * The plan files are the person's files: other programs write them. A sync tool brings a copy edited
 * on another machine, `git checkout` puts back an older version, a copy arrives damaged. The open
 * plan merges what it can, keeps what the person is typing, and a damaged file is set aside with a
 * message while the rest of the workspace works.
 */
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, type BrowserContext } from 'playwright-core';
import * as Y from 'yjs';
import { decodePlanFile, encodePlanFile } from '../../../main/storage/planFile';
import { planContent } from '../../../shared/model/planDoc';
import { killChildren } from '../../support/childProcesses';
import { artifactPath, launchChromium } from '../../support/chromium';
import {
  editorText, launch, openFolderAndCreateAnnualPlan, planFileText, tempFolder, typeAtEnd, waitSaved, windowContext,
} from './desktopHelpers';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => { await browser?.close(); });
// An app a failed test left running (its server and files with it).
afterEach(killChildren);
beforeEach(async () => { context = await windowContext(browser); });
afterEach(async () => { await context.close(); });

async function planFileName(folder: string): Promise<string> {
  return (await readdir(folder, { withFileTypes: true })).find((e) => e.isFile() && e.name.endsWith('.tandem'))!.name;
}

/** The same plan file as edited on another machine: the last paragraph gets `text` appended. */
function editedElsewhere(fileBytes: Buffer, text: string): Buffer {
  const { header, state } = decodePlanFile(fileBytes);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const blocks = planContent(doc).toDelta() as { insert: unknown }[];
  const last = [...blocks].reverse().find((b) => b.insert instanceof Y.XmlText)!.insert as Y.XmlText;
  last.insert(last.length, text);
  return encodePlanFile(header, Y.encodeStateAsUpdate(doc));
}

test('a copy from a sync folder and an older version from git are merged into the open plan, keeping what is being typed', async () => {
  const folder = tempFolder('tandem-desktop-outside-');
  let { app, page } = await launch(context, { answers: { openFolder: () => folder } });
  await openFolderAndCreateAnnualPlan(page);
  await typeAtEnd(page, 'Written on this machine.');
  await waitSaved(page);
  await app.quit();

  const name = await planFileName(folder);
  const older = await readFile(join(folder, name));
  const fromLaptop = editedElsewhere(older, ' Added on the laptop.');

  ({ app, page } = await launch(context, { home: app.home }));
  await editorText(page).getByText('Written on this machine.').waitFor();
  await typeAtEnd(page, ' Typed after the restart.');
  await waitSaved(page);

  // The sync tool writes its copy beside the file and renames it over, while the person keeps typing.
  await typeAtEnd(page, ' Still typing');
  await writeFile(join(folder, `.${name}.sync-tmp`), fromLaptop);
  await rename(join(folder, `.${name}.sync-tmp`), join(folder, name));
  await page.keyboard.type(' while it syncs.');
  await editorText(page).getByText(/Added on the laptop\./).waitFor({ timeout: 20_000 });

  // git checkout puts the older version back in place.
  await writeFile(join(folder, name), older);
  await page.keyboard.type(' And after the checkout.');
  await waitSaved(page);

  const expected = ['Written on this machine.', 'Typed after the restart.', 'Still typing while it syncs.', 'Added on the laptop.', 'And after the checkout.'];
  const screen = (await editorText(page).textContent()) ?? '';
  await page.screenshot({ path: artifactPath('desktop-outside-changes.png') });
  for (const phrase of expected) expect(screen).toContain(phrase);
  await app.quit();
  const inFile = await planFileText(folder);
  for (const phrase of expected) expect(inFile).toContain(phrase);
});

test('a damaged plan file is reported and set aside; the rest of the workspace opens and saves', async () => {
  const folder = tempFolder('tandem-desktop-damaged-');
  let { app, page } = await launch(context, { answers: { openFolder: () => folder } });
  await openFolderAndCreateAnnualPlan(page);
  await typeAtEnd(page, 'The good plan.');
  await waitSaved(page);
  await app.quit();

  // A copy of the plan whose first bytes a bad disk sector flipped.
  const damaged = Buffer.from(await readFile(join(folder, await planFileName(folder))));
  damaged[1] ^= 0xff;
  await writeFile(join(folder, 'q2-plan.tandem'), damaged);

  ({ app, page } = await launch(context, { home: app.home }));
  await editorText(page).getByText('The good plan.').waitFor();
  await expect.poll(() => app.dialogs.filter((d) => d.method === 'showMessageBox').map((d) => String(d.options.message)))
    .toEqual([expect.stringMatching(/"q2-plan\.tandem" could not be opened: .*moved it aside to "q2-plan\.tandem\.corrupt-/)]);
  const files = await readdir(folder);
  expect(files).not.toContain('q2-plan.tandem');
  const aside = files.find((n) => n.startsWith('q2-plan.tandem.corrupt-'))!;
  expect(await readFile(join(folder, aside))).toEqual(damaged);

  await typeAtEnd(page, ' Still works.');
  await waitSaved(page);
  await page.screenshot({ path: artifactPath('desktop-damaged-file.png') });
  await app.quit();
  expect(await planFileText(folder)).toContain('The good plan. Still works.');
});
