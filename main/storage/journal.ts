/**
 * An append-only journal of Yjs updates. Each record is `[length u32][crc32 u32][update]`; a record
 * is durable once `append` resolves (write + fsync). A crash can leave a torn last record: reading
 * stops at the first record whose length or checksum does not hold, and `openJournal` cuts the file
 * back to the last whole record before appending, so a torn tail never hides later records.
 */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';

const RECORD_HEAD = 8;

export type JournalContents = {
  updates: Uint8Array[];
  /** Bytes of whole, checked records; anything after them is a torn tail. */
  validBytes: number;
  tornBytes: number;
};

export function encodeRecord(update: Uint8Array): Buffer {
  const out = Buffer.alloc(RECORD_HEAD + update.byteLength);
  out.writeUInt32LE(update.byteLength, 0);
  out.writeUInt32LE(crc32(update), 4);
  out.set(update, RECORD_HEAD);
  return out;
}

export function decodeJournal(bytes: Uint8Array): JournalContents {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const updates: Uint8Array[] = [];
  let at = 0;
  while (at + RECORD_HEAD <= buf.length) {
    const len = buf.readUInt32LE(at);
    const end = at + RECORD_HEAD + len;
    if (end > buf.length) break;
    const body = buf.subarray(at + RECORD_HEAD, end);
    if (crc32(body) !== buf.readUInt32LE(at + 4)) break;
    updates.push(new Uint8Array(body));
    at = end;
  }
  return { updates, validBytes: at, tornBytes: buf.length - at };
}

export async function readJournal(path: string): Promise<JournalContents> {
  try {
    return decodeJournal(await readFile(path));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { updates: [], validBytes: 0, tornBytes: 0 };
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
