/**
 * The Conflicts view across the workspace: values of Ana's replaced by Ben in two different plans are
 * both listed, each with its plan, who replaced it, with what, and when. The replacements happen
 * between real y-websocket clients (Ana's writing as her browser's device) through the real server;
 * Ana then opens the app in Chromium.
 */
import * as Y from 'yjs';
import { openConflicts } from '../../shared/conflicts/conflictRecords';
import { watchConflicts } from '../../shared/conflicts/watchConflicts';
import { newGoal } from '../../shared/model/blocks';
import { planContent } from '../../shared/model/planDoc';
import { connectClient, synced, waitFor, type Client } from '../main/server/helpers';
import { artifactPath } from '../support/chromium';
import { planWrittenThroughServer } from '../support/planThroughServer';
import { appUnderTest, openAs } from './workbenchHelpers';

const ANA_DEVICE = 'device_ana_laptop';
const t = appUnderTest();
const clients: Client[] = [];
const stops: (() => void)[] = [];

afterAll(() => {
  stops.forEach((stop) => stop());
  clients.forEach((c) => c.destroy());
});

/** The plan's one goal, as its Yjs element. */
const goalIn = (doc: Y.Doc) => (planContent(doc).toDelta() as { insert: unknown }[]).map((op) => op.insert).find((x): x is Y.XmlText => x instanceof Y.XmlText && x.getAttribute('type') === 'goal')!;

/**
 * A plan with one goal whose target Ana sets to `mine` while Ben, offline, sets it to `theirs`; Ben's
 * value wins. Returns the record of Ana's replaced value, as the server has it.
 */
async function replacedTarget(title: string, mine: number, theirs: number) {
  const { plan, provider, doc: seen } = await planWrittenThroughServer(t.app, title, [newGoal({ title: `${title} goal`, metricName: 'Win rate', metricUnit: '%', target: 30 })]);
  provider.destroy();
  const ws = new URL(t.app.url).origin.replace(/^http/, 'ws');
  const room = `${t.app.workspaceId}/${plan.id}`;
  const person = async (name: string, device: string, clientID: number) => {
    const doc = new Y.Doc();
    doc.clientID = clientID; // Ben's higher id makes his concurrent value the one kept
    stops.push(watchConflicts(doc, { me: { name, device } }));
    const client = connectClient(ws, room, await t.app.tokenFor(name, 'editor'), doc);
    clients.push(client);
    await synced(client);
    return client;
  };
  const ana = await person('Ana Ortiz', ANA_DEVICE, 1000 + mine);
  const ben = await person('Ben Adler', 'device_ben', 2 ** 30 + theirs);
  ben.provider.disconnect();
  goalIn(ben.doc).setAttribute('target', theirs);
  goalIn(ana.doc).setAttribute('target', mine);
  ben.provider.connect();
  await waitFor(() => openConflicts(seen, ANA_DEVICE).length === 1 || openConflicts(ana.doc, ANA_DEVICE).length === 1, `Ana's replaced target in ${title}`);
  expect(goalIn(ana.doc).getAttribute('target')).toBe(theirs);
  provider.destroy();
  return openConflicts(ana.doc, ANA_DEVICE)[0]!;
}

it('lists Ana\'s values replaced in two plans, each with its plan, who, what and when', async () => {
  const first = await replacedTarget('East region plan', 40, 45);
  const second = await replacedTarget('West region plan', 25, 35);

  const { page, context, errors } = await openAs(t.browser, t.app, 'Ana Ortiz', { device: ANA_DEVICE });
  await page.getByRole('contentinfo', { name: 'Status Bar' }).getByRole('button', { name: /^Problems:/ }).click();
  await page.getByRole('tab', { name: 'Conflicts' }).click();
  const rows = page.getByRole('listbox', { name: 'Conflicts' }).getByRole('option');
  await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(2);
  const when = (iso: string) => new Date(iso).toLocaleString('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  // Newest first: the West plan's replacement happened last.
  expect(await rows.nth(0).getAttribute('aria-label')).toBe(`West region plan, goal “West region plan goal”: Ben Adler replaced your target 25 with 35, ${when(second.at)}`);
  expect(await rows.nth(1).getAttribute('aria-label')).toBe(`East region plan, goal “East region plan goal”: Ben Adler replaced your target 40 with 45, ${when(first.at)}`);
  expect(await rows.nth(1).textContent()).toContain(when(first.at));
  await page.screenshot({ path: artifactPath('conflicts-across-plans.png') });
  expect(errors).toEqual([]);
  await context.close();
});
