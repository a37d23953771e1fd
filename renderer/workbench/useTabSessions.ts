/** Holds a pooled session for every open tab; a tab's session is released when its last tab closes. */
import { useEffect, useState } from 'react';
import { type CollabSession } from '../collab/collabSession';
import { type SessionPool } from './sessionPool';

export function useTabSessions(pool: SessionPool<CollabSession>, planIds: string[]): ReadonlyMap<string, CollabSession> {
  const [sessions, setSessions] = useState<ReadonlyMap<string, CollabSession>>(new Map());
  const key = [...planIds].sort().join('\n');
  useEffect(() => {
    const ids = key ? key.split('\n') : [];
    const held = new Map(ids.map((id) => [id, pool.acquire(id)] as const));
    setSessions(held);
    return () => ids.forEach((id) => pool.release(id));
  }, [pool, key]);
  return sessions;
}
