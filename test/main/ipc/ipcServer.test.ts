/**
 * The IPC door with the real services on a real temp folder; only Electron's ipcMain (the platform
 * edge) is replaced, by a recorder of the one handler.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type IpcMainInvokeEvent } from 'electron';
import * as Y from 'yjs';
import { IPC_INVOKE_CHANNEL, type HostEventName, type PlanSummary, type WorkspaceInfo } from '../../../shared/ipc/contract';
import { readPlanMeta } from '../../../shared/model/planDoc';

vi.mock('electron', async () => (await import('../electronMock')).electronMock());

const { serveHost } = await import('../../../main/ipc/ipcServer');
const { createHostServices } = await import('../../../main/hostServices');
const { electronStoreBackend, SettingsService } = await import('../../../main/settings/settingsService');
const { ShareService } = await import('../../../main/sync/shareService');
const { WorkspaceManager } = await import('../../../main/workspace/workspaceManager');
const { loadTemplates } = await import('../../../main/templates/loadTemplates');

const PAGE = 'file:///opt/Tandem/resources/app.asar/dist/renderer/index.html';
type Handler = (event: IpcMainInvokeEvent, methodId: unknown, arg: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;

let root: string;
let handler: Handler;
let events: { name: HostEventName; payload: unknown }[];
let workspaces: InstanceType<typeof WorkspaceManager>;
const logged: string[] = [];

const ours = (url = PAGE, id = 7, parent: unknown = null) =>
  ({ sender: { id }, senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;
const call = (methodId: unknown, arg?: unknown, event = ours()) => handler(event, methodId, arg);

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tandem-ipc-'));
  events = [];
  const emit = (name: HostEventName, payload: unknown) => events.push({ name, payload });
  const settings = new SettingsService(electronStoreBackend({ cwd: mkdtempSync(join(tmpdir(), 'tandem-ipc-settings-')) }), (s) => emit('settings.changed', s));
  workspaces = new WorkspaceManager({
    settings,
    templates: () => loadTemplates(),
    trash: async () => {},
    pickFolder: async () => root,
    watch: false,
    onWorkspaceChanged: (i) => emit('workspace.changed', i),
    onPlansChanged: (p) => emit('plans.changed', p),
    onExternalUpdate: () => {},
    onUnreadable: () => {},
  });
  const share = new ShareService({ settings, workspaces, dataDir: join(root, '.userdata'), onSharing: () => {} });
  const services = createHostServices({ workspaces, settings, share, templates: () => loadTemplates(), openExternal: async () => {}, exportPdf: async () => ({ outcome: 'cancelled' }) });
  const ipcMain = { handle: (channel: string, h: Handler) => { expect(channel).toBe(IPC_INVOKE_CHANNEL); handler = h; }, removeHandler: () => {} };
  serveHost(ipcMain as never, services, { has: (id) => id === 7, pageUrl: PAGE }, (l) => logged.push(l));
});
afterEach(async () => {
  await workspaces.close();
  await rm(root, { recursive: true, force: true });
});

describe('IPC server', () => {
  it('runs valid calls on the real services', async () => {
    const opened = await call('workspace.openFolder');
    expect(opened.ok).toBe(true);
    expect((opened.value as WorkspaceInfo).location).toBe(root);
    const created = await call('workspace.createPlan', { templateId: 'campaign-plan', title: 'Launch' });
    expect(created.ok).toBe(true);
    const plan = created.value as PlanSummary;
    expect(await readdir(root)).toContain('launch.tandem');
    const loaded = await call('documents.load', { docId: plan.id });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, loaded.value as Uint8Array);
    expect(readPlanMeta(doc).title).toBe('Launch');
    expect((await call('templates.list')).value).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'campaign-plan' })]));
    expect(events.map((e) => e.name)).toEqual(expect.arrayContaining(['workspace.changed', 'plans.changed']));
  });

  it('rejects methods that are not on the allow-list', async () => {
    for (const m of ['workspace.eval', 'fs.readFile', '__proto__.constructor', 'workspace', 42, null]) {
      const r = await call(m);
      expect(r, String(m)).toEqual({ ok: false, error: { code: 'unknown-method', message: expect.stringContaining('is not a host method') } });
    }
  });

  it('rejects invalid arguments before any service runs', async () => {
    await call('workspace.openFolder');
    const cases: [string, unknown][] = [
      ['documents.load', { docId: '../../etc/passwd' }],
      ['documents.save', { docId: 'plan_x', update: 'not bytes' }],
      ['workspace.createPlan', { templateId: 'campaign-plan', title: '   ' }],
      ['workspace.createPlan', { templateId: 'campaign-plan', title: 'x', extra: true }],
      ['settings.update', { theme: 'neon' }],
      ['shell.openExternal', { url: 'file:///etc/passwd' }],
      ['sync.share', { host: '0.0.0.0', port: 70000 }],
      ['sync.invite', { name: '  ', role: 'editor' }],
      ['sync.invite', { name: 'Ana', role: 'owner' }],
    ];
    for (const [m, arg] of cases) {
      const r = await call(m, arg);
      expect(r.ok, m).toBe(false);
      expect(r.error?.code, m).toBe('invalid-argument');
    }
    expect((await call('settings.get')).value).toMatchObject({ theme: 'system' });
    expect((await readdir(root)).filter((n) => n.endsWith('.tandem') && n !== '.tandem')).toEqual([]);
  });

  it('refuses callers that are not the main frame of our own page', async () => {
    const strangers = [
      ours('https://evil.example/index.html'),
      ours('file:///home/me/Downloads/evil.html'),
      ours(PAGE, 8),
      ours(PAGE, 7, { url: PAGE }),
      { sender: { id: 7 }, senderFrame: null } as unknown as IpcMainInvokeEvent,
    ];
    for (const event of strangers) {
      const r = await call('workspace.openFolder', undefined, event);
      expect(r).toEqual({ ok: false, error: { code: 'forbidden', message: 'this page may not call Tandem' } });
    }
    expect(events).toEqual([]);
    expect(existsSync(join(root, '.tandem'))).toBe(false);
  });

  it('answers failures with a readable message and never a stack trace', async () => {
    const r = await call('workspace.listPlans');
    expect(r).toEqual({ ok: false, error: { code: 'failed', message: 'no workspace is open: open a folder first' } });
    await call('workspace.openFolder');
    const missing = await call('documents.load', { docId: 'plan_missing' });
    expect(missing.error?.message).toMatch(/no plan "plan_missing"/);
    expect(missing.error?.message).not.toMatch(/\n\s+at /);
    const share = await call('sync.share', { host: '203.0.113.9' });
    expect(share.error?.message).toMatch(/not an address of this computer/);
  });

  it('remembers opened folders as recent workspaces and reopens them', async () => {
    const opened = (await call('workspace.openFolder')).value as WorkspaceInfo;
    expect((await call('workspace.recent')).value).toEqual([opened]);
    expect((await call('workspace.openRecent', { location: root })).value).toEqual(opened);
    const gone = await call('workspace.openRecent', { location: join(root, 'no-such-folder') });
    expect(gone.error).toEqual({ code: 'failed', message: `"${join(root, 'no-such-folder')}" is not a folder Tandem can open` });
  });

  it('updates settings and announces them', async () => {
    const r = await call('settings.update', { userName: 'Dana', editor: { spellcheck: false } });
    expect(r.value).toMatchObject({ userName: 'Dana', editor: { spellcheck: false, fontSize: 15 } });
    expect(events.at(-1)).toMatchObject({ name: 'settings.changed', payload: { userName: 'Dana' } });
  });
});
