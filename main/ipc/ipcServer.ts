/**
 * The one typed door, main side: serves the host services on IPC_INVOKE_CHANNEL. Every call is
 * checked — the sender must be the main frame of one of our windows showing our own page, the method
 * must be on the allow-list, the argument must pass its zod schema — and answers with a result or a
 * HostErrorPayload (a code and a readable message, never a stack trace).
 */
import { type IpcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_INVOKE_CHANNEL, type HostErrorPayload, type HostServices } from '../../shared/ipc/contract';
import { createDispatcher, HostError } from '../../shared/ipc/dispatch';
import { OutsideWorkspaceError } from '../workspace/safePath';

export type InvokeReply = { ok: true; value: unknown } | { ok: false; error: HostErrorPayload };

export type TrustedSenders = {
  /** webContents ids of our windows. */
  has(webContentsId: number): boolean;
  /** The page our windows load (file:// URL of the renderer's index.html). */
  pageUrl: string;
};

/** Our page, ignoring query and fragment. */
export function isOurPage(url: string, pageUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(pageUrl);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

export function isTrustedSender(event: IpcMainInvokeEvent, trusted: TrustedSenders): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!trusted.has(event.sender.id)) return false;
  return isOurPage(frame.url, trusted.pageUrl);
}

/** What the renderer may see of an error: our own readable messages, never a stack. */
export function toErrorPayload(methodId: string, error: unknown): HostErrorPayload {
  if (error instanceof HostError) return error.toPayload();
  if (error instanceof OutsideWorkspaceError) return { code: 'forbidden', message: error.message };
  const message = error instanceof Error ? error.message.split('\n')[0]!.trim() : '';
  return { code: 'failed', message: message || `${methodId} failed` };
}

export function serveHost(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, services: HostServices, trusted: TrustedSenders,
  log: (line: string) => void = (l) => console.warn(l)): () => void {
  const dispatch = createDispatcher(services);
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, methodId: unknown, arg: unknown): Promise<InvokeReply> => {
    const id = String(methodId).slice(0, 80);
    if (!isTrustedSender(event, trusted)) {
      log(`refused ${id} from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`);
      return { ok: false, error: { code: 'forbidden', message: 'this page may not call Tandem' } };
    }
    try {
      return { ok: true, value: await dispatch(methodId, arg) };
    } catch (e) {
      const error = toErrorPayload(id, e);
      if (error.code === 'failed') log(`${id} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return { ok: false, error };
    }
  });
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
}
