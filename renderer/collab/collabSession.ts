/**
 * One open document: its Y.Doc, its local persistence through the host, and its y-websocket provider.
 *
 * Order of life: listeners on the doc first (so no update escapes saving), then the local state from
 * host.documents.load, then the provider. Every update — typed here, received from the server, or
 * merged from disk — is applied to the doc; every update except those that came from disk is saved
 * through host.documents.save, in order. Teardown runs the other way round: stop listening to the
 * host, leave the room (our presence disappears), write what is still queued, then free the doc.
 */
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import { type HostServices, type SyncTarget } from '../../shared/ipc/contract';
import { mayWrite, parseDocId, roomName } from '../../shared/sync/rooms';
import { keepSetFieldHistory } from '../../shared/conflicts/replacedValues';
import { watchConflicts } from '../../shared/conflicts/watchConflicts';
import { serverClose } from '../../shared/sync/serverClose';
import { migratePlanDoc, readPlanMeta } from '../../shared/model/planDoc';
import { WORKSPACE_DOC_ID } from '../../shared/model/workspaceDoc';
import { type HostEventSource } from '../platform/host';
import { thisDevice } from './deviceId';
import { SaveQueue } from './saveQueue';
import { ServerConfirmations } from './serverConfirmations';

export type Peer = { clientId: number; name: string; color: string };
export type SyncStatus = {
  /** `stopped`: the server closed the connection for a reason a retry cannot fix (`stopped` says which). */
  connection: 'local-only' | 'connecting' | 'connected' | 'offline' | 'stopped';
  /** Why syncing stopped, in words for the status bar; null unless `connection` is `stopped`. */
  stopped: string | null;
  /** Every local update is durable on this machine (host.documents.save resolved). */
  saved: boolean;
  /** Why the last save failed; it is retried until it succeeds. */
  saveError: string | null;
  /** Local updates the server has not confirmed yet. */
  unsynced: number;
  peers: Peer[];
};
export interface CollabSession {
  readonly docId: string;
  readonly doc: Y.Doc;
  /** This device's lasting id: whose replaced values this session tells. */
  readonly device: string;
  readonly awareness: Awareness;
  /** Resolves when the local state is loaded (and the provider, if any, is started). */
  readonly ready: Promise<void>;
  /**
   * The server does not accept this person's changes to this document (a viewer's invite, or a
   * commenter's for a plan; see `mayWrite`): the plan opens read-only, and a change made here anyway is neither saved on this machine nor counted as
   * waiting for the server, so it cannot reach the plan later (say once this browser has an editor's invite).
   */
  readonly readOnly: boolean;
  status(): SyncStatus;
  onStatus(listener: (s: SyncStatus) => void): () => void;
  destroy(): Promise<void>;
}

/** The awareness field holding a user's name and colour (also the remote cursors' data). */
export const USER_FIELD = 'user';

export type CollabSessionOptions = {
  host: HostServices;
  events: HostEventSource;
  docId: string;
  target: SyncTarget | null;
  user: { name: string; color: string };
  /** For Node clients and tests: the socket class. */
  provider?: { WebSocketPolyfill?: typeof WebSocket };
  /** Where the browser says `offline` / `online` (the window; none in Node unless a test passes one). */
  network?: NetworkEvents | null;
  /** This device's lasting id (conflict notices reach the device that wrote the replaced value); see deviceId.ts. */
  device?: string;
};

/** What announces that the network went away or came back. */
export type NetworkEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

const browserNetwork = (): NetworkEvents | null => (typeof window === 'undefined' ? null : window);

const FROM_DISK = Symbol('from-disk');

