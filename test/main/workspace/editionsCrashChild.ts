/**
 * Crash-test child: opens a workspace folder through the real WorkspaceFolder, then edits its plan and
 * saves an edition of it, over and over, printing `saved <n>` only after both saves resolved, until
 * its parent kills it. Each round types `[n]` and some filler into the plan's first paragraph, and
 * every other round deletes the filler again (deletions between editions).
 * Usage: node editionsCrashChild.cjs <workspace> <firstRound>   (cwd: the repository, for the templates)
 */
import { rename } from 'node:fs/promises';
import * as Y from 'yjs';
import { WorkspaceFolder } from '../../../main/workspace/workspaceFolder';
import { loadTemplates } from '../../../main/templates/loadTemplates';
import { planContent } from '../../../shared/model/planDoc';
import { saveEdition } from '../../../shared/editions/editionsDoc';
import { sideDocId } from '../../../shared/sync/rooms';

const [root, first] = process.argv.slice(2) as [string, string];

/** The update a change makes, captured as the editor's collab session would save it. */
function change(doc: Y.Doc, fn: () => void): Uint8Array {
  let update: Uint8Array | null = null;
  const take = (u: Uint8Array) => { update = u; };
  doc.on('update', take);
  fn();
  doc.off('update', take);
  return update!;
}

async function main(): Promise<void> {
  const folder = await WorkspaceFolder.open(root, { templates: () => loadTemplates(), trash: (p) => rename(p, `${p}.trashed`), watch: false, compactEvery: 4, idleMs: 5, log: () => {} });
  const planId = (await folder.listPlans())[0]?.id ?? (await folder.createPlan({ templateId: 'campaign-plan', title: 'Crash plan' })).id;
  const plan = new Y.Doc();
  Y.applyUpdate(plan, await folder.load(planId));
  const editionsId = sideDocId(planId, 'editions');
  const editions = new Y.Doc();
  Y.applyUpdate(editions, await folder.load(editionsId));
  process.stdout.write(`ready ${planId}\n`);
  const paragraph = () => (planContent(plan).toDelta() as { insert: Y.XmlText }[]).map((op) => op.insert).find((t) => t.getAttribute('type') === 'paragraph')!;
  for (let n = Number(first); ; n++) {
    const marker = `[${n}]`;
    await folder.save(planId, change(plan, () => paragraph().insert(0, `${marker}xxxx`)));
    if (n % 2) await folder.save(planId, change(plan, () => paragraph().delete(marker.length, 4)));
    await folder.save(editionsId, change(editions, () => void saveEdition(plan, editions, { name: `Edition ${n}`, author: 'Ana', id: `edition_n${n}` })));
    process.stdout.write(`saved ${n}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exit(1);
});
