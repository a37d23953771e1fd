/**
 * Every plan's editions document, followed for the workspace: the editions, sign-off requests and
 * approvals of each plan, re-read when its document changes (a colleague saves an edition or
 * approves one). The documents come from the workbench's session pool (room `<ws>/<planId>/editions`),
 * held while their plan is in the workspace; an approver sees a request without opening the plan.
 *
 * Editions never change once saved, so what is rebuilt from them (an edition's snapshot) is cached.
 */
import { editionInfo, readApprovals, readEditions, readSignoffRequests, editionSnapshot, type Edition, type SkippedRecord } from '../../../shared/editions/editionsDoc';
import { type EditionsRecords } from '../../../shared/editions/planApproval';
import { type PlanSnapshot } from '../../../shared/model/planDoc';
import { sideDocId } from '../../../shared/sync/rooms';
import { type CollabSession } from '../../collab/collabSession';
import { Value, type Readable } from '../../workbench/services/observable';
import { defineDerived, type WorkspaceModel } from '../../workbench/services/workspaceModel';
import { type PlanVersion } from './editionRefs';

export type PlanEditions = {
  planId: string;
  session: CollabSession;
  /** Whether the document has loaded (from this machine, or the server's first copy). */
  loaded: boolean;
  /** The server does not accept this person's editions or sign-offs (a commenter's or viewer's invite). */
  readOnly: boolean;
  /** Every readable edition, oldest first, with its bytes (to rebuild it). */
  editions: Edition[];
  records: EditionsRecords;
};

const reportSkipped = (planId: string) => (s: SkippedRecord) => console.warn(`editions of ${planId}: skipped ${s.array}[${s.index}]: ${s.reason}`);

function read(planId: string, session: CollabSession, loaded: boolean): PlanEditions {
  const onSkip = reportSkipped(planId);
  const editions = readEditions(session.doc, onSkip);
  return {
    planId, session, loaded, readOnly: session.readOnly, editions,
    records: { editions: editions.map(editionInfo), requests: readSignoffRequests(session.doc, onSkip), approvals: readApprovals(session.doc, onSkip) },
  };
}

const SNAPSHOTS_KEPT = 12;

export class EditionsFollower {
  readonly all = new Value<ReadonlyMap<string, PlanEditions>>(new Map());
  /** Release of each followed plan's editions document. */
  private readonly held = new Map<string, () => void>();
  /** How to read each followed plan's entry now. */
  private readonly entries = new Map<string, () => PlanEditions>();
  private readonly snapshots = new Map<string, PlanSnapshot>();
  private readonly stop: () => void;

  constructor(private readonly model: WorkspaceModel) {
    const follow = () => this.follow(model.plans.get().map((p) => p.id));
    follow();
    this.stop = model.plans.subscribe(follow);
  }

  get(planId: string): PlanEditions | undefined {
    return this.all.get().get(planId);
  }

  /** The plan as it was at an edition (rebuilt once, then cached); throws when the edition cannot be rebuilt. */
  snapshot(planId: string, editionId: string): PlanSnapshot {
    const key = `${planId}@${editionId}`;
    const kept = this.snapshots.get(key);
    if (kept) return kept;
    const entry = this.get(planId);
    if (!entry?.editions.some((e) => e.id === editionId)) throw new Error('this edition is not here (yet)');
    const snap = editionSnapshot(entry.editions, editionId);
    this.snapshots.set(key, snap);
    if (this.snapshots.size > SNAPSHOTS_KEPT) this.snapshots.delete(this.snapshots.keys().next().value!);
    return snap;
  }

  /** A version of a plan as the diff reads it: an edition's snapshot, or the plan's latest snapshot (null until it has one). */
  version(v: PlanVersion): PlanSnapshot | null {
    if (v.editionId) return this.snapshot(v.planId, v.editionId);
    return this.model.snapshots.get().find((s) => s.meta.id === v.planId) ?? null;
  }

  private follow(planIds: string[]): void {
    const keep = new Set(planIds);
    for (const [id, release] of this.held) {
      if (keep.has(id)) continue;
      release();
      this.held.delete(id);
    }
    for (const id of planIds) if (!this.held.has(id)) this.held.set(id, this.watch(id));
    this.publishAll();
  }

  private watch(planId: string): () => void {
    const docId = sideDocId(planId, 'editions');
    const session = this.model.pool.acquire(docId);
    let loaded = false;
    let live = true;
    const update = () => {
      if (!live) return;
      const next = new Map(this.all.get());
      next.set(planId, read(planId, session, loaded));
      this.all.set(next);
    };
    session.doc.on('update', update);
    session.ready.then(() => {
      loaded = true;
      update();
    }, () => {});
    this.entries.set(planId, () => read(planId, session, loaded));
    return () => {
      live = false;
      session.doc.off('update', update);
      this.entries.delete(planId);
      this.model.pool.release(docId);
    };
  }

  private publishAll(): void {
    const next = new Map<string, PlanEditions>();
    for (const [id, readEntry] of this.entries) next.set(id, this.all.get().get(id) ?? readEntry());
    this.all.set(next);
  }

  dispose(): void {
    this.stop();
    this.follow([]);
  }
}

const followers = new WeakMap<WorkspaceModel, EditionsFollower>();

/** The workspace's editions follower (one per open workspace, created on first use). */
export function editionsOf(model: WorkspaceModel): EditionsFollower {
  let f = followers.get(model);
  if (!f) followers.set(model, (f = new EditionsFollower(model)));
  return f;
}

/** Every plan's editions, for views: `useDerived(allEditions)`. */
export const allEditions = defineDerived<ReadonlyMap<string, PlanEditions>>('editions.all', (model) => editionsOf(model).all);

/** One plan's editions as a value that changes only when that plan's do. */
export function planEditionsValue(model: WorkspaceModel, planId: string): Readable<PlanEditions | undefined> {
  const all = model.get(allEditions);
  return { get: () => all.get().get(planId), subscribe: all.subscribe };
}
