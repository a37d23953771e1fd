/** "Share this workspace on my network" with the real embedded sync server and real y-websocket clients. */
import { mkdtempSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type ShareInfo } from '../../../shared/ipc/contract';
import { takeInviteToken } from '../../../shared/sync/inviteLink';
import { roomName } from '../../../shared/sync/rooms';

vi.mock('electron', async () => (await import('../electronMock')).electronMock());

const { electronStoreBackend, SettingsService } = await import('../../../main/settings/settingsService');
const { advertisedHost, ShareService, shareableAddresses } = await import('../../../main/sync/shareService');
const { WorkspaceManager } = await import('../../../main/workspace/workspaceManager');
const { loadTemplates } = await import('../../../main/templates/loadTemplates');

let root: string;
let workspaces: InstanceType<typeof WorkspaceManager>;
let settings: InstanceType<typeof SettingsService>;
let share: InstanceType<typeof ShareService>;
let sharing: (ShareInfo | null)[];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tandem-share-'));
  sharing = [];
  settings = new SettingsService(electronStoreBackend({ cwd: mkdtempSync(join(tmpdir(), 'tandem-share-settings-')) }));
  workspaces = new WorkspaceManager({
    settings, templates: () => loadTemplates(), trash: async () => {}, pickFolder: async () => root, watch: false,
    onWorkspaceChanged: () => {}, onPlansChanged: () => {}, onExternalUpdate: () => {}, onUnreadable: () => {},
  });
  share = new ShareService({ settings, workspaces, dataDir: join(root, '.userdata'), onSharing: (i) => sharing.push(i) });
});
afterEach(async () => {
  await share.stopSharing();
  await workspaces.close();
  await rm(root, { recursive: true, force: true });
});

function connect(serverUrl: string, workspaceId: string, docId: string, token: string, doc: Y.Doc): WebsocketProvider {
  return new WebsocketProvider(serverUrl, roomName(workspaceId, docId), doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, params: { token },
  });
}

const until = (check: () => boolean) => new Promise<void>((resolve) => {
  const tick = () => (check() ? resolve() : setTimeout(tick, 10));
  tick();
});

describe('sharing a workspace from the desktop', () => {
  it('is local-only until a server is configured', async () => {
    expect(share.target()).toBeNull();
    const info = await workspaces.openFolderDialog();
    expect(share.target()).toBeNull();
    settings.update({ serverUrl: 'wss://sync.example.com', token: 'invite-token' });
    expect(share.target()).toEqual({ serverUrl: 'wss://sync.example.com', token: 'invite-token', workspaceId: info!.id });
  });

  it('starts the embedded server on the chosen address; the invite token lets another person edit with us', async () => {
    const info = (await workspaces.openFolderDialog())!;
    const plan = await workspaces.require().createPlan({ templateId: 'campaign-plan', title: 'Shared plan' });
    const invite = await share.share({ host: '127.0.0.1' });
    expect(invite.serverUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(invite.inviteUrl).toBe(`${invite.serverUrl.replace('ws://', 'http://')}/#token=${invite.token}`);
    expect(takeInviteToken(new URL(invite.inviteUrl)).token).toBe(invite.token);
    expect(decodeJwt(invite.token)).toMatchObject({ workspaceId: info.id, role: 'editor' });
    expect(sharing).toEqual([invite]);
    const target = share.target()!;
    expect(target.serverUrl).toBe(invite.serverUrl);

    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    const a = connect(target.serverUrl, info.id, plan.id, target.token, mine);
    const b = connect(invite.serverUrl, info.id, plan.id, invite.token, theirs);
    mine.getText('t').insert(0, 'hello from the host');
    await until(() => theirs.getText('t').toString() === 'hello from the host');
    a.destroy();
    b.destroy();

    const again = await share.share({ host: '127.0.0.1' });
    expect(again.serverUrl).not.toBe(invite.serverUrl);
    await share.stopSharing();
    expect(sharing.at(-1)).toBeNull();
    expect(share.target()).toBeNull();
  });

  it('Stop Sharing retires every invite handed out: sharing again, even on the same address, refuses the old links', async () => {
    const info = (await workspaces.openFolderDialog())!;
    const first = await share.share({ host: '127.0.0.1' });
    const port = Number(new URL(first.inviteUrl).port);
    const plans = (token: string) => fetch(`http://127.0.0.1:${port}/api/workspaces/${info.id}/plans`, { headers: { authorization: `Bearer ${token}` } });
    expect((await plans(first.token)).status).toBe(200);
    await share.stopSharing();

    const second = await share.share({ host: '127.0.0.1', port });
    expect((await plans(first.token)).status).toBe(401);
    expect((await plans(second.token)).status).toBe(200);
    await share.stopSharing();
  });

  it('invites one colleague by name and role: the server knows them by that name and lets them do what the role allows', async () => {
    const info = (await workspaces.openFolderDialog())!;
    await expect(share.invite({ name: 'Marcus Lee', role: 'editor' })).rejects.toThrow(/not shared from here/);
    const plan = await workspaces.require().createPlan({ templateId: 'campaign-plan', title: 'Shared plan' });
    await share.share({ host: '127.0.0.1' });
    const marcus = await share.invite({ name: 'Marcus Lee', role: 'editor' });
    const vera = await share.invite({ name: 'Vera Viewer', role: 'viewer' });
    expect(decodeJwt(marcus.token)).toMatchObject({ workspaceId: info.id, name: 'Marcus Lee', role: 'editor' });
    expect(takeInviteToken(new URL(marcus.inviteUrl)).token).toBe(marcus.token);
    expect(decodeJwt(vera.token)).toMatchObject({ name: 'Vera Viewer', role: 'viewer' });

    // Marcus edits with the host, and his presence reaches the host under the invite's name.
    const serverUrl = share.target()!.serverUrl;
    const host = new Y.Doc();
    const theirs = new Y.Doc();
    const hostSide = connect(serverUrl, info.id, plan.id, share.target()!.token, host);
    const m = connect(serverUrl, info.id, plan.id, marcus.token, theirs);
    theirs.getText('t').insert(0, 'from Marcus');
    await until(() => host.getText('t').toString() === 'from Marcus');
    m.awareness.setLocalStateField('user', { name: 'Marcus Lee', color: '#059669' });
    await until(() => [...hostSide.awareness.getStates().values()].some((s) => (s.user as { name?: string } | undefined)?.name === 'Marcus Lee'));
    m.destroy();
    hostSide.destroy();
  });

  it('invites on a dialable address when asked to listen on every address', () => {
    // Pure: a test must not listen beyond loopback.
    expect(advertisedHost('0.0.0.0', ['127.0.0.1', '192.168.1.20', '10.0.0.5'])).toBe('192.168.1.20');
    expect(advertisedHost('0.0.0.0', ['127.0.0.1'])).toBe('127.0.0.1');
    expect(advertisedHost('10.0.0.5', ['127.0.0.1', '192.168.1.20', '10.0.0.5'])).toBe('10.0.0.5');
    expect(() => advertisedHost('10.9.9.9', ['127.0.0.1'])).toThrow(/choose one of 127\.0\.0\.1, 0\.0\.0\.0/);
  });

  it('refuses an address that is not this computer', async () => {
    await workspaces.openFolderDialog();
    await expect(share.share({ host: '8.8.8.8' })).rejects.toThrow(/not an address of this computer/);
    expect(shareableAddresses()).toContain('127.0.0.1');
  });
});
