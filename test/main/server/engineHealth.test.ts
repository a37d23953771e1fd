/**
 * /healthz on a node of several (real PostgreSQL and Redis, started here): it says both engines are up,
 * and when one stops it answers 503 naming that engine, until it is back.
 */
import { connectRedisBus } from '../../../main/server/fanout/redisBus';
import { startSyncServer, type SyncServer } from '../../../main/server/index';
import { openPgDocStore } from '../../../main/server/pgDocStore';
import { enginesMissing, startPostgres, startRedis, type Postgres, type Redis } from '../../support/engines';
import { removeDir, SECRET, tempDir } from './helpers';

const missing = enginesMissing();
if (missing) console.log(`skipping the /healthz engine tests: ${missing}`);

type Health = { status: number; body: { ok: boolean; database: string; redis: string } };

describe.skipIf(missing !== null)('/healthz of a node on PostgreSQL and Redis', () => {
  let postgres: Postgres;
  let redis: Redis;
  let server: SyncServer;
  const dataDir = tempDir();
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const store = await openPgDocStore({ url: postgres.url, probeMs: 100 });
    const bus = await connectRedisBus({ url: redis.url, log: () => {} });
    server = await startSyncServer({ port: 0, secret: SECRET, dataDir, log: () => {}, store, bus });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await Promise.all([postgres?.destroy(), redis?.destroy()]);
    removeDir(dataDir);
  });

  const health = async (): Promise<Health> => {
    const res = await fetch(`${server.url}/healthz`);
    return { status: res.status, body: (await res.json()) as Health['body'] };
  };
  /** Polls /healthz until it answers `status`, for 15 s at most. */
  const healthWhen = async (status: number): Promise<Health> => {
    const until = Date.now() + 15_000;
    let h = await health();
    while (h.status !== status) {
      if (Date.now() > until) throw new Error(`/healthz still answers ${h.status} ${JSON.stringify(h.body)}, not ${status}`);
      await new Promise((r) => setTimeout(r, 50));
      h = await health();
    }
    return h;
  };

  it('reports both engines up, then 503 naming the one that stopped, and 200 once it is back', async () => {
    expect(await health()).toEqual({ status: 200, body: expect.objectContaining({ ok: true, database: 'up', redis: 'up' }) });

    await redis.stop();
    const noRedis = await healthWhen(503);
    expect(noRedis.body).toMatchObject({ ok: false, database: 'up', redis: expect.stringMatching(/^down: /) });
    await redis.start();
    expect((await healthWhen(200)).body).toMatchObject({ ok: true, database: 'up', redis: 'up' });

    await postgres.stop();
    const noDatabase = await healthWhen(503);
    expect(noDatabase.body).toMatchObject({ ok: false, database: expect.stringMatching(/^down: /), redis: 'up' });
    await postgres.start();
    expect((await healthWhen(200)).body).toMatchObject({ ok: true, database: 'up', redis: 'up' });
  }, 60_000);
});
