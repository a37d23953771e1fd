/** The preload exposes `window.host = { invoke, on }` and nothing else, and bundles to a sandbox-safe script. */
import { join } from 'node:path';
import { build } from 'esbuild';
import { EVENT_NAMES, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type HostBridge } from '../../../shared/ipc/contract';

type Listener = (event: unknown, ...args: unknown[]) => void;
const electron = vi.hoisted(() => {
  const listeners = new Set<Listener>();
  return {
    exposed: [] as [string, unknown][],
    listeners,
    invoke: vi.fn(),
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.push([key, value]) },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, l: Listener) => { if (channel === IPC_EVENT_CHANNEL) electron.listeners.add(l); },
    removeListener: (_channel: string, l: Listener) => electron.listeners.delete(l),
  },
}));

await import('../../../main/preload/preload');
const emit = (name: string, payload: unknown) => { for (const l of [...electron.listeners]) l({}, name, payload); };

describe('preload', () => {
  it('exposes exactly one object, window.host, with invoke and on', () => {
    expect(electron.exposed.map(([k]) => k)).toEqual(['host']);
    const host = electron.exposed[0]![1] as Record<string, unknown>;
    expect(Object.keys(host).sort()).toEqual(['invoke', 'on']);
    expect(typeof host.invoke).toBe('function');
    expect(typeof host.on).toBe('function');
  });

  const host = () => electron.exposed[0]![1] as HostBridge;

  it('invoke crosses the one channel and returns the value', async () => {
    electron.invoke.mockResolvedValueOnce({ ok: true, value: [1, 2] });
    await expect(host().invoke('workspace.listPlans')).resolves.toEqual([1, 2]);
    expect(electron.invoke).toHaveBeenLastCalledWith(IPC_INVOKE_CHANNEL, 'workspace.listPlans', undefined);
  });

  it('invoke turns a host error into a rejected Error with its code and message', async () => {
    electron.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'invalid-argument', message: 'documents.load: bad id' } });
    await expect(host().invoke('documents.load', { docId: '..' })).rejects.toMatchObject({ message: 'documents.load: bad id', code: 'invalid-argument' });
  });

  it('on listens only to the contract events, only to the one asked for, and unsubscribes', () => {
    expect(() => host().on('ipc-raw', () => {})).toThrow(/not a host event/);
    const got: unknown[] = [];
    const off = host().on('plans.changed', (p) => got.push(p));
    emit('settings.changed', { theme: 'dark' });
    emit('plans.changed', ['a']);
    off();
    emit('plans.changed', ['b']);
    expect(got).toEqual([['a']]);
    expect(electron.listeners.size).toBe(0);
    expect(EVENT_NAMES.has('plans.changed')).toBe(true);
  });

  it('bundles to CommonJS that requires nothing but electron (a sandboxed preload cannot)', async () => {
    const out = await build({
      entryPoints: [join(import.meta.dirname, '../../../main/preload/preload.ts')],
      bundle: true, platform: 'node', format: 'cjs', external: ['electron'], write: false, logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });
});
