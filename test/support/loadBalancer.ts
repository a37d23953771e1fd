/**
 * A TCP load balancer for the multi-node tests: each new connection goes to the next node that
 * accepts it (round robin); a node that refuses is skipped. When a node dies, its connections are cut
 * and the clients reconnect through the balancer to another node, as behind a real one.
 */
import { createConnection, createServer, type Socket } from 'node:net';

export type LoadBalancer = { port: number; url: string; close(): Promise<void> };

export async function startLoadBalancer(backendPorts: () => number[]): Promise<LoadBalancer> {
  let next = 0;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const ports = backendPorts();
    const tryNode = (attempt: number) => {
      if (attempt >= ports.length) return client.destroy();
      const port = ports[next++ % ports.length]!;
      const backend = createConnection({ host: '127.0.0.1', port });
      let connected = false;
      backend.once('error', () => {
        backend.destroy();
        if (!connected) tryNode(attempt + 1);
      });
      backend.once('connect', () => {
        connected = true;
        open.add(backend);
        backend.on('close', () => {
          open.delete(backend);
          client.destroy();
        });
        backend.on('error', () => backend.destroy());
        client.on('close', () => backend.destroy());
        client.pipe(backend);
        backend.pipe(client);
        client.resume();
      });
    };
    tryNode(0);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return {
    port,
    url: `ws://127.0.0.1:${port}`,
    close: async () => {
      for (const s of open) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
