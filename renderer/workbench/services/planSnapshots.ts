/**
 * Snapshots of every plan in the workspace for the cross-plan views (goal tree, problems, quick open).
 * Each plan's document is held open through the session pool; a snapshot is read a moment after the
 * plan has loaded (not in the same turn, where it would delay the editor's first paint of a plan being
 * opened) and re-read a moment after the last change (never on the typing path), only for the plan
 * that changed.
 */
import type * as Y from 'yjs';
import { watchCheckIns } from '../../../shared/model/checkIns';
import { snapshotPlan, type PlanSnapshot } from '../../../shared/model/planDoc';
import { type SessionPool } from '../sessionPool';
import { Value } from './observable';

export const SNAPSHOT_DEBOUNCE_MS = 300;

type DocHolder = { doc: Y.Doc; ready: Promise<void>; destroy(): unknown };
type Watched = { stop(): void; settled: boolean };

export class PlanSnapshots<S extends DocHolder> {
  /** Every plan's snapshot that has arrived, in the order of the plan list. */
  readonly snapshots = new Value<PlanSnapshot[]>([]);
  /** True while a plan of the list has not given its first snapshot yet (views show `aria-busy`). */
  readonly loading = new Value(false);
  private readonly byId = new Map<string, PlanSnapshot>();
  private readonly watched = new Map<string, Watched>();
  private order: string[] = [];

  constructor(private readonly pool: SessionPool<S>) {}

  /** Follows exactly these plans: new ones are opened, gone ones released. */
  follow(planIds: readonly string[]): void {
    this.order = [...planIds];
    const keep = new Set(planIds);
    for (const [id, w] of this.watched) {
      if (keep.has(id)) continue;
      w.stop();
      this.watched.delete(id);
      this.byId.delete(id);
    }
    for (const id of planIds) if (!this.watched.has(id)) this.watched.set(id, this.watch(id));
    this.publish();
  }

  dispose(): void {
    this.follow([]);
  }

  private watch(id: string): Watched {
    const session = this.pool.acquire(id);
    let timer: ReturnType<typeof setTimeout> | null = null;
    let live = true;
    const w: Watched = { settled: false, stop: () => {} };
    // A plan's check-ins are read again only where they changed: a large plan holds thousands.
    const checkIns = watchCheckIns(session.doc);
    const read = () => {
      timer = null;
      if (!live) return;
      let snap: PlanSnapshot;
      try {
        snap = snapshotPlan(session.doc, checkIns.current());
      } catch {
        return; // a document that cannot be read yet keeps its last snapshot
      }
      // Settled once the plan's content is there (a document still arriving from the server has no id yet).
      if (snap.meta.id) w.settled = true;
      this.byId.set(id, snap);
      this.publish();
    };
    const onUpdate = () => {
      if (timer === null) timer = setTimeout(read, SNAPSHOT_DEBOUNCE_MS);
    };
    session.doc.on('update', onUpdate);
    session.ready.then(onUpdate, () => {
      w.settled = true; // a plan that cannot load is not waited for
      this.publish();
    });
    w.stop = () => {
      live = false;
      checkIns.stop();
      if (timer !== null) clearTimeout(timer);
      session.doc.off('update', onUpdate);
      this.pool.release(id);
    };
    return w;
  }

  private publish(): void {
    const list = this.order.map((id) => this.byId.get(id)).filter((s): s is PlanSnapshot => !!s && !!s.meta.id);
    const prev = this.snapshots.get();
    if (list.length !== prev.length || list.some((s, i) => s !== prev[i])) this.snapshots.set(list);
    this.loading.set([...this.watched.values()].some((w) => !w.settled));
  }
}