export function openCollabSession(opts: CollabSessionOptions): CollabSession {
  const { host, events, docId, target, user } = opts;
  const readOnly = target?.role !== undefined && !mayWrite(target.role, docId);
  const device = opts.device ?? thisDevice();
  const doc = new Y.Doc({ gcFilter: keepSetFieldHistory });
  // Before anything is loaded: a replaced value can arrive from disk as well as from the server.
  // Only a plan's fields are watched: a document beside a plan has its own model (and its server rules
  // would refuse the conflict records).
  const isPlanOrWorkspace = parseDocId(docId)?.kind === null;
  const stopConflictWatch = isPlanOrWorkspace ? watchConflicts(doc, { me: { name: user.name, device } }) : () => {};
  const awareness = new Awareness(doc);
  awareness.setLocalStateField(USER_FIELD, { name: user.name, color: user.color });

  const listeners = new Set<(s: SyncStatus) => void>();
  let everConnected = false;
  let destroyed = false;
  let provider: WebsocketProvider | null = null;
  let confirmations: ServerConfirmations | null = null;
  /** Ends the wait for the server's first copy (closing must not wait for a slow connection). */
  let stopWaiting = () => {};
  /** The browser said it has no network: the socket is closed at once instead of after y-websocket's 30 s timeout. */
  let networkDown = typeof navigator !== 'undefined' && navigator.onLine === false;
  /** The server closed with a code a retry cannot fix: why, until a reconnect succeeds. */
  let stopped: string | null = null;

  const status = (): SyncStatus => {
    const save = saves.state();
    let connection: SyncStatus['connection'] = 'local-only';
    if (provider) {
      if (stopped !== null) connection = 'stopped';
      else if (networkDown) connection = 'offline';
      else if (provider.wsconnected && provider.synced) connection = 'connected';
      else connection = everConnected ? 'offline' : 'connecting';
    }
    return {
      connection,
      saved: save.saved,
      saveError: save.error,
      unsynced: confirmations?.unsynced ?? 0,
      peers: peersOf(awareness),
      stopped,
    };
  };
  const emit = () => {
    if (destroyed) return;
    const s = status();
    for (const l of listeners) l(s);
  };

  const saves = new SaveQueue((update) => host.documents.save({ docId, update: update as Uint8Array<ArrayBuffer> }), emit);
  let localBeforeProvider = 0;

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_DISK || (readOnly && origin !== provider)) return;
    saves.push(update);
    if (origin !== provider) {
      if (confirmations) confirmations.localUpdate();
      else localBeforeProvider++;
    }
  };
  doc.on('update', onUpdate);
  awareness.on('change', emit);

  const stopExternal = events.on('document.external', (e) => {
    if (e.docId === docId) Y.applyUpdate(doc, e.update, FROM_DISK);
  });

  const network = opts.network === undefined ? browserNetwork() : opts.network;
  const onOffline = () => {
    networkDown = true;
    provider?.disconnect();
    emit();
  };
  const onOnline = () => {
    networkDown = false;
    // Back online, a stopped plan does not reconnect by itself: only a new session (reopening) does.
    if (stopped === null) provider?.connect();
    emit();
  };
  network?.addEventListener('offline', onOffline);
  network?.addEventListener('online', onOnline);

  const load = (async () => {
    const state = await host.documents.load({ docId });
    if (destroyed) return;
    if (state.byteLength > 0) Y.applyUpdate(doc, state, FROM_DISK);
    if (!target) return;
    provider = new WebsocketProvider(target.serverUrl, roomName(target.workspaceId, docId), doc, {
      awareness,
      params: { token: target.token },
      WebSocketPolyfill: opts.provider?.WebSocketPolyfill,
      // Tabs sync through the server only: BroadcastChannel sync would encode the whole plan at every
      // connect (about 100 ms for a plan of 10,000 blocks) for tabs that are connected to the server anyway.
      disableBc: true,
      connect: !networkDown,
      shouldReconnect: (event) => serverClose(event.code).retry,
    });
    confirmations = new ServerConfirmations(provider, emit);
    for (let i = 0; i < localBeforeProvider; i++) confirmations.localUpdate();
    provider.on('status', ({ status: s }) => {
      if (s === 'connected') {
        everConnected = true;
        stopped = null;
      }
      emit();
    });
    provider.on('closed', ({ code }) => {
      const close = serverClose(code);
      stopped = close.retry ? null : close.why;
      emit();
    });
    provider.on('sync', emit);
    emit();
    // A plan this machine has never stored is empty until the server's copy arrives: wait for it (or
    // the first failure to connect), so the plan opens with its text rather than as an empty page.
    // (An editor opened on an empty plan writes nothing until the user types: withTrailingParagraph.)
    if (doc.store.clients.size === 0) {
      const first = firstSyncOrFailure(provider);
      stopWaiting = first.stop;
      await first.done;
    }
  })();
  // A plan written by an older Tandem is brought up to date once loaded (its current values become
  // check-ins), by someone who may write it: a viewer's change would be refused. Idempotent, so the
  // desktop (which migrates on open too) and two people at once do no harm.
  const ready = load.then(() => {
    if (!destroyed && !readOnly && docId !== WORKSPACE_DOC_ID && readPlanMeta(doc).id !== '') migratePlanDoc(doc);
  });

  return {
    docId,
    doc,
    device,
    awareness,
    ready,
    readOnly,
    status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      listeners.clear();
      stopExternal();
      network?.removeEventListener('offline', onOffline);
      network?.removeEventListener('online', onOnline);
      stopWaiting();
      await ready.catch(() => {});
      confirmations?.destroy();
      provider?.destroy();
      awareness.destroy();
      try {
        await saves.flush();
      } finally {
        saves.dispose();
        doc.off('update', onUpdate);
        stopConflictWatch();
        doc.destroy();
      }
    },
  };
}

/** Resolves once the provider has synced, its first connection attempt failed (then we work offline), or `stop` is called. */
function firstSyncOrFailure(provider: WebsocketProvider): { done: Promise<void>; stop: () => void } {
  if (provider.synced || !provider.shouldConnect) return { done: Promise.resolve(), stop: () => {} };
  let stop = () => {};
  const done = new Promise<void>((resolve) => {
    const onSync = (synced: boolean) => synced && stop();
    stop = () => {
      provider.off('sync', onSync);
      provider.off('connection-close', stop);
      provider.off('connection-error', stop);
      resolve();
    };
    provider.on('sync', onSync);
    provider.on('connection-close', stop);
    provider.on('connection-error', stop);
  });
  return { done, stop: () => stop() };
}

function peersOf(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const u = state[USER_FIELD] as { name?: unknown; color?: unknown } | undefined;
    if (u && typeof u.name === 'string' && typeof u.color === 'string') peers.push({ clientId, name: u.name, color: u.color });
  });
  return peers;
}
