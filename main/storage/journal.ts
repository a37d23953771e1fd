/**
 * An append-only journal of Yjs updates. Each record is `[length u32][crc32 u32][update]` with a
 * length above zero; a record is durable once `append` resolves (write + fsync).
 *
 * A crash can leave a torn last record: `decodeJournal` stops there and `Journal.open` cuts the file
 * back to the last whole record before appending. Any other damage (a run of zero bytes after a power
 * loss, a flipped bit, junk) is skipped: reading resynchronises on the next record whose length and
 * checksum hold, and reports the journal `damaged`, so the store replays what it can and keeps the
 * damaged file aside instead of cutting it.
 */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';

const RECORD_HEAD = 8;

export type JournalContents = {
  updates: Uint8Array[];
  /** Bytes of whole, checked records before the first bad byte. */
  validBytes: number;
  /** Bytes after `validBytes`: a torn last record when the journal is not damaged. */
  tornBytes: number;
  /** Bytes were skipped that are not a torn last record; later records may have been recovered. */
  damaged: boolean;
};

export function encodeRecord(update: Uint8Array): Buffer {
  if (update.byteLength === 0) throw new Error('a journal record cannot be empty');
  const out = Buffer.alloc(RECORD_HEAD + update.byteLength);
  out.writeUInt32LE(update.byteLength, 0);
  out.writeUInt32LE(crc32(update), 4);
  out.set(update, RECORD_HEAD);
  return out;
}

/** The end of a whole, checked, non-empty record starting at `at`, or null. */
function recordEnd(buf: Buffer, at: number): number | null {
  if (at + RECORD_HEAD > buf.length) return null;
  const len = buf.readUInt32LE(at);
  const end = at + RECORD_HEAD + len;
  if (len === 0 || end > buf.length) return null;
  return crc32(buf.subarray(at + RECORD_HEAD, end)) === buf.readUInt32LE(at + 4) ? end : null;
}

/** A record that starts at `at` and runs past the end of the file: what an interrupted append leaves. */
function cutShort(buf: Buffer, at: number): boolean {
  if (at + RECORD_HEAD > buf.length) return true;
  const len = buf.readUInt32LE(at);
  return len > 0 && at + RECORD_HEAD + len > buf.length;
}

export function decodeJournal(bytes: Uint8Array): JournalContents {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const updates: Uint8Array[] = [];
  let at = 0;
  let firstBad = -1;
  let recoveredAfterBad = false;
  while (at < buf.length) {
    const end = recordEnd(buf, at);
    if (end !== null) {
      updates.push(new Uint8Array(buf.subarray(at + RECORD_HEAD, end)));
      if (firstBad >= 0) recoveredAfterBad = true;
      at = end;
      continue;
    }
    if (firstBad < 0) {
      firstBad = at;
      if (cutShort(buf, at) && at + RECORD_HEAD > buf.length) break; // not even a whole record head left
    }
    // A record whose body is damaged but whose length holds: the next one starts right after it.
    const skip = at + RECORD_HEAD + (at + RECORD_HEAD <= buf.length ? buf.readUInt32LE(at) : 0);
    at = skip > at + RECORD_HEAD && recordEnd(buf, skip) !== null ? skip : at + 1;
  }
  const validBytes = firstBad < 0 ? buf.length : firstBad;
  const damaged = firstBad >= 0 && (recoveredAfterBad || !cutShort(buf, firstBad));
  return { updates, validBytes, tornBytes: buf.length - validBytes, damaged };
}

export async function readJournal(path: string): Promise<JournalContents> {
  try {
    return decodeJournal(await readFile(path));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { updates: [], validBytes: 0, tornBytes: 0, damaged: false };
    throw e;
  }
}

export class Journal {
  private constructor(private readonly handle: FileHandle, private size: number) {}

  /** Opens (or creates) the journal for appending, cutting off a torn tail first. */
  static async open(path: string, validBytes: number): Promise<Journal> {
    const handle = await open(path, 'a+');
    const { size } = await handle.stat();
    if (size !== validBytes) {
      await handle.truncate(validBytes);
      await handle.sync();
    }
    return new Journal(handle, validBytes);
  }

  get byteLength(): number {
    return this.size;
  }

  /** Resolves once the update is on disk (fsync). */
  async append(update: Uint8Array): Promise<void> {
    const record = encodeRecord(update);
    await this.handle.write(record, 0, record.length, null);
    await this.handle.sync();
    this.size += record.length;
  }

  /** Empties the journal: called only after its updates are durable in the document file. */
  async clear(): Promise<void> {
    await this.handle.truncate(0);
    await this.handle.sync();
    this.size = 0;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
