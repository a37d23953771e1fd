import { mkdtemp, readFile, rm, stat, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJournal, encodeRecord, Journal, readJournal } from '../../../main/storage/journal';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'tandem-journal-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const u = (...b: number[]) => new Uint8Array(b);

describe('journal', () => {
  it('returns appended updates in order', async () => {
    const path = join(dir, 'a.journal');
    const j = await Journal.open(path, 0);
    await j.append(u(1, 2, 3));
    await j.append(u(4));
    await j.close();
    expect((await readJournal(path)).updates).toEqual([u(1, 2, 3), u(4)]);
  });

  it('ignores a torn last record at every cut point and keeps all whole ones', () => {
    const whole = Buffer.concat([encodeRecord(u(1, 1)), encodeRecord(u(2, 2, 2))]);
    const last = encodeRecord(u(9, 9, 9, 9));
    for (let cut = 0; cut < last.length; cut++) {
      const got = decodeJournal(Buffer.concat([whole, last.subarray(0, cut)]));
      expect(got.updates).toEqual([u(1, 1), u(2, 2, 2)]);
      expect(got.validBytes).toBe(whole.length);
      expect(got.damaged).toBe(false);
    }
  });

  it('skips a record whose checksum fails, reads the ones after it, and reports the journal damaged', () => {
    const bad = encodeRecord(u(5, 5));
    bad[9]! ^= 1;
    const got = decodeJournal(Buffer.concat([encodeRecord(u(1)), bad, encodeRecord(u(2))]));
    expect(got.updates).toEqual([u(1), u(2)]);
    expect(got).toMatchObject({ validBytes: 9, damaged: true });
  });

  it('resynchronises after a damaged length, and after a run of zero bytes', () => {
    const bad = encodeRecord(u(5, 5));
    bad[0]! ^= 0x40;
    expect(decodeJournal(Buffer.concat([encodeRecord(u(1)), bad, encodeRecord(u(2))])).updates).toEqual([u(1), u(2)]);
    expect(decodeJournal(Buffer.concat([encodeRecord(u(1)), Buffer.alloc(1000), encodeRecord(u(3, 3))])).updates).toEqual([u(1), u(3, 3)]);
    expect(decodeJournal(Buffer.concat([encodeRecord(u(1)), Buffer.alloc(1000)]))).toMatchObject({ updates: [u(1)], damaged: true });
  });

  it('cuts a torn tail before appending, so later records stay readable', async () => {
    const path = join(dir, 'b.journal');
    await writeFile(path, encodeRecord(u(1)));
    await appendFile(path, encodeRecord(u(7, 7, 7)).subarray(0, 5));
    const before = await readJournal(path);
    expect(before.tornBytes).toBe(5);
    const j = await Journal.open(path, before.validBytes);
    await j.append(u(2));
    await j.close();
    expect((await readJournal(path)).updates).toEqual([u(1), u(2)]);
  });

  it('clear empties the file', async () => {
    const path = join(dir, 'c.journal');
    const j = await Journal.open(path, 0);
    await j.append(u(1));
    await j.clear();
    await j.append(u(3));
    await j.close();
    expect((await readJournal(path)).updates).toEqual([u(3)]);
    expect((await stat(path)).size).toBe((await readFile(path)).length);
  });

  it('reads a missing journal as empty', async () => {
    expect(await readJournal(join(dir, 'none.journal'))).toEqual({ updates: [], validBytes: 0, tornBytes: 0, damaged: false });
  });
});
