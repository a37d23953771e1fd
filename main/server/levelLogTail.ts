/**
 * How much of LevelDB's write-ahead logs a crash cut off. LevelDB replays a `.log` up to its last whole
 * record and silently drops a record cut short at the end (a crash mid-write), so this reads the log
 * format (doc/log_format.md of LevelDB: 32 KiB blocks of records with a 7-byte header — checksum 4,
 * length 2, type 1 — and FIRST/MIDDLE/LAST fragments for records spanning blocks) and reports the
 * bytes after the last whole record. Run before the store opens: opening replays and replaces the logs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const BLOCK = 32 * 1024;
const HEADER = 7;
const FULL = 1;
const LAST = 4;

export type LogTail = { file: string; droppedBytes: number };

/** The bytes after the last whole record of one log. */
export function droppedLogBytes(log: Buffer): number {
  let pos = 0;
  /** The end of the last whole record (a FULL one, or the LAST fragment of one). */
  let wholeEnd = 0;
  while (pos < log.length) {
    const left = BLOCK - (pos % BLOCK);
    if (left < HEADER) {
      pos += left; // a block's trailer of zeros
      continue;
    }
    if (log.length - pos < HEADER) break;
    const length = log.readUInt16LE(pos + 4);
    const type = log[pos + 6]!;
    if (type === 0 && length === 0) {
      pos += left; // preallocated zeros: the rest of the block is empty
      continue;
    }
    if (pos + HEADER + length > log.length) break;
    pos += HEADER + length;
    if (type === FULL || type === LAST) wholeEnd = pos;
  }
  return Math.max(0, log.length - wholeEnd - trailingZeros(log, wholeEnd));
}

/** Zero bytes from `from` to the end (block padding and preallocation are not lost data). */
function trailingZeros(log: Buffer, from: number): number {
  let end = log.length;
  while (end > from && log[end - 1] === 0) end--;
  return end === from ? log.length - from : 0;
}

/** Every `.log` of the LevelDB folder `dir` that ends in a record cut short. */
export function truncatedLogTails(dir: string): LogTail[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /^\d+\.log$/.test(f));
  } catch {
    return [];
  }
  return files
    .map((file) => ({ file: join(dir, file), droppedBytes: droppedLogBytes(readFileSync(join(dir, file))) }))
    .filter((t) => t.droppedBytes > 0);
}
