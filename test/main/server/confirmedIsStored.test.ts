/**
 * "Confirmed" means stored. A writer counts its edits confirmed with the renderer's own
 * ServerConfirmations (a sync step 1 on the same socket, answered by the server); the server process is
 * SIGKILLed the instant a confirmation arrives. After the restart, every edit the writer saw confirmed
 * is served — and the writer is gone by then, so nothing could have re-sent it.
 */
import * as Y from 'yjs';
import { ServerConfirmations } from '../../../renderer/collab/serverConfirmations';
import { createToken } from '../../../main/server/index';
import { connectClient, removeDir, SECRET, serverState, synced, tempDir, waitFor } from './helpers';
import { seededRandom } from './seededRandom';
import { killChildren } from '../../support/childProcesses';
import { buildServerBundle, freePort, startServerProcess } from './serverProcess';

afterEach(killChildren);

const ROUNDS = 6;

it(`every edit a client saw confirmed survives a SIGKILL at the moment of confirmation (${ROUNDS} rounds)`, async () => {
  const bundle = await buildServerBundle('confirmed');
  const dataDir = tempDir();
  const port = await freePort();
  const url = `ws://127.0.0.1:${port}`;
  const token = await createToken(SECRET, { workspaceId: 'ws1', name: 'Writer', role: 'editor' });
  const random = seededRandom(11);
  let server = startServerProcess(bundle, port, dataDir);
  await server.listening;
  const lost: string[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const room = `ws1/plan_${round}`;
      const writer = connectClient(url, room, token, new Y.Doc(), true, 50);
      let made = 0;
      let confirmedAtKill = -1;
      const killAfter = Date.now() + 300 + random() * 700;
      const confirmations = new ServerConfirmations(writer.provider, () => {
        const confirmed = made - confirmations.unsynced;
        if (confirmedAtKill < 0 && confirmed > 0 && Date.now() >= killAfter) {
          server.proc.kill('SIGKILL');
          confirmedAtKill = confirmed;
        }
      }, 20);
      writer.doc.on('update', (_u: Uint8Array, origin: unknown) => {
        if (origin !== writer.provider) confirmations.localUpdate();
      });
      await synced(writer);
      const text = writer.doc.getText('t');
      const storm = setInterval(() => {
        if (confirmedAtKill >= 0) return;
        const n = made++;
        text.insert(text.length, `e${n};`);
      }, 2);
      try {
        await waitFor(() => confirmedAtKill >= 0, 'a confirmation after the kill time', 30_000);
      } finally {
        clearInterval(storm);
        confirmations.destroy();
        writer.destroy();
      }
      await server.exited;

      server = startServerProcess(bundle, port, dataDir);
      await server.listening;
      const served = (await serverState(url, room, token)).getText('t').toString();
      const missing = Array.from({ length: confirmedAtKill }, (_, n) => `e${n};`).filter((e) => !served.includes(e));
      if (missing.length) lost.push(`round ${round}: ${missing.length} of ${confirmedAtKill} confirmed edits lost (${missing.slice(0, 3).join(' ')}…)`);
    }
    expect(lost).toEqual([]);
  } finally {
    server.proc.kill('SIGKILL');
    await server.exited;
    removeDir(dataDir);
    removeDir(bundle);
  }
}, 120_000);
