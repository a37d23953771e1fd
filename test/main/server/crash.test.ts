/**
 * Crash safety: the server runs as its own process under a storm of edits from several clients and is
 * SIGKILLed at random moments. After each restart, everything the killed server had logged as stored
 * must be served; at the end, with every client reconnected, all documents converge with no edit lost.
 */
import * as Y from 'yjs';
import { connectClient, removeDir, SECRET, serverState, synced, tempDir, waitFor, type Client } from './helpers';
import { createToken } from '../../../main/server/index';
import { seededRandom } from './seededRandom';
import { killChildren } from '../../support/childProcesses';
import { buildServerBundle, freePort, startServerProcess as startChild } from './serverProcess';

afterEach(killChildren);

const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const ROOMS = ['ws1/plan_a', 'ws1/plan_b'];

it(`loses nothing stored across ${KILLS} SIGKILLs during an edit storm`, async () => {
  const bundle = await buildServerBundle('cli');
  const dataDir = tempDir();
  const port = await freePort();
  const url = `ws://127.0.0.1:${port}`;
  const token = await createToken(SECRET, { workspaceId: 'ws1', name: 'Storm', role: 'editor' });
  const random = seededRandom(7);
  let child = startChild(bundle, port, dataDir);
  await child.listening;

  const clients: Client[] = [];
  for (let i = 0; i < 4; i++) clients.push(connectClient(url, ROOMS[i % ROOMS.length]!, token, new Y.Doc(), true, 50));
  await Promise.all(clients.map(synced));
  const written = clients.map(() => 0);
  const storm = setInterval(() => {
    clients.forEach((c, i) => {
      const n = written[i]!++;
      c.doc.getText('t').insert(c.doc.getText('t').length, `c${i}.${n};`);
      if (n % 10 === 0) c.doc.getMap('goal').set(`owner${i}`, n);
    });
  }, 3);

  try {
    let checkedStored = 0;
    for (let k = 0; k < KILLS; k++) {
      // Kill at a random moment once this server has stored something of each room.
      const current = child;
      await waitFor(() => ROOMS.every((room) => current.stored.has(room)), 'the server to store edits of every room', 60_000);
      await new Promise((r) => setTimeout(r, random() * 300));
      for (const c of clients) c.provider.disconnect();
      child.proc.kill('SIGKILL');
      await child.exited;
      const storedBeforeKill = new Map(child.stored);

      child = startChild(bundle, port, dataDir);
      await child.listening;
      for (const room of ROOMS) {
        const covers = storedBeforeKill.get(room);
        if (!covers) continue;
        const served = Y.decodeStateVector(Y.encodeStateVector(await serverState(url, room, token)));
        for (const [client, clock] of Object.entries(covers)) {
          expect(served.get(Number(client)) ?? 0, `room ${room}, client ${client} after kill ${k + 1}`).toBeGreaterThanOrEqual(clock);
        }
        checkedStored++;
      }
      for (const c of clients) c.provider.connect();
      await Promise.all(clients.map(synced));
    }
    expect(checkedStored).toBe(KILLS * ROOMS.length);
  } finally {
    clearInterval(storm);
  }

  // Every client reconnected: each room converges to the union of all edits.
  await Promise.all(clients.map(synced));
  for (const room of ROOMS) {
    const inRoom = clients.filter((c) => c.provider.roomname === room);
    await waitFor(() => inRoom.every((c) => c.doc.getText('t').toString() === inRoom[0]!.doc.getText('t').toString()), `room ${room} to converge`);
    const text = inRoom[0]!.doc.getText('t').toString();
    clients.forEach((c, i) => {
      if (c.provider.roomname !== room) return;
      for (let n = 0; n < written[i]!; n++) expect(text.includes(`c${i}.${n};`), `edit c${i}.${n} in ${room}`).toBe(true);
    });
    expect((await serverState(url, room, token)).getText('t').toString()).toBe(text);
  }
  for (const c of clients) c.destroy();
  child.proc.kill('SIGTERM');
  await child.exited;
  removeDir(dataDir);
  removeDir(bundle);
}, 240_000);
