/** The live sync status of a document session (connection, saved, unsynced, peers). */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { type CollabSession, type SyncStatus } from '../collab/collabSession';

export function useSyncStatus(session: CollabSession | null | undefined): SyncStatus | null {
  const [status, setStatus] = useState<SyncStatus | null>(() => session?.status() ?? null);
  useEffect(() => {
    if (!session) {
      setStatus(null);
      return;
    }
    setStatus(session.status());
    return session.onStatus(setStatus);
  }, [session]);
  return status;
}

const never = () => () => {};

/** One part of a session's status (a string or a number): the caller re-renders only when that part changes. */
export function useSyncStatusPart<T extends string | number | boolean | null>(session: CollabSession | null | undefined, part: (s: SyncStatus | null) => T): T {
  const subscribe = useCallback((l: () => void) => session?.onStatus(l) ?? never(), [session]);
  return useSyncExternalStore(subscribe, () => part(session?.status() ?? null));
}

/** Whether a tab shows the "not everything is safe yet" dot: unsaved locally, or unconfirmed by the server. */
export const hasPendingChanges = (s: SyncStatus | null): boolean => !!s && (!s.saved || s.unsynced > 0);
