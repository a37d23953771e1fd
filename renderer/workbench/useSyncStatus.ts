/** The live sync status of a document session (connection, saved, unsynced, peers). */
import { useEffect, useState } from 'react';
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

/** Whether a tab shows the "not everything is safe yet" dot: unsaved locally, or unconfirmed by the server. */
export const hasPendingChanges = (s: SyncStatus | null): boolean => !!s && (!s.saved || s.unsynced > 0);
