/**
 * The embedded default store: LevelDB in a data folder, in y-leveldb's format (so y-leveldb loads,
 * compacts, lists and deletes). Appends are group-committed: every update appended while the previous
 * write is in flight, from any room, goes into one LevelDB batch, and each document's update clock is
 * kept in memory after its first read — y-leveldb's own `storeUpdate` opens an iterator per write to
 * find the clock, which under many busy rooms costs more main-thread time than the relay itself.
 * An append resolves once its batch is written (in LevelDB's log in the OS, so a killed process loses
 * nothing that was acknowledged); compaction replaces a document's updates with their merge.
 *
 * Under load, batches start at most every `commitIntervalMs`: each LevelDB call hands work to a
 * thread-pool thread, and on a busy machine waking that thread often preempts the event loop for
 * milliseconds (measured: the synchronous part of a batch call had a p99 of 2–5 ms under load, against
 * 50 µs for plain JS work of the same length), which delays the relay of every edit waiting behind it.
 * An append to a store that has not written for that long is written at once.
 *
 * Loading and compacting replay a document's stored updates one transaction each. (y-leveldb's own
 * getYDoc and flushDocument apply the whole history in one transaction; Yjs then collects every type
 * deleted in it at once, recursively, which overflows the stack when content nested thousands deep
 * was written and later deleted: see shared/model/nesting.ts.)
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as encoding from 'lib0/encoding';
import { LeveldbPersistence, PREFERRED_TRIM_SIZE, getCurrentUpdateClock, getLevelUpdatesEntries } from 'y-leveldb';
import * as Y from 'yjs';
import { StoreError, StoreOpenError, type DocStore, type StoredDocInfo } from './docStore';
import { replayUpdates, stateOf } from './replay';
import { takeWaiting } from './storedWaiting';

const LAST_MODIFIED = 'lastModified';
/** `{ key, since }`: what the stored state waits for, and since when (DocStore.noteWaiting). */
const WAITING = 'waiting';

/** The part of classic-level a batch needs (y-leveldb hands its db to transactions untyped). */
type LevelOp = { type: 'put'; key: (string | number)[]; value: Uint8Array } | { type: 'del'; key: (string | number)[] };
type LevelBatch = { batch(ops: LevelOp[]): Promise<void> };
type Append = { name: string; update: Uint8Array; resolve(): void; reject(err: unknown): void };

/** y-leveldb's keys: `['v1', doc, 'update', clock]` per update, `['v1_sv', doc]` marks a stored document. */
const updateKey = (name: string, clock: number) => ['v1', name, 'update', clock];
const stateVectorKey = (name: string) => ['v1_sv', name];

/** A document's stored history applied to a new Y.Doc one update per transaction (replay.ts), and the clocks it was stored under. */
async function replay(level: unknown, name: string): Promise<{ doc: Y.Doc; clocks: number[] }> {
  const entries = (await getLevelUpdatesEntries(level, name)) as { key: (string | number)[]; value: Uint8Array }[];
  return { doc: replayUpdates(entries.map(({ value }) => value)), clocks: entries.map(({ key }) => Number(key[3])) };
}

/** Replaces the stored history by one update holding the whole state, as y-leveldb's flushDocument does. */
async function rewrite(level: LevelBatch, name: string, doc: Y.Doc, clocks: number[]): Promise<void> {
  const merged = Y.encodeStateAsUpdate(doc);
  const clock = (clocks.at(-1) ?? -1) + 1;
  await level.batch([
    { type: 'put', key: updateKey(name, clock), value: Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength) },
    { type: 'put', key: stateVectorKey(name), value: Buffer.from(stateVectorRecord(merged, clock)) },
    ...clocks.map((c): LevelOp => ({ type: 'del', key: updateKey(name, c) })),
  ]);
}

