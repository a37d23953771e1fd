/** The renderer's comments service, in Node, against a real sync server, with a host storing to real files. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createToken, startSyncServer, type SyncServer } from '../../../main/server/index';
import { type Person } from '../../../shared/model/people';
import { type Role } from '../../../shared/sync/rooms';
import { openCommentsService, type CommentsService } from '../../../renderer/collab/commentsService';
import { listPlan } from '../../main/server/helpers';
import { fsHost } from './fsHost';

const SECRET = 'comments-service-test-secret';
const WORKSPACE = 'ws_comments';
const person = (id: string, name: string): Person => ({ id, name, email: '', team: 'sales', role: '', color: '#336699' });
const PEOPLE = [person('p_ana', 'Ana Lima'), person('p_cam', 'Cam Diaz')];

let dir: string;
let server: SyncServer;
const services: CommentsService[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-comments-'));
  server = await startSyncServer({ port: 0, dataDir: join(dir, 'server'), secret: SECRET, log: () => {} });
  await listPlan(server.wsUrl, WORKSPACE, 'plan_1', await createToken(SECRET, { workspaceId: WORKSPACE, name: 'Ana Lima', role: 'editor' }));
});
afterEach(async () => {
  for (const s of services.splice(0)) await s.destroy();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** A service as the workbench would open it, for the person named in the invite; `settingsName` is the name in their settings. */
async function open(name: string, role: Role, settingsName = name): Promise<CommentsService> {
  const h = fsHost(join(dir, name));
  const token = await createToken(SECRET, { workspaceId: WORKSPACE, name, role });
  const service = openCommentsService({
    host: h.host, events: h.events, planId: 'plan_1', people: () => PEOPLE, onSkip: () => {},
    target: { serverUrl: server.wsUrl, workspaceId: WORKSPACE, token, name, role },
    user: { name: settingsName, color: '#bf3989' }, network: null,
    provider: { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket },
  });
  services.push(service);
  await service.ready;
  return service;
}

/** Resolves once `ok` holds, checked whenever the service's threads change. */
const until = (s: CommentsService, ok: () => boolean) => new Promise<void>((resolve) => {
  if (ok()) return resolve();
  const stop = s.onChange(() => ok() && (stop(), resolve()));
});

describe('comments service', () => {
  it('a commenter asks on a goal\'s target, the editor sees it live, answers and resolves; counts and filters follow', async () => {
    const ana = await open('Ana Lima', 'editor');
    const cam = await open('Cam Diaz', 'commenter', 'cam (laptop)');
    expect(cam.author, 'writes as the invite names them, which the server checks').toBe('Cam Diaz');
    expect(cam.readOnly).toBe(false);

    const threadId = cam.startThread({ kind: 'goal', goalId: 'goal_1', field: 'target' }, '@Ana Lima is this lead target realistic?', ['p_ana']);
    await until(ana, () => ana.threads().length === 1);
    expect(ana.filtered('requests').map((t) => t.id)).toEqual([threadId]);
    expect(ana.filtered('mentions').map((t) => t.id)).toEqual([threadId]);
    expect(Object.fromEntries(ana.counts())).toEqual({ 'goal:goal_1': { open: 1, resolved: 0 } });

    ana.reply(threadId, 'Yes, with the two new SDRs.');
    await until(cam, () => cam.threads()[0]?.messages.length === 2);
    expect(ana.filtered('requests'), 'answered').toEqual([]);
    cam.setResolved(threadId, true);
    await until(ana, () => ana.threads()[0]?.resolved === true);
    expect(Object.fromEntries(ana.counts())).toEqual({ 'goal:goal_1': { open: 0, resolved: 1 } });
    expect(ana.threads()[0]).toMatchObject({ author: 'Cam Diaz', resolvedBy: 'Cam Diaz', messages: [{ author: 'Cam Diaz' }, { author: 'Ana Lima' }] });
    expect(() => cam.deleteThread(threadId)).toThrow('only editors can delete a comment thread');
    expect(cam.session.status().connection, 'the server took everything (a refusal would have stopped it)').toBe('connected');
  });

  it('opens read-only for a viewer, who reads the comments but cannot write them', async () => {
    const ana = await open('Ana Lima', 'editor');
    ana.startThread({ kind: 'plan' }, 'Welcome');
    const vic = await open('Vic', 'viewer');
    await until(vic, () => vic.threads().length === 1);
    expect(vic.readOnly).toBe(true);
    expect(() => vic.reply(vic.threads()[0]!.id, 'hi')).toThrow('your invite lets you read the comments, not write them');
  });
});
