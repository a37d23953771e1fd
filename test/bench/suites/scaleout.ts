/**
 * Scale-out benchmark (docs/scaling.md), on a PostgreSQL and a Redis started for it:
 * - sync latency p50/p99, 50 rooms × 10 clients at 20 edits/s/room, each room's clients spread over
 *   two nodes (PostgreSQL + Redis) beside the same load on one node with LevelDB; the two setups take
 *   turns of 250 ms in the same run (5 s each), median of 3 runs;
 * - deliveries per second at saturation (100 rooms × 10 clients asking 50 edits/s/room), 2 nodes vs 1,
 *   and the server CPU per delivery of each setup (all its processes);
 * - durable append p50/p99 to the PostgreSQL store vs an INSERT of the same bytes with `pg` alone,
 *   interleaved one by one.
 */
import pg from 'pg';
import * as Y from 'yjs';
import { createToken } from '../../../main/server/index';
import { openPgDocStore } from '../../../main/server/pgDocStore';
import { enginesMissing, startPostgres, startRedis } from '../../support/engines';
import { median, percentile, row, type BenchRow } from '../report';
import { runLoad, startBenchServer, BENCH_SECRET, type BenchServer, type ServerStats } from '../server/processes';
import { type LoadResult, type LoadSpec } from '../server/loadProcess';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LATENCY = { rooms: 50, clientsPerRoom: 10, editsPerSecondPerRoom: 20, durationMs: 5000, sliceMs: 250 };
const SATURATION = { rooms: 100, clientsPerRoom: 10, editsPerSecondPerRoom: 50, durationMs: 4000, sliceMs: 500 };
const APPENDS = 2000;

type Setup = 'one' | 'two';
type Measured = { load: LoadResult; cpuUsPerDelivery: number };
let roomCounter = 0;

/** One run: both setups connected, taking turns at the same load; CPU is what each setup's processes used in the window. */
async function measure(token: string, one: BenchServer, two: BenchServer[], load: Omit<LoadSpec, 'targets' | 'roomPrefix'>): Promise<Record<Setup, Measured>> {
  const url = (s: BenchServer) => `ws://127.0.0.1:${s.port}`;
  const spec: LoadSpec = {
    ...load,
    targets: [
      { url: url(one), mode: 'yjs', token },
      { url: url(two[0]!), mode: 'yjs', token, spread: two.map(url) },
    ],
    roomPrefix: `bench/s${roomCounter++}_`,
  };
  let window: ServerStats[] = [];
  const [single, spread] = await runLoad(spec, async (phase) => {
    const stats = await Promise.all([one, ...two].map((s) => s.stats()));
    if (phase === 'measured') window = stats;
  });
  const cpu = (stats: ServerStats[]) => stats.reduce((a, s) => a + s.cpuMs, 0);
  return {
    one: { load: single!, cpuUsPerDelivery: (cpu(window.slice(0, 1)) * 1000) / single!.samples },
    two: { load: spread!, cpuUsPerDelivery: (cpu(window.slice(1)) * 1000) / spread!.samples },
  };
}

/** Appends to the store and plain INSERTs of the same bytes, one after the other; latencies in ms. */
async function appendLatencies(url: string): Promise<{ store: number[]; raw: number[] }> {
  const store = await openPgDocStore({ url });
  const client = new pg.Client(url);
  await client.connect();
  await client.query('create table if not exists bench_raw_insert (doc text not null, update bytea not null)');
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const out = { store: [] as number[], raw: [] as number[] };
  try {
    for (let i = 0; i < APPENDS; i++) {
      doc.getMap('goal').set('owner', `owner ${i}`);
      const update = updates.at(-1)!;
      let t = performance.now();
      await store.appendUpdate('bench/append', update);
      out.store.push(performance.now() - t);
      t = performance.now();
      await client.query('insert into bench_raw_insert (doc, update) values ($1, $2)', ['bench/append', Buffer.from(update)]);
      out.raw.push(performance.now() - t);
    }
  } finally {
    await client.end();
    await store.close();
  }
  return out;
}

