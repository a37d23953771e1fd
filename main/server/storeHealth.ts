/**
 * What /healthz says about the store. Every call the server makes to its DocStore is watched: a
 * document whose load or write failed stays "failing" until a later load or write of it succeeds
 * (or it is deleted), so one damaged document turns health to 503 and keeps it there, instead of
 * flapping with every other document's success. Works for any DocStore.
 */
import { type DocStore } from './docStore';

export type StoreHealth = {
  ok: boolean;
  /** The most recent failure, while any document is failing. */
  error?: string;
  failingDocuments: number;
};

export function watchStore(store: DocStore): { store: DocStore; health(): StoreHealth } {
  const failing = new Map<string, string>();
  let last: string | undefined;
  const watch = <T>(name: string | null, what: string, run: () => Promise<T>): Promise<T> =>
    run().then(
      (value) => {
        if (name !== null) failing.delete(name);
        return value;
      },
      (err: unknown) => {
        last = `could not ${what}: ${err instanceof Error ? err.message : String(err)}`;
        failing.set(name ?? '', last);
        throw err;
      },
    );
  const watched: DocStore = {
    load: (name) => watch(name, `load "${name}"`, () => store.load(name)),
    appendUpdate: (name, update) => watch(name, `store an update of "${name}"`, () => store.appendUpdate(name, update)),
    compact: (name) => watch(null, `compact "${name}"`, () => store.compact(name)),
    setLastModified: (name, at) => watch(null, `record the change time of "${name}"`, () => store.setLastModified(name, at)),
    noteWaiting: (name, key, at) => watch(null, `record what "${name}" waits for`, () => store.noteWaiting(name, key, at)),
    dropWaiting: (name) => watch(null, `drop what "${name}" waits for`, () => store.dropWaiting(name)),
    list: (prefix) => watch('', 'list documents', () => store.list(prefix)),
    delete: (name) => watch(name, `delete "${name}"`, () => store.delete(name)),
    close: () => store.close(),
    ...(store.opened ? { opened: () => store.opened!() } : {}),
    ...(store.health ? { health: store.health } : {}),
  };
  return {
    store: watched,
    health: () => (failing.size ? { ok: false, error: last, failingDocuments: failing.size } : { ok: true, failingDocuments: 0 }),
  };
}
