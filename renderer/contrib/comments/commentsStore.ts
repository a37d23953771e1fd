/**
 * The workspace's comments without React: one comments service per plan of the workspace (its
 * `<planId>/comments` document from the session pool), the threads of each as a value the views read,
 * who I am to them, and what the comment panel and the Comments view show. A plan's comments open
 * when its editor asks for them (after its first paint) and every other plan's a moment after the
 * workbench has started (the Comments view and the "asked of you" count span the workspace); a plan
 * deleted (here or by a colleague) takes its comments out of every view.
 */
import { type Anchor, type BlockAnchor } from '../../../shared/comments/anchors';
import { type Thread } from '../../../shared/comments/commentsDoc';
import { meIn, type CommentFilter, type Me } from '../../../shared/comments/commentsView';
import { WORKSPACE_DOC_ID } from '../../../shared/model/workspaceDoc';
import { serverClose } from '../../../shared/sync/serverClose';
import { sideDocId, type Role } from '../../../shared/sync/rooms';
import { type SyncStatus } from '../../collab/collabSession';
import { CommentsService } from '../../collab/commentsService';
import { computed, type Readable, Value } from '../../workbench/services/observable';
import { type WorkbenchServices } from '../../workbench/services/services';

/** What the comment panel beside a plan shows. */
export type PanelFocus =
  /** A card's threads (or one field's: `goal:<id>#target`), with a box for a new one. */
  | { kind: 'card'; key: string; anchor: BlockAnchor }
  /** These threads (a highlight, a margin badge, a row of the Comments view). */
  | { kind: 'threads'; threadIds: readonly string[] }
  /** A new thread on `anchor` (`label` says where), a feedback request when `askedOf` names people. */
  | { kind: 'new'; anchor: Anchor; label: string };
export type PanelState = { planId: string; focus: PanelFocus };
export type ViewScope = 'plan' | 'all';

/** Other plans' comments open this long after the workbench starts, off the first paint. */
const FOLLOW_ALL_AFTER_MS = 400;
const PUBLISH_AFTER_MS = 30;
/** A comments session refused because its plan had not reached the server yet is tried again at most this often. */
const REOPEN_EVERY_MS = 3_000;

type Open = { service: CommentsService; stopStatus: () => void; stopChange: () => void; waitingForServer: boolean; reopenedAt: number };

export class CommentsStore {
  /** Every plan's threads that have loaded, by plan id. */
  readonly threads = new Value<ReadonlyMap<string, readonly Thread[]>>(new Map());
  /** Threads whose words or card are gone, by plan, as the plan's open editor found them. */
  readonly orphans = new Value<ReadonlyMap<string, ReadonlySet<string>>>(new Map());
  readonly panel = new Value<PanelState | null>(null);
  /** A thread to go to once its plan's editor knows where it is (a row of the Comments view was opened). */
  private readonly pendingReveal = new Value<{ planId: string; threadId: string } | null>(null);
  readonly filter = new Value<CommentFilter>('open');
  readonly scope = new Value<ViewScope>('all');
  readonly me: Readable<Me>;
  /** The name the server checks a new comment's author against, and the invite's role. */
  readonly author: string;
  readonly role: Role;
  private readonly open = new Map<string, Open>();
  private readonly dirty = new Set<string>();
  private publishTimer: ReturnType<typeof setTimeout> | null = null;
  private followingAll = false;

  constructor(private readonly services: WorkbenchServices) {
    this.author = services.user.name;
    this.role = roleOf(services);
    this.me = computed([services.model.people], (people) => meIn(people, this.author));
    services.model.plans.subscribe(() => this.followPlans());
    setTimeout(() => {
      this.followingAll = true;
      this.followPlans();
    }, FOLLOW_ALL_AFTER_MS);
  }

  get canComment(): boolean {
    return mayComment(this.services);
  }

  get canDeleteThreads(): boolean {
    return this.role === 'editor';
  }

  /** The comments of `planId`, opened now if they are not yet. */
  service(planId: string): CommentsService | null {
    if (!this.services.model.plans.get().some((p) => p.id === planId)) return null;
    return (this.open.get(planId) ?? this.openPlan(planId)).service;
  }

  threadsOf(planId: string): readonly Thread[] {
    return this.threads.get().get(planId) ?? [];
  }

  setOrphans(planId: string, ids: ReadonlySet<string>): void {
    const known = this.orphans.get().get(planId);
    if (known && known.size === ids.size && [...ids].every((id) => known.has(id))) return;
    this.orphans.update((m) => new Map(m).set(planId, ids));
  }

  showPanel(planId: string, focus: PanelFocus): void {
    this.panel.set({ planId, focus });
  }

  closePanel(): void {
    this.panel.set(null);
  }

  /** Opens a thread: its plan, its panel, and the caret on what it points at once the plan's editor is there. */
  openThread(planId: string, threadId: string, blockId: string | null): void {
    this.services.editors.openPlan(planId, blockId ? { revealBlockId: blockId } : {});
    this.showPanel(planId, { kind: 'threads', threadIds: [threadId] });
    this.pendingReveal.set({ planId, threadId });
  }

