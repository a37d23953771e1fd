/**
 * The `.tandem` file format: a fixed magic, a format version, a small JSON header a person (or a
 * listing) can read without decoding Yjs, then the whole Yjs state as one update, guarded by its
 * length and a CRC-32. See docs/plan-file-format.md.
 */
import { crc32 } from 'node:zlib';
import { SIDE_KINDS, type SideKind } from '../../shared/sync/rooms';

export const MAGIC = Buffer.from('TANDEM\r\n', 'latin1');
export const FORMAT_VERSION = 1;
export const FILE_EXTENSION = '.tandem';

export type DocKind = 'plan' | 'workspace' | SideKind;
const DOC_KINDS: ReadonlySet<unknown> = new Set<DocKind>(['plan', 'workspace', ...SIDE_KINDS]);

export type FileHeader = {
  /** The document id inside the workspace (a plan id, `workspace`, or `<planId>/<kind>` beside a plan). */
  docId: string;
  kind: DocKind;
  /** When this file was written (ISO time), for people and file listings. */
  writtenAt: string;
  /** A copy of a plan's title, template and creation time, so a folder is listed from headers alone. The document stays the truth. */
  title?: string;
  templateId?: string;
  createdAt?: string;
};

/** A file that cannot be read as a Tandem document; `reason` is written for the person who sees it. */
export class CorruptFileError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'CorruptFileError';
  }
}

/** A file that ends too early: damaged, or still being written by another program (a copy, a sync tool). */
export class TruncatedFileError extends CorruptFileError {}

const FIXED = MAGIC.length + 2 + 4; // magic, version u16, header length u32

export function encodePlanFile(header: FileHeader, state: Uint8Array): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const out = Buffer.alloc(FIXED + json.length + 8 + state.byteLength);
  let at = MAGIC.copy(out, 0);
  at = out.writeUInt16LE(FORMAT_VERSION, at);
  at = out.writeUInt32LE(json.length, at);
  at += json.copy(out, at);
  at = out.writeUInt32LE(state.byteLength, at);
  at = out.writeUInt32LE(crc32(state), at);
  out.set(state, at);
  return out;
}

/** Where the header ends, as the file's first bytes declare it (null while fewer than the fixed part are given). */
export function declaredHeaderEnd(prefix: Uint8Array): number | null {
  if (prefix.byteLength < FIXED) return null;
  return FIXED + Buffer.from(prefix.buffer, prefix.byteOffset, prefix.byteLength).readUInt32LE(MAGIC.length + 2);
}

/** Reads only the header: cheap enough to list a folder of large plans. */
export function decodeHeader(bytes: Uint8Array): { header: FileHeader; stateAt: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < FIXED) throw new TruncatedFileError('the file is too short to be a Tandem document');
  if (!buf.subarray(0, MAGIC.length).equals(MAGIC)) throw new CorruptFileError('the file is not a Tandem document (wrong signature)');
  const version = buf.readUInt16LE(MAGIC.length);
  if (version > FORMAT_VERSION) {
    throw new CorruptFileError(`the file was written by a newer Tandem (format ${version}, this version reads up to ${FORMAT_VERSION})`);
  }
  const headerLen = buf.readUInt32LE(MAGIC.length + 2);
  if (FIXED + headerLen > buf.length) throw new TruncatedFileError('the file is truncated (header cut short)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(buf.subarray(FIXED, FIXED + headerLen).toString('utf8'));
  } catch {
    throw new CorruptFileError('the file header is damaged');
  }
  const h = parsed as Partial<FileHeader> | null;
  if (!h || typeof h.docId !== 'string' || !DOC_KINDS.has(h.kind)) {
    throw new CorruptFileError('the file header is damaged (no document id)');
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const header: FileHeader = { docId: h.docId, kind: h.kind!, writtenAt: String(h.writtenAt ?? '') };
  for (const key of ['title', 'templateId', 'createdAt'] as const) {
    const value = text(h[key]);
    if (value !== undefined) header[key] = value;
  }
  return { header, stateAt: FIXED + headerLen };
}

/**
 * Decodes and checks a whole file: header, length and checksum. Whether Yjs can apply the state is
 * checked where it is applied (once, into the document being opened), not twice.
 */
export function decodePlanFile(bytes: Uint8Array): { header: FileHeader; state: Uint8Array } {
  const { header, stateAt } = decodeHeader(bytes);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (stateAt + 8 > buf.length) throw new CorruptFileError('the file is truncated (no document state)');
  const len = buf.readUInt32LE(stateAt);
  const sum = buf.readUInt32LE(stateAt + 4);
  const state = buf.subarray(stateAt + 8);
  if (state.length < len) throw new CorruptFileError(`the file is truncated (${state.length} of ${len} bytes of document state)`);
  if (state.length > len) throw new CorruptFileError('the file has unexpected bytes after the document state');
  if (crc32(state) !== sum) throw new CorruptFileError('the file is damaged (checksum mismatch)');
  return { header, state: new Uint8Array(state) };
}
