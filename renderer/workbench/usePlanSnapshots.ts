/**
 * Snapshots of every plan in the workspace for the cross-plan views (goal tree, problems, quick open).
 * Each plan's document is held open through the session pool; a snapshot is read a moment after the
 * plan has loaded (not in the same turn, where it would delay the editor's first paint of a plan being
 * opened) and re-read a moment after the last change (never on the typing path), only for the plan
 * that changed.
 */
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { snapshotPlan, type PlanSnapshot } from '../../shared/model/planDoc';
import { type PlanSummary } from '../../shared/ipc/contract';
import { type SessionPool } from './sessionPool';

export const SNAPSHOT_DEBOUNCE_MS = 300;

type DocHolder = { doc: Y.Doc; ready: Promise<void>; destroy(): unknown };

export function usePlanSnapshots<S extends DocHolder>(pool: SessionPool<S>, plans: PlanSummary[]): PlanSnapshot[] {
  const [byId, setById] = useState<ReadonlyMap<string, PlanSnapshot>>(new Map());
  const planIds = plans.map((p) => p.id).join('\n');

  useEffect(() => {
    const ids = planIds ? planIds.split('\n') : [];
    const cleanups: (() => void)[] = [];
    for (const id of ids) {
      const session = pool.acquire(id);
      let timer: ReturnType<typeof setTimeout> | null = null;
      let live = true;
      const read = () => {
        timer = null;
        if (!live) return;
        let snap: PlanSnapshot;
        try {
          snap = snapshotPlan(session.doc);
        } catch {
          return; // a document that cannot be read yet keeps its last snapshot
        }
        setById((m) => new Map(m).set(id, snap));
      };
      const onUpdate = () => {
        if (timer === null) timer = setTimeout(read, SNAPSHOT_DEBOUNCE_MS);
      };
      session.doc.on('update', onUpdate);
      session.ready.then(onUpdate, () => {});
      cleanups.push(() => {
        live = false;
        if (timer !== null) clearTimeout(timer);
        session.doc.off('update', onUpdate);
        pool.release(id);
      });
    }
    setById((m) => new Map([...m].filter(([k]) => ids.includes(k))));
    return () => cleanups.forEach((c) => c());
  }, [pool, planIds]);

  return useMemo(() => {
    const order = planIds ? planIds.split('\n') : [];
    return order.map((id) => byId.get(id)).filter((s): s is PlanSnapshot => !!s && !!s.meta.id);
  }, [byId, planIds]);
}
