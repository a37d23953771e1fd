import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { DocumentStore, type DocLocation } from '../../../main/storage/documentStore';
import { encodeRecord, readJournal } from '../../../main/storage/journal';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'tandem-replay-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const loc: () => DocLocation = () => ({ docId: 'plan_a', kind: 'plan', filePath: join(dir, 'plan.tandem'), journalPath: join(dir, 'plan.journal') });

/**
 * A plan file, and `n` saved edits by `n` people (one map key each) as the updates the journal holds.
 * (Yjs holds back a person's later edits while an earlier one of theirs is missing, so independent
 * edits are what a damaged record can leave replayable.)
 */
async function planWithEdits(n: number): Promise<Uint8Array[]> {
  const doc = new Y.Doc();
  doc.getMap('m').set('base', 'file');
  await new DocumentStore().create(loc(), doc);
  const updates: Uint8Array[] = [];
  for (let i = 1; i <= n; i++) {
    const person = new Y.Doc();
    Y.applyUpdate(person, Y.encodeStateAsUpdate(doc));
    person.once('update', (u: Uint8Array) => updates.push(u));
    person.getMap('m').set(`edit${i}`, `saved ${i}`);
  }
  return updates;
}

const keysOf = (doc: Y.Doc) => [...doc.getMap('m').keys()].sort();
const asideFiles = async () => (await readdir(dir)).filter((n) => n.startsWith('plan.journal.corrupt-'));

async function openAndReopen(journal: Buffer): Promise<{ first: string[]; second: string[]; aside: string[]; setAside: unknown[] }> {
  await writeFile(loc().journalPath, journal);
  const setAside: unknown[] = [];
  const store = new DocumentStore({ onJournalSetAside: (info) => setAside.push(info) });
  const first = keysOf(await store.open(loc()));
  await store.closeAll();
  const second = keysOf(await new DocumentStore().open(loc()));
  return { first, second, aside: await asideFiles(), setAside };
}

describe('journal replay after damage', () => {
  it('replays the records after a run of zero bytes (power loss) and keeps the damaged journal aside', async () => {
    const [a, b, c] = await planWithEdits(3);
    const journal = Buffer.concat([encodeRecord(a!), Buffer.alloc(4096), encodeRecord(b!), encodeRecord(c!)]);
    const got = await openAndReopen(journal);
    expect(got.first).toEqual(['base', 'edit1', 'edit2', 'edit3']);
    expect(got.second).toEqual(['base', 'edit1', 'edit2', 'edit3']);
    expect(got.aside).toHaveLength(1);
    expect(await readFile(join(dir, got.aside[0]!))).toEqual(journal);
    expect(got.setAside).toEqual([expect.objectContaining({ docId: 'plan_a', replayed: 3 })]);
  });

  it('skips a junk record with a valid checksum and replays the ones after it', async () => {
    const [a, b] = await planWithEdits(2);
    const journal = Buffer.concat([encodeRecord(a!), encodeRecord(new Uint8Array([0xff, 0xfe, 0xfd, 0x07])), encodeRecord(b!)]);
    const got = await openAndReopen(journal);
    expect(got.first).toEqual(['base', 'edit1', 'edit2']);
    expect(got.second).toEqual(['base', 'edit1', 'edit2']);
    expect(got.aside).toHaveLength(1);
  });

  it('skips a record with a flipped bit and replays every later, already-fsynced one', async () => {
    const [a, b, c, d] = await planWithEdits(4);
    const bad = encodeRecord(b!);
    bad[bad.length - 2]! ^= 0x10;
    const journal = Buffer.concat([encodeRecord(a!), bad, encodeRecord(c!), encodeRecord(d!)]);
    const got = await openAndReopen(journal);
    expect(got.first).toEqual(['base', 'edit1', 'edit3', 'edit4']);
    expect(got.second).toEqual(['base', 'edit1', 'edit3', 'edit4']);
    expect(got.aside).toHaveLength(1);
    expect(await readFile(join(dir, got.aside[0]!))).toEqual(journal); // edit2's bytes are still there for a person to rescue
  });

  it('refuses zero-length records', async () => {
    const [a] = await planWithEdits(1);
    await writeFile(loc().journalPath, Buffer.concat([Buffer.alloc(8), encodeRecord(a!)])); // length 0, and crc32 of nothing is 0
    expect((await readJournal(loc().journalPath)).updates).toEqual([a]);
    expect(() => encodeRecord(new Uint8Array(0))).toThrow(/empty/);
  });

  it('keeps saving after a damaged journal was set aside', async () => {
    const [a, b] = await planWithEdits(2);
    await writeFile(loc().journalPath, Buffer.concat([encodeRecord(a!), Buffer.alloc(64)]));
    const store = new DocumentStore({ compactEvery: 1000, idleMs: 60_000 });
    await store.open(loc());
    await store.save('plan_a', b!);
    expect((await readJournal(loc().journalPath)).updates).toEqual([b]);
    await store.closeAll();
    expect(keysOf(await new DocumentStore().open(loc()))).toEqual(['base', 'edit1', 'edit2']);
  });

  it('cuts a record torn at the end (a crash mid-append) without setting anything aside', async () => {
    const [a, b] = await planWithEdits(2);
    await writeFile(loc().journalPath, encodeRecord(a!));
    await appendFile(loc().journalPath, encodeRecord(b!).subarray(0, 6));
    const got = keysOf(await new DocumentStore().open(loc()));
    expect(got).toEqual(['base', 'edit1']);
    expect(await asideFiles()).toEqual([]);
  });
});
