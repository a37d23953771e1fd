/**
 * The RoomBus on Redis pub/sub (node-redis): channel `tandem:room:<name>` per room, one connection
 * publishing and one subscribed (Redis wants a connection of its own for subscriptions). Why pub/sub
 * and not streams: docs/scaling.md.
 *
 * node-redis reconnects by itself and subscribes again to every channel it had; meanwhile `health`
 * is down (the server then closes its clients and unloads its rooms, which may have missed messages)
 * and publishing drops messages rather than queueing stale ones.
 */
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { HealthSignal } from '../health';
import { type Log } from '../log';
import { type RoomBus } from './roomBus';

export type RedisBusOptions = {
  /** redis://host:port */
  url: string;
  log: Log;
  /** How long to wait for Redis on start before giving up (ms); default 5000. */
  connectTimeoutMs?: number;
};

const channelOf = (room: string) => `tandem:room:${room}`;
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function connectRedisBus({ url, log, connectTimeoutMs = 5000 }: RedisBusOptions): Promise<RoomBus> {
  const socket = { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 1000), connectTimeout: connectTimeoutMs };
  const pub = createClient({ url, socket, disableOfflineQueue: true });
  const sub = createClient({ url, socket });
  const health = new HealthSignal('redis');
  const update = (detail: string) => (pub.isReady && sub.isReady ? health.up() : health.down(detail));
  for (const client of [pub, sub]) {
    client.on('ready', () => update('connecting'));
    client.on('error', (err: unknown) => update(message(err)));
    client.on('reconnecting', () => update('reconnecting'));
    client.on('end', () => update('closed'));
  }

  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.all([pub.connect(), sub.connect()]),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${connectTimeoutMs} ms`)), connectTimeoutMs))),
    ]);
  } catch (err) {
    pub.destroy();
    sub.destroy();
    throw new Error(`could not reach Redis at ${new URL(url).host}: ${message(err)}`);
  } finally {
    clearTimeout(timer);
  }
  update('connecting');

  return {
    nodeId: randomBytes(6).toString('base64url'),
    health,
    publish(room, bytes) {
      if (!pub.isReady) return;
      pub.publish(channelOf(room), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).catch((err: unknown) => {
        log({ level: 'debug', event: 'bus-publish-failed', room, error: message(err) });
      });
    },
    async subscribe(room, onMessage) {
      const listener = (m: Buffer) => onMessage(new Uint8Array(m.buffer, m.byteOffset, m.byteLength));
      await sub.subscribe(channelOf(room), listener, true);
      return () => {
        sub.unsubscribe(channelOf(room), listener, true).catch(() => {});
      };
    },
    async close() {
      await Promise.allSettled([pub.close(), sub.close()]);
    },
  };
}
