/** The PostgreSQL DocStore against a real PostgreSQL started for this file. */
import pg from 'pg';
import * as Y from 'yjs';
import { openPgDocStore, type PgDocStore } from '../../../main/server/pgDocStore';
import { enginesMissing, startPostgres, type Postgres } from '../../support/engines';
import { nestedThenFlattened } from '../../support/deepNesting';
import { textOfState, waitFor } from './helpers';

const missing = enginesMissing();
if (missing) console.log(`skipping the PostgreSQL store tests: ${missing}`);

function edit(doc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array | null = null;
  doc.once('update', (u: Uint8Array) => (update = u));
  doc.getText('t').insert(doc.getText('t').length, text);
  return update!;
}

describe.skipIf(missing !== null)('PostgreSQL store', () => {
  let postgres: Postgres;
  let store: PgDocStore;
  beforeAll(async () => {
    postgres = await startPostgres();
    store = await openPgDocStore({ url: postgres.url, probeMs: 100 });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await postgres?.destroy();
  });

  it('creates its schema on start, once, even when two nodes start together', async () => {
    const [a, b] = await Promise.all([openPgDocStore({ url: postgres.url }), openPgDocStore({ url: postgres.url })]);
    await Promise.all([a.close(), b.close()]);
    const client = new pg.Client(postgres.url);
    await client.connect();
    const { rows } = await client.query<{ version: number }>('select version from tandem_migrations order by version');
    await client.end();
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
  });

  it('counts an update as stored once it is committed: another connection reads it at once', async () => {
    const doc = new Y.Doc();
    await store.appendUpdate('ws1/committed', edit(doc, 'hello'));
    const client = new pg.Client(postgres.url);
    await client.connect();
    const { rows } = await client.query<{ n: string }>("select count(*) as n from tandem_doc_updates where doc = 'ws1/committed'");
    await client.end();
    expect(Number(rows[0]!.n)).toBe(1);
    expect(textOfState(await store.load('ws1/committed'))).toBe('hello');
  });

  it('stores every one of many appends made at once from many documents (group commit)', async () => {
    const docs = Array.from({ length: 10 }, () => new Y.Doc());
    await Promise.all(Array.from({ length: 300 }, (_, i) => store.appendUpdate(`ws1/group${i % 10}`, edit(docs[i % 10]!, `${i};`))));
    for (let d = 0; d < 10; d++) expect(textOfState(await store.load(`ws1/group${d}`)), `document ${d}`).toBe(docs[d]!.getText('t').toString());
  });

  it('loads null for a document never stored', async () => {
    expect(await store.load('ws1/nothing')).toBeNull();
  });

  it('compacts the log into one row and keeps updates appended meanwhile', async () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 20; i++) await store.appendUpdate('ws1/compact', edit(doc, `${i};`));
    await Promise.all([store.compact('ws1/compact'), store.appendUpdate('ws1/compact', edit(doc, 'late;')), store.compact('ws1/compact')]);
    expect(textOfState(await store.load('ws1/compact'))).toBe(doc.getText('t').toString());
    const client = new pg.Client(postgres.url);
    await client.connect();
    const { rows } = await client.query<{ n: string }>("select count(*) as n from tandem_doc_updates where doc = 'ws1/compact'");
    await client.end();
    expect(Number(rows[0]!.n)).toBeLessThanOrEqual(2);
  });

  it('lists documents by prefix with when they last changed, and deletes them', async () => {
    const doc = new Y.Doc();
    await store.appendUpdate('wsL/a', edit(doc, 'a'));
    await store.appendUpdate('wsL/b', edit(doc, 'b'));
    await store.appendUpdate('wsL_x/c', edit(doc, 'c'));
    await store.setLastModified('wsL/a', '2026-12-01T10:00:00.000Z');
    expect(await store.list('wsL/')).toEqual([
      { name: 'wsL/a', lastModified: '2026-12-01T10:00:00.000Z' },
      { name: 'wsL/b', lastModified: null },
    ]);
    await store.delete('wsL/a');
    expect(await store.load('wsL/a')).toBeNull();
    expect((await store.list('wsL/')).map((d) => d.name)).toEqual(['wsL/b']);
  });

  it('reports the database down while it is stopped, refuses writes with a clear error, and comes back', async () => {
    expect(store.health.isUp).toBe(true);
    await postgres.stop();
    await waitFor(() => !store.health.isUp, 'the store to notice PostgreSQL is down');
    await expect(store.appendUpdate('ws1/down', edit(new Y.Doc(), 'x'))).rejects.toThrow(/could not store an update of "ws1\/down"/);
    await postgres.start();
    await waitFor(() => store.health.isUp, 'the store to notice PostgreSQL is back');
    await store.appendUpdate('ws1/down', edit(new Y.Doc(), 'y'));
    expect(textOfState(await store.load('ws1/down'))).toBe('y');
  }, 60_000);

  it('fails to open with a message naming the database when it cannot be reached', async () => {
    await expect(openPgDocStore({ url: 'postgres://postgres@127.0.0.1:1/postgres' })).rejects.toThrow(/could not prepare PostgreSQL at 127\.0\.0\.1:1/);
  });

  it('loads and compacts a plan whose 5,000 nested lists an editor flattened in many transactions', async () => {
    const content = (doc: Y.Doc) => doc.get('content', Y.XmlText);
    const { updates, flat } = nestedThenFlattened(5000, 'The deepest item');
    for (const u of updates) await store.appendUpdate('ws1/deep', u);
    const read = async () => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, (await store.load('ws1/deep'))!);
      return content(copy).toString();
    };
    expect(await read()).toBe(flat);
    await store.compact('ws1/deep');
    expect(await read()).toBe(flat);
  });
});
