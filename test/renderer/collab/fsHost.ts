/** A host whose documents service really stores to a folder (node:fs), and host events a test can send. */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { type HostEventName, type HostEvents, type HostServices } from '../../../shared/ipc/contract';
import { type HostEventSource } from '../../../renderer/platform/host';

export type FsHost = { host: HostServices; events: HostEventSource & { emit<E extends HostEventName>(e: E, p: HostEvents[E]): void }; failSaves: (why: string | null) => void; saves: () => number };

export function fsHost(dir: string): FsHost {
  let failing: string | null = null;
  let count = 0;
  const docDir = (docId: string) => join(dir, docId.replace(/\//g, '~')); // `<planId>/comments` beside `<planId>`
  const documents: HostServices['documents'] = {
    async load({ docId }) {
      await mkdir(docDir(docId), { recursive: true });
      const files = (await readdir(docDir(docId))).sort();
      const updates = await Promise.all(files.map((f) => readFile(join(docDir(docId), f))));
      return updates.length === 0 ? new Uint8Array() : (Y.mergeUpdates(updates.map((u) => new Uint8Array(u))) as Uint8Array<ArrayBuffer>);
    },
    async save({ docId, update }) {
      if (failing) throw new Error(failing);
      await mkdir(docDir(docId), { recursive: true });
      await writeFile(join(docDir(docId), `${String(++count).padStart(8, '0')}.bin`), update);
    },
  };
  const unused = new Proxy({}, { get: (_t, name) => () => Promise.reject(new Error(`not part of this test: ${String(name)}`)) });
  const host = { documents, workspace: unused, templates: unused, settings: unused, sync: unused, shell: unused } as unknown as HostServices;
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const events = {
    on<E extends HostEventName>(event: E, listener: (p: HostEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
    emit<E extends HostEventName>(event: E, payload: HostEvents[E]) {
      listeners.get(event)?.forEach((l) => l(payload));
    },
  };
  return { host, events, failSaves: (why) => (failing = why), saves: () => count };
}
