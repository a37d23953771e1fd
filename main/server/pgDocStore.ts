/**
 * The PostgreSQL store, for several server nodes sharing one database (docs/scaling.md). Each document
 * is an append log of Yjs updates (`tandem_doc_updates`, one row per write) that compaction replaces
 * with their merge; `tandem_docs` keeps when each document last changed. An append resolves once its
 * INSERT has committed (synchronous_commit as the server has it, on by default), so "stored" means
 * committed. Appends are group-committed: one goes out at once, and those of any room that arrive
 * while it is in flight go out together as one multi-row INSERT (one commit, one WAL flush) after it. The schema is created on start by numbered migrations, under an advisory lock so nodes
 * starting together do not race.
 *
 * `health` turns down when a query fails for want of a connection, or when the probe (`select 1`
 * every `probeMs`) does, and up again once the probe answers.
 */
import pg from 'pg';
import * as Y from 'yjs';
import { StoreError, StoreOpenError, type DocStore, type StoredDocInfo } from './docStore';
import { HealthSignal } from './health';
import { replayUpdates, stateOf } from './replay';
import { takeWaiting } from './storedWaiting';

const MIGRATIONS: string[] = [
  `create table tandem_doc_updates (
     seq    bigserial primary key,
     doc    text  not null,
     update bytea not null
   );
   create index tandem_doc_updates_doc_seq on tandem_doc_updates (doc, seq);
   create table tandem_docs (doc text primary key, last_modified text);`,
  // What a document's stored state waits for (DocStore.noteWaiting), and since when.
  `alter table tandem_docs add column waiting_key text, add column waiting_since text;`,
];

/** Any key the nodes agree on: serialises migrations across nodes. */
const MIGRATION_LOCK = 7_254_012;

export type PgDocStoreOptions = {
  /** postgres://user@host:port/db */
  url: string;
  /** Connections in the pool; default 10. */
  poolSize?: number;
  /** How often the connection is checked (ms); default 1000. */
  probeMs?: number;
};

export type PgDocStore = DocStore & { readonly health: HealthSignal };

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
/** Rows per group commit (two parameters each, far below PostgreSQL's 65,535). */
const MAX_GROUP = 500;

