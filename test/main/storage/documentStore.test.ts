import { mkdtemp, readdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { DocumentStore, UnreadableDocumentError, type DocLocation } from '../../../main/storage/documentStore';
import { readJournal } from '../../../main/storage/journal';
import { decodePlanFile } from '../../../main/storage/planFile';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'tandem-store-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const loc = (name = 'plan', docId = 'plan_a'): DocLocation =>
  ({ docId, kind: 'plan', filePath: join(dir, `${name}.tandem`), journalPath: join(dir, `${name}.journal`) });

/** An edit made in a renderer-side copy, as the update bytes it would save. */
function edit(base: Y.Doc, text: string, at = 0): Uint8Array {
  let out: Uint8Array | null = null;
  base.once('update', (u: Uint8Array) => { out = u; });
  base.getText('t').insert(at, text);
  return out!;
}

async function newDocFile(store: DocumentStore, l: DocLocation, text = 'base'): Promise<Y.Doc> {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  await store.create(l, doc);
  return doc;
}

describe('DocumentStore', () => {
  it('journals each save before resolving, and replays file + journal on open', async () => {
    const store = new DocumentStore({ compactEvery: 1000, idleMs: 60_000 });
    const renderer = await newDocFile(store, loc());
    await store.open(loc());
    await store.save('plan_a', edit(renderer, 'one '));
    await store.save('plan_a', edit(renderer, 'two '));
    expect((await readJournal(loc().journalPath)).updates).toHaveLength(2);
    // No close, no compaction: a crash here must lose nothing.
    const reopened = await new DocumentStore().open(loc());
    expect(reopened.getText('t').toString()).toBe('two one base');
  });

  it('compacts into the file every N updates and empties the journal', async () => {
    const store = new DocumentStore({ compactEvery: 3, idleMs: 60_000 });
    const renderer = await newDocFile(store, loc());
    await store.open(loc());
    for (const w of ['a', 'b', 'c']) await store.save('plan_a', edit(renderer, w));
    expect((await readJournal(loc().journalPath)).updates).toHaveLength(0);
    const { state } = decodePlanFile(await readFile(loc().filePath));
    const fromFile = new Y.Doc();
    Y.applyUpdate(fromFile, state);
    expect(fromFile.getText('t').toString()).toBe('cbabase');
    await store.closeAll();
  });

  it('moves a corrupt file aside, explains it, and never overwrites it', async () => {
    const damaged = Buffer.from('TANDEM\r\n\x01\x00garbage that is not a plan');
    await writeFile(loc().filePath, damaged);
    const seen: UnreadableDocumentError[] = [];
    const store = new DocumentStore({ onUnreadable: (e) => seen.push(e) });
    const err = await store.open(loc()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableDocumentError);
    expect((err as Error).message).toMatch(/"plan\.tandem" could not be opened: .*moved it aside to "plan\.tandem\.corrupt-/);
    expect(seen).toHaveLength(1);
    const files = await readdir(dir);
    expect(files).not.toContain('plan.tandem');
    const aside = files.find((f) => f.startsWith('plan.tandem.corrupt-'))!;
    expect(await readFile(join(dir, aside))).toEqual(damaged);
    expect(store.isOpen('plan_a')).toBe(false);
  });

  it('merges a copy of the file edited elsewhere into the open document and reports what the renderer lacks', async () => {
    const external: Uint8Array[] = [];
    const store = new DocumentStore({ compactEvery: 1000, idleMs: 60_000, onExternalUpdate: (_id, u) => external.push(u) });
    const renderer = await newDocFile(store, loc(), 'shared base.');
    // Another machine got a copy of the file (a file-sync tool) and edited it there.
    await copyFile(loc().filePath, join(dir, 'elsewhere.tandem'));
    const elsewhereStore = new DocumentStore({ compactEvery: 1000 });
    const elsewhere = await elsewhereStore.open({ ...loc('elsewhere'), docId: 'plan_a' });
    const remoteRenderer = new Y.Doc();
    Y.applyUpdate(remoteRenderer, Y.encodeStateAsUpdate(elsewhere));
    await elsewhereStore.save('plan_a', edit(remoteRenderer, ' Remote edit.', remoteRenderer.getText('t').length));
    await elsewhereStore.closeAll();

    await store.open(loc());
    await store.save('plan_a', edit(renderer, 'Local edit. '));
    // The sync tool copies the other machine's file over ours while the plan is open.
    await copyFile(join(dir, 'elsewhere.tandem'), loc().filePath);
    await store.mergeFromDisk('plan_a');

    const text = (await store.open(loc())).getText('t').toString();
    expect(text).toContain('Local edit.');
    expect(text).toContain('Remote edit.');
    expect(external).toHaveLength(1);
    Y.applyUpdate(renderer, external[0]!);
    expect(renderer.getText('t').toString()).toBe(text);
    // The file now holds the union too, so the other machine gets our edit back.
    const onDisk = new Y.Doc();
    Y.applyUpdate(onDisk, decodePlanFile(await readFile(loc().filePath)).state);
    expect(onDisk.getText('t').toString()).toBe(text);
    await store.closeAll();
  });

  it('does not report our own file write as an external change', async () => {
    const external: Uint8Array[] = [];
    const store = new DocumentStore({ onExternalUpdate: (_id, u) => external.push(u) });
    const renderer = await newDocFile(store, loc());
    await store.open(loc());
    await store.save('plan_a', edit(renderer, 'x'));
    await store.compact('plan_a');
    await store.mergeFromDisk('plan_a');
    expect(external).toHaveLength(0);
    await store.closeAll();
  });

  it('moves aside a damaged file another program wrote while open, and rewrites the plan from memory', async () => {
    const seen: UnreadableDocumentError[] = [];
    const store = new DocumentStore({ onUnreadable: (e) => seen.push(e) });
    const renderer = await newDocFile(store, loc());
    await store.open(loc());
    await store.save('plan_a', edit(renderer, 'kept '));
    await writeFile(loc().filePath, 'half a file');
    await store.mergeFromDisk('plan_a');
    expect(seen).toHaveLength(1);
    expect(await readFile(seen[0]!.movedTo, 'utf8')).toBe('half a file');
    await store.closeAll();
    expect((await new DocumentStore().open(loc())).getText('t').toString()).toBe('kept base');
  });
});

describe('DocumentStore and a different document copied over an open one', () => {
  it('keeps both: the newcomer stays, the open document gets a file of its own', async () => {
    const moved: string[] = [];
    const store = new DocumentStore({ onMoved: (_id, l) => moved.push(l.filePath) });
    const renderer = await newDocFile(store, loc(), 'ours');
    await store.open(loc());
    await store.save('plan_a', edit(renderer, 'still '));
    const other = new DocumentStore();
    await newDocFile(other, loc('stranger', 'plan_b'), 'theirs');
    const strangerBytes = await readFile(loc('stranger').filePath);
    await copyFile(loc('stranger').filePath, loc().filePath);
    await store.mergeFromDisk('plan_a');
    expect(await readFile(loc().filePath)).toEqual(strangerBytes);
    expect(moved).toEqual([join(dir, 'plan-plan_a.tandem')]);
    const ours = await new DocumentStore().open({ ...loc(), filePath: moved[0]! , journalPath: join(dir, 'x.journal') });
    expect(ours.getText('t').toString()).toBe('still ours');
    await store.closeAll();
  });
});