  /** For a plan's editor: goes to a thread asked for by `openThread` as soon as the editor knows where it is. */
  revealWhenReady(planId: string, plan: { whereIs(threadId: string): unknown; reveal(threadId: string): void; resolved: Readable<unknown> }): () => void {
    const check = () => {
      const pending = this.pendingReveal.get();
      if (!pending || pending.planId !== planId || !plan.whereIs(pending.threadId)) return;
      this.pendingReveal.set(null);
      plan.reveal(pending.threadId);
    };
    const offs = [this.pendingReveal.subscribe(check), plan.resolved.subscribe(check)];
    check();
    return () => offs.forEach((off) => off());
  }

  private followPlans(): void {
    const planIds = new Set(this.services.model.plans.get().map((p) => p.id));
    for (const planId of [...this.open.keys()]) if (!planIds.has(planId)) this.closePlan(planId);
    if (this.followingAll) for (const planId of planIds) if (!this.open.has(planId)) this.openPlan(planId);
    for (const open of this.open.values()) if (open.waitingForServer) this.retry(open);
    const panel = this.panel.get();
    if (panel && !planIds.has(panel.planId)) this.panel.set(null);
  }

  private openPlan(planId: string): Open {
    const docId = sideDocId(planId, 'comments');
    const { pool } = this.services.model;
    const service = new CommentsService({
      session: pool.acquire(docId), author: this.author, role: this.role, people: () => this.services.model.people.get(),
      close: () => pool.release(docId),
    });
    const entry: Open = { service, stopStatus: () => {}, stopChange: () => {}, waitingForServer: false, reopenedAt: 0 };
    entry.stopChange = service.onChange(() => this.changed(planId));
    entry.stopStatus = service.session.onStatus((s) => this.onStatus(planId, entry, s));
    this.open.set(planId, entry);
    service.ready.then(() => this.changed(planId), () => {});
    return entry;
  }

  private closePlan(planId: string): void {
    const entry = this.open.get(planId);
    if (!entry) return;
    this.open.delete(planId);
    entry.stopStatus();
    entry.stopChange();
    void entry.service.destroy();
    this.dirty.delete(planId);
    this.threads.update((m) => {
      const next = new Map(m);
      next.delete(planId);
      return next;
    });
    this.orphans.update((m) => {
      const next = new Map(m);
      next.delete(planId);
      return next;
    });
  }

  /**
   * A plan created offline reaches the server's plan index only when the workspace document syncs;
   * its comments room answers 4404 (for good) until then. Such a session is opened again once the
   * workspace document is confirmed by the server (or the plan list changes).
   */
  private onStatus(planId: string, entry: Open, s: SyncStatus): void {
    if (s.connection !== 'stopped' || s.stopped !== NOT_ON_SERVER) return;
    entry.waitingForServer = true;
    const workspace = this.services.model.pool.peek(WORKSPACE_DOC_ID);
    if (!workspace) return;
    const stop = workspace.onStatus((w) => {
      if (w.connection !== 'connected' || w.unsynced > 0) return;
      stop();
      if (this.open.get(planId) === entry) this.retry(entry);
    });
  }

  private retry(entry: Open): void {
    if (Date.now() - entry.reopenedAt < REOPEN_EVERY_MS) return;
    const planId = [...this.open].find(([, e]) => e === entry)?.[0];
    if (!planId) return;
    this.closeSessionOnly(planId, entry);
    this.openPlan(planId).reopenedAt = Date.now();
  }

  /** Drops a plan's service without taking its threads out of the views (it is opened again at once). */
  private closeSessionOnly(planId: string, entry: Open): void {
    this.open.delete(planId);
    entry.stopStatus();
    entry.stopChange();
    void entry.service.destroy();
  }

  private changed(planId: string): void {
    this.dirty.add(planId);
    this.publishTimer ??= setTimeout(() => this.publish(), PUBLISH_AFTER_MS);
  }

  private publish(): void {
    this.publishTimer = null;
    const next = new Map(this.threads.get());
    for (const planId of this.dirty) {
      const entry = this.open.get(planId);
      if (entry) next.set(planId, entry.service.threads());
    }
    this.dirty.clear();
    this.threads.set(next);
  }
}

/** What the status says when the server has no such plan (yet). */
const NOT_ON_SERVER = ((close) => (close.retry ? null : close.why))(serverClose(4404));

/** The invite's role (an editor's when there is no invite: the workbench works local-only). */
export const roleOf = (services: Pick<WorkbenchServices, 'syncTarget'>): Role => services.syncTarget?.role ?? 'editor';

/** Viewers read comments; editors and commenters write them (the server checks the same). */
export const mayComment = (services: Pick<WorkbenchServices, 'syncTarget'>): boolean => roleOf(services) !== 'viewer';

const stores = new WeakMap<WorkbenchServices, CommentsStore>();

/** The open workspace's comments (one store per workbench, made on first use). */
export function commentsStore(services: WorkbenchServices): CommentsStore {
  let store = stores.get(services);
  if (!store) stores.set(services, (store = new CommentsStore(services)));
  return store;
}
