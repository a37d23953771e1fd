/**
 * Whether the browser says it has a network. A socket can stay open for a while after the network
 * is gone (the provider only notices after its message timeout), so the status bar trusts the
 * browser's word that it is offline right away.
 */
import { useSyncExternalStore } from 'react';
import { type SyncStatus } from '../collab/collabSession';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export const useBrowserOnline = (): boolean => useSyncExternalStore(subscribe, () => navigator.onLine);

/** The connection to show: a synced session is offline when the browser is. */
export function shownConnection(connection: SyncStatus['connection'], online: boolean): SyncStatus['connection'] {
  return !online && (connection === 'connected' || connection === 'connecting') ? 'offline' : connection;
}