/** y-leveldb's state-vector record: varuint clock, then the state vector. */
function stateVectorRecord(update: Uint8Array, clock: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, clock);
  encoding.writeVarUint8Array(e, Y.encodeStateVectorFromUpdate(update));
  return encoding.toUint8Array(e);
}

export type LevelDocStoreOptions = {
  /** Under load, LevelDB batches start at most this often (ms); default 20. */
  commitIntervalMs?: number;
};

/** Files LevelDB itself may leave in a folder before it holds a database. */
const NOT_DATA = new Set(['LOCK', 'LOG', 'LOG.old']);

/**
 * Whether the folder is new (missing or empty): only then may LevelDB create a database in it. A folder
 * with files but no CURRENT is refused — opening it with createIfMissing would start an empty database
 * in place and LevelDB would delete the old tables as obsolete.
 */
function isNewFolder(dir: string): boolean {
  if (!existsSync(dir)) return true;
  const files = readdirSync(dir).filter((f) => !NOT_DATA.has(f));
  if (files.length === 0) return true;
  if (existsSync(join(dir, 'CURRENT'))) return false;
  const tables = files.filter((f) => /^(MANIFEST-\d+|\d+\.(ldb|log|sst))$/.test(f));
  const shown = (tables.length ? tables : files).slice(0, 5).join(', ');
  throw new StoreOpenError(tables.length
    ? `the data folder ${dir} holds LevelDB files (${shown}) but no CURRENT file, so it cannot be opened; restore CURRENT (one line naming the newest MANIFEST-…) or move the folder aside. Nothing was changed.`
    : `the data folder ${dir} holds files that are not a Tandem database (${shown}); point --data at a server's data folder or an empty one. Nothing was changed.`);
}

