/**
 * Crash-test child: opens a plan through the real DocumentStore and saves a storm of updates,
 * printing `saved <n>` only after each save resolved, until its parent kills it.
 * Usage: node crashChild.cjs <dir> <firstKey>
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { DocumentStore, type DocLocation } from '../../../main/storage/documentStore';

const [dir, first] = process.argv.slice(2) as [string, string];
const location: DocLocation = { docId: 'plan_crash', kind: 'plan', filePath: join(dir, 'crash.tandem'), journalPath: join(dir, 'crash.journal') };

async function main(): Promise<void> {
  const store = new DocumentStore({ compactEvery: 10, idleMs: 5 });
  if (!existsSync(location.filePath)) await store.create(location, new Y.Doc());
  const doc = await store.open(location);
  const renderer = new Y.Doc();
  Y.applyUpdate(renderer, Y.encodeStateAsUpdate(doc));
  process.stdout.write('ready\n');
  for (let n = Number(first); ; n++) {
    let update: Uint8Array | null = null;
    renderer.once('update', (u: Uint8Array) => { update = u; });
    renderer.getMap('m').set(`k${n}`, `value ${n} `.repeat(1 + (n % 7)));
    await store.save(location.docId, update!);
    process.stdout.write(`saved ${n}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exit(1);
});