type Append = { name: string; update: Uint8Array; resolve(): void; reject(err: unknown): void };

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('create table if not exists tandem_migrations (version int primary key, applied_at timestamptz not null default now())');
    const { rows } = await client.query<{ version: number }>('select coalesce(max(version), 0) as version from tandem_migrations');
    for (let v = rows[0]!.version; v < MIGRATIONS.length; v++) {
      await client.query(MIGRATIONS[v]!);
      await client.query('insert into tandem_migrations (version) values ($1)', [v + 1]);
    }
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** Connects, creates or updates the schema, and returns the store; rejects when the database cannot be used. */
export async function openPgDocStore({ url, poolSize = 10, probeMs = 1000 }: PgDocStoreOptions): Promise<PgDocStore> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 3000 });
  const health = new HealthSignal('postgres');
  // An idle connection the server ended (restart, failover) errors here instead of crashing the process.
  pool.on('error', (err) => health.down(message(err)));
  try {
    await migrate(pool);
  } catch (err) {
    await pool.end().catch(() => {});
    throw new StoreOpenError(`could not prepare PostgreSQL at ${new URL(url).host}: ${message(err)}`);
  }
  health.up();

  let probing = false;
  const probe = setInterval(() => {
    if (probing) return;
    probing = true;
    pool.query('select 1').then(() => health.up(), (err: unknown) => health.down(message(err))).finally(() => (probing = false));
  }, probeMs);
  probe.unref();

  const run = async <R extends pg.QueryResultRow>(what: string, text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> => {
    try {
      return await pool.query<R>(text, values);
    } catch (err) {
      throw new StoreError(`could not ${what}: ${message(err)}`);
    }
  };
  const inTransaction = async <R>(what: string, f: (client: pg.PoolClient) => Promise<R>): Promise<R> => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (err) {
      throw new StoreError(`could not ${what}: ${message(err)}`);
    }
    try {
      await client.query('begin');
      const result = await f(client);
      await client.query('commit');
      return result;
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw new StoreError(`could not ${what}: ${message(err)}`);
    } finally {
      client.release();
    }
  };

  let waiting: Append[] = [];
  let committing = false;
  const commitAppends = async () => {
    committing = true;
    await null; // appends made in the same turn (a room's batch) go out in one INSERT
    while (waiting.length) {
      const group = waiting.slice(0, MAX_GROUP);
      waiting = waiting.slice(group.length);
      const rows = group.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(', ');
      const values = group.flatMap(({ name, update }) => [name, Buffer.from(update.buffer, update.byteOffset, update.byteLength)]);
      try {
        await pool.query(`insert into tandem_doc_updates (doc, update) values ${rows}`, values);
        for (const a of group) a.resolve();
      } catch (err) {
        for (const a of group) a.reject(new StoreError(`could not store an update of "${a.name}": ${message(err)}`));
      }
    }
    committing = false;
  };

  return {
    health,
    async load(name) {
      const { rows } = await run<{ update: Buffer }>(`load "${name}"`, 'select update from tandem_doc_updates where doc = $1 order by seq', [name]);
      if (!rows.length) return null;
      if (rows.length === 1) return new Uint8Array(rows[0]!.update);
      const doc = replayUpdates(rows.map((r) => new Uint8Array(r.update)));
      try {
        return stateOf(doc);
      } finally {
        doc.destroy();
      }
    },
    appendUpdate(name, update) {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ name, update, resolve, reject });
        if (!committing) void commitAppends();
      });
    },
    async compact(name) {
      await inTransaction(`compact "${name}"`, async (client) => {
        // One compaction per document at a time, on any node; appends go on meanwhile (larger seq, kept).
        await client.query('select pg_advisory_xact_lock(hashtext($1))', [name]);
        const { rows } = await client.query<{ seq: string; update: Buffer }>('select seq, update from tandem_doc_updates where doc = $1 order by seq', [name]);
        if (rows.length < 2) return;
        const doc = replayUpdates(rows.map((r) => new Uint8Array(r.update)));
        const merged = Y.encodeStateAsUpdate(doc);
        doc.destroy();
        await client.query('delete from tandem_doc_updates where doc = $1 and seq <= $2', [name, rows[rows.length - 1]!.seq]);
        await client.query('insert into tandem_doc_updates (doc, update) values ($1, $2)', [name, Buffer.from(merged)]);
      });
    },
    async noteWaiting(name, key, at) {
      const { rows } = await run<{ waiting_since: string }>(
        `record what "${name}" waits for`,
        `insert into tandem_docs (doc, waiting_key, waiting_since) values ($1, $2, $3)
         on conflict (doc) do update set
           waiting_since = case when tandem_docs.waiting_key = excluded.waiting_key then tandem_docs.waiting_since else excluded.waiting_since end,
           waiting_key = excluded.waiting_key
         returning waiting_since`,
        [name, key, at],
      );
      return rows[0]!.waiting_since;
    },
    async dropWaiting(name) {
      return inTransaction(`drop what "${name}" waits for`, async (client) => {
        await client.query('select pg_advisory_xact_lock(hashtext($1))', [name]);
        const { rows } = await client.query<{ seq: string; update: Buffer }>('select seq, update from tandem_doc_updates where doc = $1 order by seq', [name]);
        if (!rows.length) return 0;
        const doc = replayUpdates(rows.map((r) => new Uint8Array(r.update)));
        const waiting = takeWaiting(doc);
        if (waiting) {
          await client.query('delete from tandem_doc_updates where doc = $1 and seq <= $2', [name, rows[rows.length - 1]!.seq]);
          await client.query('insert into tandem_doc_updates (doc, update) values ($1, $2)', [name, Buffer.from(Y.encodeStateAsUpdate(doc))]);
        }
        await client.query('update tandem_docs set waiting_key = null, waiting_since = null where doc = $1', [name]);
        doc.destroy();
        return waiting?.bytes ?? 0;
      });
    },
    async setLastModified(name, at) {
      await run(`record when "${name}" changed`, 'insert into tandem_docs (doc, last_modified) values ($1, $2) on conflict (doc) do update set last_modified = excluded.last_modified', [name, at]);
    },
    async list(prefix) {
      const { rows } = await run<{ doc: string; last_modified: string | null }>(
        'list documents',
        `select d.doc, m.last_modified from (select distinct doc from tandem_doc_updates where starts_with(doc, $1)) d
         left join tandem_docs m on m.doc = d.doc order by d.doc`,
        [prefix],
      );
      return rows.map((r): StoredDocInfo => ({ name: r.doc, lastModified: r.last_modified }));
    },
    async delete(name) {
      await inTransaction(`delete "${name}"`, async (client) => {
        await client.query('delete from tandem_doc_updates where doc = $1', [name]);
        await client.query('delete from tandem_docs where doc = $1', [name]);
      });
    },
    async close() {
      clearInterval(probe);
      await pool.end();
    },
  };
}
