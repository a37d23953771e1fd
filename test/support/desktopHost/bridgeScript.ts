/**
 * What the preload does in Electron, done by an init script: `window.host = { invoke, on }` before
 * the page's own scripts run. `invoke` crosses to the desktop host child through the
 * `__tandemInvoke` binding and turns an error reply back into a rejected Error with its code; the
 * harness delivers the host's `webContents.send` messages through `__tandemEvent`. Runs in the page:
 * self-contained, no imports.
 */
type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

declare global {
  interface Window {
    __tandemInvoke?: (methodId: unknown, arg: unknown) => Promise<unknown>;
    __tandemEvent?: (channel: string, name: unknown, payload: unknown) => void;
  }
}

export function installHostBridge({ eventNames, eventChannel }: { eventNames: string[]; eventChannel: string }): void {
  const encode = (value: unknown): unknown => {
    if (value instanceof Uint8Array) {
      let s = '';
      for (let i = 0; i < value.length; i += 0x8000) s += String.fromCharCode(...value.subarray(i, i + 0x8000));
      return { $bytes: btoa(s) };
    }
    if (Array.isArray(value)) return value.map(encode);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
    return value;
  };
  const decode = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(decode);
    if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.$bytes === 'string' && Object.keys(o).length === 1) return Uint8Array.from(atob(o.$bytes), (c) => c.charCodeAt(0));
      return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, decode(v)]));
    }
    return value;
  };
  const names = new Set(eventNames);
  const listeners = new Set<(name: unknown, payload: unknown) => void>();
  window.__tandemEvent = (channel, name, payload) => {
    if (channel !== eventChannel) return;
    const decoded = decode(payload);
    for (const l of [...listeners]) l(name, decoded);
  };
  window.host = Object.freeze({
    async invoke(methodId: string, arg?: unknown) {
      const reply = decode(await window.__tandemInvoke!(methodId, encode(arg))) as Reply;
      if (reply.ok) return reply.value;
      throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    },
    on(event: string, listener: (payload: unknown) => void) {
      if (!names.has(event)) throw new Error(`"${event}" is not a host event`);
      const handler = (name: unknown, payload: unknown) => {
        if (name === event) listener(payload);
      };
      listeners.add(handler);
      return () => {
        listeners.delete(handler);
      };
    },
  });
}
