/**
 * The preload (sandboxed, CommonJS): exposes `window.host = { invoke, on }` and nothing else.
 * `invoke` crosses the one IPC channel and turns a HostErrorPayload back into a rejected Error;
 * `on` listens only to the contract's event names and returns its unsubscribe function.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type HostBridge, type HostErrorPayload } from '../../shared/ipc/contract';

type Reply = { ok: true; value: unknown } | { ok: false; error: HostErrorPayload };

const bridge: HostBridge = {
  async invoke(methodId, arg) {
    const reply = (await ipcRenderer.invoke(IPC_INVOKE_CHANNEL, methodId, arg)) as Reply;
    if (reply.ok) return reply.value;
    throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  },
  on(event, listener) {
    if (!EVENT_NAMES.has(event)) throw new Error(`"${event}" is not a host event`);
    const handler = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('host', bridge);