export function openLevelDocStore(dir: string, { commitIntervalMs = 20 }: LevelDocStoreOptions = {}): DocStore {
  const fresh = isNewFolder(dir);
  mkdirSync(dir, { recursive: true });
  const db = new LeveldbPersistence(dir, { levelOptions: { createIfMissing: fresh } });
  // classic-level opens in the background; y-leveldb would swallow the failure into every later call.
  let openFailure: unknown = null;
  const opening = db._transact(async (level: { open(): Promise<void> }) => {
    try {
      await level.open();
    } catch (err) {
      openFailure = err;
    }
    return true;
  });
  // y-leveldb swallows errors inside its transactions and resolves null: turn that into a StoreError.
  const must = async <T>(what: string, p: Promise<T>): Promise<NonNullable<T>> => {
    const value = await p;
    if (value === null || value === undefined) throw new StoreError(`could not ${what}`);
    return value;
  };

  /** The last update clock of each document appended to; dropped by anything else that writes it. */
  const clocks = new Map<string, number>();
  let waiting: Append[] = [];
  let batchQueued = false;
  let lastCommit = -Infinity;
  let commitTimer: NodeJS.Timeout | null = null;

  // Every write runs in y-leveldb's one transaction queue, so batches, compactions and deletes never
  // interleave. Queued right behind an operation that rewrites a document, this makes the next batch
  // read its clock again.
  const forgetClock = (name: string) => void db._transact(async () => clocks.delete(name));

  const writeBatch = async (level: LevelBatch): Promise<true> => {
    batchQueued = false;
    const appends = waiting;
    waiting = [];
    try {
      const ops: Parameters<LevelBatch['batch']>[0] = [];
      const next = new Map<string, number>();
      for (const { name, update } of appends) {
        let clock = next.get(name) ?? clocks.get(name);
        if (clock === undefined) {
          clock = await getCurrentUpdateClock(level, name);
          if (clock === -1) ops.push({ type: 'put', key: stateVectorKey(name), value: Buffer.from(stateVectorRecord(update, 0)) });
        }
        next.set(name, clock + 1);
        ops.push({ type: 'put', key: updateKey(name, clock + 1), value: Buffer.from(update.buffer, update.byteOffset, update.byteLength) });
      }
      await level.batch(ops);
      for (const [name, clock] of next) clocks.set(name, clock);
      for (const a of appends) a.resolve();
    } catch (err) {
      for (const { name } of appends) clocks.delete(name);
      const error = new StoreError(`could not store updates: ${err instanceof Error ? err.message : String(err)}`);
      for (const a of appends) a.reject(error);
    }
    return true;
  };

  const commit = () => {
    commitTimer = null;
    lastCommit = performance.now();
    void db._transact(writeBatch);
  };

  return {
    async opened() {
      await opening;
      if (openFailure === null) return;
      const cause = openFailure instanceof Error ? (openFailure.cause instanceof Error ? openFailure.cause.message : openFailure.message) : String(openFailure);
      const code = (openFailure as { cause?: { code?: unknown } }).cause?.code;
      if (code === 'LEVEL_LOCKED') throw new StoreOpenError(`the data folder ${dir} is in use by another Tandem server (${cause}); stop that one first, or point --data elsewhere. Nothing was changed.`);
      throw new StoreOpenError(`the data folder ${dir} holds a LevelDB database that cannot be opened (${cause}); restore it from a backup or move it aside. Nothing was changed.`);
    },
    async load(name) {
      const doc = await must(`load "${name}"`, db._transact(async (level: LevelBatch) => {
        const { doc: loaded, clocks } = await replay(level, name);
        if (clocks.length > PREFERRED_TRIM_SIZE) await rewrite(level, name, loaded, clocks);
        return loaded;
      }));
      forgetClock(name); // loading a long history compacts it
      try {
        return stateOf(doc);
      } finally {
        doc.destroy();
      }
    },
    appendUpdate(name, update) {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ name, update, resolve, reject });
        if (batchQueued) return;
        batchQueued = true;
        const wait = lastCommit + commitIntervalMs - performance.now();
        if (wait <= 0) commit();
        else commitTimer = setTimeout(commit, wait);
      });
    },
    async compact(name) {
      // As with y-leveldb's flushDocument, a compaction that fails leaves the history as it was (and y-leveldb logs it).
      const done = db._transact(async (level: LevelBatch) => {
        const { doc, clocks } = await replay(level, name);
        if (clocks.length > 0) await rewrite(level, name, doc, clocks);
        doc.destroy();
      });
      forgetClock(name);
      await done;
    },
    async noteWaiting(name, key, at) {
      const noted: unknown = await db.getMeta(name, WAITING);
      const prev = noted as { key?: unknown; since?: unknown } | undefined;
      if (prev?.key === key && typeof prev.since === 'string') return prev.since;
      await db.setMeta(name, WAITING, { key, since: at });
      return at;
    },
    async dropWaiting(name) {
      const { bytes } = await must(`drop what "${name}" waits for`, db._transact(async (level: LevelBatch) => {
        const { doc, clocks } = await replay(level, name);
        const waiting = takeWaiting(doc);
        if (waiting) await rewrite(level, name, doc, clocks);
        doc.destroy();
        return { bytes: waiting?.bytes ?? 0 };
      }));
      forgetClock(name);
      await db.delMeta(name, WAITING);
      return bytes;
    },
    async setLastModified(name, at) {
      await db.setMeta(name, LAST_MODIFIED, at);
    },
    async list(prefix) {
      const names = (await must('list documents', db.getAllDocNames())).filter((n) => n.startsWith(prefix));
      const out: StoredDocInfo[] = [];
      for (const name of names) {
        const at: unknown = await db.getMeta(name, LAST_MODIFIED);
        out.push({ name, lastModified: typeof at === 'string' ? at : null });
      }
      return out;
    },
    async delete(name) {
      const done = db.clearDocument(name);
      forgetClock(name);
      await done;
    },
    async close() {
      if (commitTimer) {
        clearTimeout(commitTimer);
        commit();
      }
      await db.destroy();
    },
  };
}
