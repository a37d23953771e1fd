/**
 * Opening a plan in the real workbench: the web app (sync server serving a fresh build of the UI),
 * plans written through the server, and a person who clicks one in the explorer. Measured in the page
 * from the click to the first frame that shows the plan's text. As in the app, the side views have
 * already loaded every plan of the workspace (the goal tree and problems span all plans; the Comments
 * view every plan's comments), so this is the editor and the views taking the plan up, not the loading.
 *
 * The same plan twice, one without comments and one with `threads` threads (half on
 * words of the prose, half on goals' targets, a reply each, written by a colleague through the
 * server), opened in turn; also the time until its comments show (a badge or a highlight).
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser } from 'playwright-core';
import { type Descendant } from 'slate';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { textAnchor, type Anchor } from '../../../shared/comments/anchors';
import { createThread, reply, threadsMap } from '../../../shared/comments/commentsDoc';
import { type GoalElement } from '../../../shared/model/elements';
import { readPlanContent } from '../../../shared/model/planDoc';
import { newBrowserUser } from '../../support/browserUser';
import { planWrittenThroughServer, type WrittenPlan } from '../../support/planThroughServer';
import { waitUntil } from '../../support/waitUntil';
import { startWebApp, type WebApp } from '../../support/webApp';
import { planBlocks } from './benchPlan';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const AUTHOR = 'Ana';

type Target = { title: string; threads: number };
type Times = { shown: number; comments: number | null };

/** Open times of the plan without comments and with `threads` threads, and when those comments showed. */
export async function workbenchOpenTimes(browser: Browser, blocks: number, opens: number, threads: number) {
  const [plain, commented] = await openInTurn(browser, blocks, opens, [
    { title: 'Plan without comments', threads: 0 }, { title: `Plan with ${threads} comment threads`, threads },
  ]);
  return { plain: plain!.map((t) => t.shown), commented: commented!.map((t) => t.shown), commentsShown: commented!.map((t) => t.comments!) };
}

async function openInTurn(browser: Browser, blocks: number, opens: number, targets: Target[]): Promise<Times[][]> {
  execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'pipe' });
  const app = await startWebApp();
  const content = planBlocks(blocks);
  const closers: (() => void)[] = [];
  try {
    for (const t of targets) {
      const written = await planWrittenThroughServer(app, t.title, content);
      closers.push(() => written.provider.destroy());
      if (t.threads > 0) closers.push(await writeComments(app, written, content, t.threads));
    }
    const times: Times[][] = targets.map(() => []);
    // In turn, the order swapped every round: neither plan always comes first after a quiet moment.
    for (let i = 0; i < opens; i++) {
      const order = [...targets.keys()];
      if (i % 2) order.reverse();
      for (const n of order) times[n]!.push(await openOnce(browser, app, targets[n]!));
    }
    return times;
  } finally {
    closers.forEach((c) => c());
    await app.close();
  }
}

async function openOnce(browser: Browser, app: WebApp, target: Target): Promise<Times> {
  const { context, page } = await newBrowserUser(browser, { name: AUTHOR, color: '#db2777' }, { viewport: { width: 1400, height: 900 } });
  try {
    await page.goto(`${app.url}/?token=${encodeURIComponent(await app.tokenFor(AUTHOR, 'editor'))}`);
    const item = page.getByRole('treeitem', { name: new RegExp(`^${target.title}`) }).first();
    await item.waitFor({ timeout: 60_000 });
    await page.waitForTimeout(2_000); // the side views load the plans and their comments in the background, as they do in the app
    // Page scripts as text: tsx would otherwise wrap named functions in a helper the page does not have.
    await page.evaluate('document.addEventListener("click", (e) => { window.clickedAt ??= e.timeStamp; }, true)');
    const shown = page.evaluate<number>(frameWhen('document.querySelector(\'[data-slate-editor] [data-slate-node="element"]\')'));
    const comments = target.threads > 0 ? page.evaluate<number>(frameWhen('document.querySelector(".tandem-comment-badge.has-open, .tandem-comment-mark")')) : null;
    await item.click();
    const clickedAt = async () => page.evaluate<number>('window.clickedAt ?? 0');
    const at = await shown;
    const commentsAt = comments ? await comments : null;
    const clicked = await clickedAt();
    return { shown: at - clicked, comments: commentsAt === null ? null : commentsAt - clicked };
  } finally {
    await context.close();
  }
}

/** A page script resolving with the time of the first animation frame at which `condition` holds. */
const frameWhen = (condition: string) => `new Promise((resolve) => {
  const check = () => {
    if (${condition}) resolve(performance.now());
    else requestAnimationFrame(check);
  };
  check();
})`;

/** `threads` threads on the plan, written by a colleague through the server; resolves once the server has them all. */
async function writeComments(app: WebApp, plan: WrittenPlan, content: Descendant[], threads: number): Promise<() => void> {
  const slate = readPlanContent(plan.doc);
  const paragraphs = slate.flatMap((n, i) => ('type' in n && n.type === 'paragraph' ? [i] : []));
  const goals = content.filter((n): n is GoalElement => 'type' in n && n.type === 'goal');
  const connect = async () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(app.url.replace(/^http/, 'ws'), `${app.workspaceId}/${plan.plan.id}/comments`, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, params: { token: await app.tokenFor(AUTHOR, 'editor') },
    });
    await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
    return { doc, provider };
  };
  const writer = await connect();
  writer.doc.transact(() => {
    for (let i = 0; i < threads; i++) {
      const block = paragraphs[(i * 17) % paragraphs.length]!;
      const anchor: Anchor = i % 2
        ? textAnchor(plan.doc, slate, { anchor: { path: [block, 0], offset: 0 }, focus: { path: [block, 0], offset: 14 } })
        : { kind: 'goal', goalId: goals[i % goals.length]!.id, field: 'target' };
      const { threadId } = createThread(writer.doc, { author: AUTHOR, anchor, text: `Question ${i}: is this realistic for the quarter?` });
      reply(writer.doc, threadId, { author: AUTHOR, text: 'Yes, with the two new SDRs.' });
    }
  });
  const check = await connect();
  await waitUntil(() => threadsMap(check.doc).size === threads, `the server to hold ${threads} comment threads`, 60_000, 100);
  check.provider.destroy();
  return () => writer.provider.destroy();
}