export default async function run(): Promise<BenchRow[]> {
  const missing = enginesMissing();
  if (missing) throw new Error(`the scale-out benchmark needs PostgreSQL and Redis: ${missing}`);
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const servers: BenchServer[] = [];
  try {
    const token = await createToken(BENCH_SECRET, { workspaceId: 'bench', name: 'Bench', role: 'editor' });
    const one = await startBenchServer('ours');
    servers.push(one);
    const two: BenchServer[] = [];
    for (let i = 0; i < 2; i++) two.push(await startBenchServer('ours', { BENCH_OURS_POSTGRES: postgres.url, BENCH_OURS_REDIS: redis.url }));
    servers.push(...two);

    const latency: Record<Setup, Measured>[] = [];
    for (let r = 0; r < RUNS; r++) {
      const m = await measure(token, one, two, LATENCY);
      for (const setup of ['one', 'two'] as const) {
        const { load, cpuUsPerDelivery } = m[setup];
        process.stdout.write(`  latency run ${r + 1} ${setup === 'one' ? '1 node LevelDB' : '2 nodes PG+Redis'}: p50 ${load.p50.toFixed(2)} ms, p99 ${load.p99.toFixed(2)} ms, ${load.samples}/${load.expected} delivered, ${cpuUsPerDelivery.toFixed(1)} µs server CPU per delivery; generator ${(load.editRate * 100).toFixed(0)} % of edits sent, loop delay p99 ${load.loopDelayP99.toFixed(1)} ms\n`);
      }
      latency.push(m);
    }
    const saturation = await measure(token, one, two, SATURATION);
    for (const setup of ['one', 'two'] as const) {
      const { load, cpuUsPerDelivery } = saturation[setup];
      process.stdout.write(`  saturation ${setup === 'one' ? '1 node LevelDB' : '2 nodes PG+Redis'}: ${load.deliveriesPerSecond.toFixed(0)} deliveries/s, p99 ${load.p99.toFixed(1)} ms, ${load.samples}/${load.expected} delivered, ${cpuUsPerDelivery.toFixed(1)} µs server CPU per delivery\n`);
    }
    const appends = await appendLatencies(postgres.url);

    const lat = (setup: Setup, key: 'p50' | 'p99') => median(latency.map((m) => m[setup].load[key]));
    const cpu = (setup: Setup) => median(latency.map((m) => m[setup].cpuUsPerDelivery));
    const load = `${LATENCY.rooms}×${LATENCY.clientsPerRoom}, ${LATENCY.editsPerSecondPerRoom}/s/room`;
    const sat = `${SATURATION.rooms}×${SATURATION.clientsPerRoom} asking ${SATURATION.editsPerSecondPerRoom}/s/room`;
    return [
      row(`sync latency p50, clients over 2 nodes (${load})`, 'ms', lat('two', 'p50'), lat('one', 'p50'), '1 node, LevelDB'),
      row(`sync latency p99, clients over 2 nodes (${load})`, 'ms', lat('two', 'p99'), lat('one', 'p99'), '1 node, LevelDB'),
      row(`server CPU per delivery, 2 nodes (${load})`, 'µs', cpu('two'), cpu('one'), '1 node, LevelDB'),
      row(`deliveries per second at saturation, 2 nodes (${sat})`, 'msg/s', saturation.two.load.deliveriesPerSecond, saturation.one.load.deliveriesPerSecond, '1 node, LevelDB'),
      row(`server CPU per delivery at saturation, 2 nodes`, 'µs', saturation.two.cpuUsPerDelivery, saturation.one.cpuUsPerDelivery, '1 node, LevelDB'),
      row(`durable append p50 (${APPENDS} appends)`, 'ms', percentile(appends.store, 50), percentile(appends.raw, 50), 'pg INSERT of the same bytes'),
      row(`durable append p99 (${APPENDS} appends)`, 'ms', percentile(appends.store, 99), percentile(appends.raw, 99), 'pg INSERT of the same bytes'),
    ];
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await Promise.all([postgres.destroy(), redis.destroy()]);
  }
}
