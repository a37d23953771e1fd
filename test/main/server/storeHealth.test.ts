/**
 * The server tells the truth about its store. With a damaged table file (.ldb) the store opens but
 * cannot read: /healthz answers 503 and says why, and clients of a room that cannot be loaded are
 * closed with their own code (4503), not the "could not store" one. A write-ahead log cut short by a
 * crash is replayed as far as it goes, and the server says how many bytes at its end were dropped.
 * Real LevelDB files in temp folders.
 */
import { readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { openLevelDocStore } from '../../../main/server/levelDocStore';
import { rawSocket, removeDir, serverState, startTestServer, tempDir } from './helpers';

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array | null = null;
  doc.once('update', (u: Uint8Array) => (update = u));
  doc.getText('t').insert(doc.getText('t').length, text);
  return update!;
}

const health = async (url: string) => {
  const res = await fetch(`${url}/healthz`);
  return { status: res.status, body: (await res.json()) as { ok: boolean; store?: { ok: boolean; error?: string; droppedLogBytes?: unknown[] } } };
};

describe('store health', () => {
  it('a damaged table file: /healthz says the store fails and the room closes clients with 4503', async () => {
    const dataDir = tempDir();
    const docs = join(dataDir, 'docs');
    const store = openLevelDocStore(docs);
    const doc = new Y.Doc();
    await store.appendUpdate('ws1/plan_a', textUpdate(doc, 'x'.repeat(5000)));
    await store.close();
    // Reopening replays the log into a table file (.ldb).
    const again = openLevelDocStore(docs);
    await again.opened!();
    await again.close();
    const table = readdirSync(docs).find((f) => f.endsWith('.ldb'))!;
    expect(table).toBeDefined();
    writeFileSync(join(docs, table), Buffer.alloc(statSync(join(docs, table)).size, 0x5a));

    const s = await startTestServer({ dataDir });
    try {
      expect((await health(s.server.url)).status).toBe(200);
      const sock = rawSocket(`${s.server.wsUrl}/ws1/plan_a?token=${await s.token('Ana')}`);
      const closed = await sock.closed;
      expect(closed.code).toBe(4503);
      const after = await health(s.server.url);
      expect(after.status).toBe(503);
      expect(after.body.ok).toBe(false);
      expect(after.body.store?.error).toMatch(/load/);
    } finally {
      await s.close();
      removeDir(dataDir);
    }
  });

  it('a log cut short: replays what is whole and says how many bytes it dropped', async () => {
    const dataDir = tempDir();
    const docs = join(dataDir, 'docs');
    const store = openLevelDocStore(docs, { commitIntervalMs: 0 });
    const doc = new Y.Doc();
    const logFile = () => join(docs, readdirSync(docs).find((f) => f.endsWith('.log'))!);
    const sizes: number[] = [];
    for (const word of ['one;', 'two;', 'three;', 'four;']) {
      await store.appendUpdate('ws1/plan_a', textUpdate(doc, word));
      sizes.push(statSync(logFile()).size);
    }
    await store.close();
    const cutTo = sizes[3]! - 5;
    truncateSync(logFile(), cutTo);

    const s = await startTestServer({ dataDir });
    try {
      const dropped = s.logs.find((e) => e.event === 'store-log-truncated');
      expect(dropped).toMatchObject({ level: 'warn', droppedBytes: cutTo - sizes[2]! });
      expect((await health(s.server.url)).body.store?.droppedLogBytes).toEqual([expect.objectContaining({ droppedBytes: cutTo - sizes[2]! })]);
      expect((await serverState(s.server.wsUrl, 'ws1/plan_a', await s.token('Ana'))).getText('t').toString()).toBe('one;two;three;');
    } finally {
      await s.close();
      removeDir(dataDir);
    }
  });

  it('a log cut inside a record that spans blocks: drops the whole record and says so', async () => {
    const dataDir = tempDir();
    const docs = join(dataDir, 'docs');
    const store = openLevelDocStore(docs, { commitIntervalMs: 0 });
    const doc = new Y.Doc();
    const logFile = () => join(docs, readdirSync(docs).find((f) => f.endsWith('.log'))!);
    await store.appendUpdate('ws1/plan_a', textUpdate(doc, 'small;'));
    const before = statSync(logFile()).size;
    // Random text does not compress: the record takes about 100 KiB, over four 32 KiB blocks.
    await store.appendUpdate('ws1/plan_a', textUpdate(doc, Array.from({ length: 100_000 }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join('')));
    const after = statSync(logFile()).size;
    await store.close();
    expect(after - before).toBeGreaterThan(3 * 32 * 1024);
    const cutTo = before + 40_000; // inside the second block of the big record
    truncateSync(logFile(), cutTo);

    const s = await startTestServer({ dataDir });
    try {
      expect(s.logs.find((e) => e.event === 'store-log-truncated')).toMatchObject({ droppedBytes: cutTo - before });
      expect((await serverState(s.server.wsUrl, 'ws1/plan_a', await s.token('Ana'))).getText('t').toString()).toBe('small;');
    } finally {
      await s.close();
      removeDir(dataDir);
    }
  });
});
