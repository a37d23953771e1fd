/**
 * The one owner of the plan id ↔ file map of a workspace folder: which `<slug>.tandem` file holds
 * which plan, and each file's header as last scanned (so plans are listed without opening them).
 */
import { open, readdir, type FileHandle } from 'node:fs/promises';
import { WORKSPACE_DOC_ID } from '../../shared/model/workspaceDoc';
import { ROOM_PART } from '../../shared/sync/rooms';
import { type Log } from '../server/log';
import { CorruptFileError, declaredHeaderEnd, decodeHeader, FILE_EXTENSION, TruncatedFileError, type FileHeader } from '../storage/planFile';
import { childPath, slugify } from './safePath';
import { assertDocId, WorkspaceError } from './workspaceError';

/** Enough for the header of any file Tandem writes; a longer one (written elsewhere) is read whole. */
const HEADER_PROBE_BYTES = 64 * 1024;
/** A file cut short that changed this recently is taken to be still being written, not damaged. */
const STILL_WRITING_MS = 2_000;

export type PlanFileIndexOptions = {
  /** A file whose header cannot be read: open it through the store, which moves it aside and reports it. */
  reportUnreadable: (fileName: string) => Promise<void>;
  log: Log;
};

export class PlanFileIndex {
  /** Plan id → file name in the root, as last scanned. */
  private files = new Map<string, string>();
  /** Plan id → its file's header, as last scanned. */
  private headers = new Map<string, FileHeader>();

  constructor(private readonly root: string, private readonly options: PlanFileIndexOptions) {}

  has(planId: string): boolean {
    return this.files.has(planId);
  }

  /** The plan's file name; a clear error for a plan this folder does not hold. */
  fileOf(planId: string): string {
    assertDocId(planId);
    const name = this.files.get(planId);
    if (!name) throw new WorkspaceError(`there is no plan "${planId}" in this workspace`);
    return name;
  }

  header(planId: string): FileHeader | undefined {
    return this.headers.get(planId);
  }

  entries(): [planId: string, fileName: string][] {
    return [...this.files];
  }

  set(planId: string, fileName: string): void {
    this.files.set(planId, fileName);
  }

  delete(planId: string): void {
    this.files.delete(planId);
    this.headers.delete(planId);
  }

  /** A `<slug>.tandem` name not used by another file (`keep` is the plan's current name). */
  async freeFileName(title: string, keep: string | null): Promise<string> {
    const taken = new Set((await readdir(this.root)).map((n) => n.toLowerCase()));
    const slug = slugify(title);
    for (let i = 1; ; i++) {
      const name = `${slug}${i > 1 ? `-${i}` : ''}${FILE_EXTENSION}`;
      if (name === keep || !taken.has(name.toLowerCase())) return name;
    }
  }

  /** Maps plan ids to files by reading each file's header; links, damaged and duplicate files are skipped. */
  async scan(): Promise<void> {
    const files = new Map<string, string>();
    const headers = new Map<string, FileHeader>();
    const entries = await readdir(this.root, { withFileTypes: true });
    const names = entries.filter((e) => e.isFile() && e.name.endsWith(FILE_EXTENSION)).map((e) => e.name).sort();
    for (const name of names) {
      const header = await this.probeHeader(name);
      if (header && !files.has(header.docId)) {
        files.set(header.docId, name);
        headers.set(header.docId, header);
      }
    }
    this.files = files;
    this.headers = headers;
  }

  private async probeHeader(name: string): Promise<FileHeader | null> {
    const path = childPath(this.root, '', name);
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (e) {
      // Gone between the listing and the open (renamed, deleted): the next scan sees what is there.
      this.options.log({ level: 'debug', event: 'workspace.probe_skipped', file: name, reason: (e as Error).message });
      return null;
    }
    try {
      const header = await readWholeHeader(handle);
      return header.kind === 'plan' && ROOM_PART.test(header.docId) && header.docId !== WORKSPACE_DOC_ID ? header : null;
    } catch (e) {
      if (!(e instanceof CorruptFileError)) throw e;
      // Cut short a moment ago: most likely another program is still writing it; the next listing looks again.
      if (e instanceof TruncatedFileError && Date.now() - (await handle.stat()).mtimeMs < STILL_WRITING_MS) return null;
      // Not readable as a plan: open it through the store so it is moved aside and reported, never overwritten.
      await this.options.reportUnreadable(name);
      return null;
    } finally {
      await handle.close();
    }
  }
}

/** The file's header, however long it is: the first bytes, then the rest of the header they declare. */
async function readWholeHeader(handle: FileHandle): Promise<FileHeader> {
  const probe = Buffer.alloc(HEADER_PROBE_BYTES);
  const { bytesRead } = await handle.read(probe, 0, probe.length, 0);
  const end = declaredHeaderEnd(probe.subarray(0, bytesRead));
  if (end === null || end <= bytesRead || bytesRead < probe.length) return decodeHeader(probe.subarray(0, bytesRead)).header;
  const { size } = await handle.stat();
  if (end > size) throw new TruncatedFileError('the file is truncated (header cut short)');
  const whole = Buffer.alloc(end);
  const { bytesRead: read } = await handle.read(whole, 0, end, 0);
  return decodeHeader(whole.subarray(0, read)).header;
}
