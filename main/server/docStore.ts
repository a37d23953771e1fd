/**
 * Where the server keeps documents. The protocol code (rooms, connections) sees only this interface,
 * so another engine (PostgreSQL, see docs/scaling.md) replaces the embedded LevelDB store without
 * touching it. Documents are named by their room, `<workspaceId>/<docId>`.
 */
import { type HealthSignal } from './health';

export type StoredDocInfo = { name: string; lastModified: string | null };

export interface DocStore {
  /** The document's whole stored state as one Yjs update; null when nothing is stored under that name. */
  load(name: string): Promise<Uint8Array | null>;
  /** Resolves only once the update is durably written: until then it does not count as stored. */
  appendUpdate(name: string, update: Uint8Array): Promise<void>;
  /** Merges the stored updates into one, so storage does not grow with the edit history. */
  compact(name: string): Promise<void>;
  /** Records when the document last changed (kept beside it, read by list). */
  setLastModified(name: string, at: string): Promise<void>;
  /**
   * Records that the stored state holds data waiting for a dependency, named by `key`
   * (storedWaiting.ts); returns when it was first recorded with that key (ISO time, `at` if now).
   * Kept beside the document, so every node and a restart measure from the same moment.
   */
  noteWaiting(name: string, key: string, at: string): Promise<string>;
  /**
   * Rewrites the stored state without what still waits for a dependency, given everything stored;
   * returns its size in bytes (0: nothing waits any more).
   */
  dropWaiting(name: string): Promise<number>;
  /** Stored documents whose name starts with `prefix`. */
  list(prefix: string): Promise<StoredDocInfo[]>;
  delete(name: string): Promise<void>;
  close(): Promise<void>;
  /** Whether the engine behind the store can be reached (none: an embedded store that always can). */
  readonly health?: HealthSignal;
  /** Resolves once the store is open and can serve; rejects with StoreOpenError when it cannot be. */
  opened?(): Promise<void>;
}

/** Thrown when the store could not do what was asked; the room then refuses to count the edit as stored. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/** The store cannot be opened as it is (damaged or foreign data): the server refuses to start and changes nothing. */
export class StoreOpenError extends StoreError {
  constructor(message: string) {
    super(message);
    this.name = 'StoreOpenError';
  }
}
