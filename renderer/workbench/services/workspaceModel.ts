/**
 * The open workspace as a model without React: its plans, people, settings and every plan's
 * snapshot, each a value with change events, plus the derived data contributions define
 * (`defineDerived`) and the plan operations that go through the host. Documents come from the one
 * session pool, so a plan open in a tab and watched here is one Y.Doc and one connection.
 */
import type * as Y from 'yjs';
import { type HostServices, type PlanSummary, type Settings } from '../../../shared/ipc/contract';
import { readPlanMeta, snapshotPlan, type PlanSnapshot } from '../../../shared/model/planDoc';
import { type Person } from '../../../shared/model/people';
import { isoDay } from '../../../shared/model/period';
import { DEFAULT_TEAMS, type Team } from '../../../shared/model/teams';
import {
  DEFAULT_WORKSPACE_SETTINGS, WORKSPACE_DOC_ID, planIndexMap, readPeople, readTeams, readWorkspaceSettings, type SkippedEntry, type WorkspaceSettings,
} from '../../../shared/model/workspaceDoc';
import { type CollabSession } from '../../collab/collabSession';
import { type HostEventSource } from '../../platform/host';
import { type SessionPool } from '../sessionPool';
import { type Readable, Value } from './observable';
import { PlanSnapshots } from './planSnapshots';

/** Data derived from the model (goal tree, problems, …): defined once by its owner, computed per model, lazily. */
export type Derived<T> = { readonly id: string; readonly create: (model: WorkspaceModel) => Readable<T> };

export const defineDerived = <T>(id: string, create: (model: WorkspaceModel) => Readable<T>): Derived<T> => ({ id, create });

/** A directory entry nobody can read: the rest of the people still show; the console says what was left out. */
const reportSkipped = (s: SkippedEntry) => console.warn(`workspace ${s.map}: skipped "${s.key}": ${s.reason}`);

const PLAN_ARRIVAL_TIMEOUT_MS = 15_000;

const sameList = <T>(a: T[], b: T[]) => a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
const sameSettings = (a: WorkspaceSettings, b: WorkspaceSettings) => a.staleCheckInDays === b.staleCheckInDays && a.fiscalYearStartMonth === b.fiscalYearStartMonth;
const MS_PER_DAY = 86_400_000;
/** A burst of plan index changes (a plan created: its entry, then its title) asks the host once. */
const PLAN_INDEX_SETTLE_MS = 50;

export type WorkspaceModelOptions = {
  host: HostServices;
  events: HostEventSource;
  pool: SessionPool<CollabSession>;
  plans: PlanSummary[];
  settings: Settings;
};

export class WorkspaceModel {
  readonly plans: Value<PlanSummary[]>;
  readonly settings: Value<Settings>;
  /** Re-read on every change of the workspace doc (its plan index changes as people type), kept while equal. */
  readonly people = new Value<Person[]>([], sameList);
  /** The workspace's teams (the five default teams until its document has loaded). */
  readonly teams = new Value<Team[]>([...DEFAULT_TEAMS], sameList);
  /** Settings every member shares (check-in reminder days, fiscal year start), from the workspace doc. */
  readonly workspaceSettings = new Value<WorkspaceSettings>(DEFAULT_WORKSPACE_SETTINGS, sameSettings);
  /** Today (YYYY-MM-DD, UTC, like check-in dates); changes at midnight, so pace and stale check-ins follow. */
  readonly today = new Value<string>(isoDay(new Date()));
  /** The workspace doc once it has loaded; edit the directory with shared/model/workspaceDoc.ts on it. */
  readonly workspaceDoc = new Value<Y.Doc | null>(null);
  /** Every plan of the workspace, kept current off the typing path (debounced). */
  readonly snapshots: Readable<PlanSnapshot[]>;
  /** True while some plan's first snapshot has not arrived. */
  readonly loading: Readable<boolean>;
  readonly pool: SessionPool<CollabSession>;
  private readonly host: HostServices;
  private readonly planSnapshots: PlanSnapshots<CollabSession>;
  private readonly derived = new Map<Derived<unknown>, Readable<unknown>>();
  private readonly disposers: (() => void)[] = [];

  constructor(opts: WorkspaceModelOptions) {
    this.host = opts.host;
    this.pool = opts.pool;
    this.plans = new Value(opts.plans, sameList);
    this.settings = new Value(opts.settings);
    this.planSnapshots = new PlanSnapshots(opts.pool);
    this.snapshots = this.planSnapshots.snapshots;
    this.loading = this.planSnapshots.loading;

    const followPlans = () => this.planSnapshots.follow(this.plans.get().map((p) => p.id));
    followPlans();
    this.disposers.push(
      this.plans.subscribe(followPlans),
      () => this.planSnapshots.dispose(),
      opts.events.on('settings.changed', (s) => this.settings.set(s)),
      opts.events.on('plans.changed', (ps) => this.plans.set(ps)),
      this.followWorkspaceDoc(),
      this.followDays(),
    );
  }

  private followDays(): () => void {
    let timer: ReturnType<typeof setTimeout>;
    const next = () => {
      this.today.set(isoDay(new Date()));
      timer = setTimeout(next, MS_PER_DAY - (Date.now() % MS_PER_DAY) + 1000);
    };
    next();
    return () => clearTimeout(timer);
  }

  /**
   * The workspace doc: its people directory, and its plan index, which every host keeps current
   * (a plan created, renamed or deleted by anyone): when it changes, the host's plan list is re-read.
   */
  private followWorkspaceDoc(): () => void {
    const session = this.pool.acquire(WORKSPACE_DOC_ID);
    const read = () => {
      this.people.set(readPeople(session.doc, reportSkipped));
      this.teams.set(readTeams(session.doc, reportSkipped));
      this.workspaceSettings.set(readWorkspaceSettings(session.doc));
    };
    let timer: ReturnType<typeof setTimeout> | null = null;
    const relist = () => {
      timer = null;
      this.host.workspace.listPlans(undefined).then((ps) => this.plans.set(ps), (err: unknown) => {
        console.warn(`the plan list could not be re-read: ${err instanceof Error ? err.message : String(err)}`);
      });
    };
    const indexChanged = () => {
      if (timer === null) timer = setTimeout(relist, PLAN_INDEX_SETTLE_MS);
    };
    const index = planIndexMap(session.doc);
    session.doc.on('update', read);
    index.observeDeep(indexChanged);
    session.ready.then(() => {
      read();
      this.workspaceDoc.set(session.doc);
    }, () => {});
    return () => {
      if (timer !== null) clearTimeout(timer);
      index.unobserveDeep(indexChanged);
      session.doc.off('update', read);
      this.pool.release(WORKSPACE_DOC_ID);
    };
  }

  /** The model's instance of a derived value (created on first use, shared by every reader). */
  get<T>(d: Derived<T>): Readable<T> {
    let r = this.derived.get(d as Derived<unknown>);
    if (!r) this.derived.set(d as Derived<unknown>, (r = d.create(this)));
    return r as Readable<T>;
  }

  planTitle(planId: string): string | undefined {
    return this.plans.get().find((p) => p.id === planId)?.title;
  }

  async createPlan(args: Parameters<HostServices['workspace']['createPlan']>[0]): Promise<PlanSummary> {
    const plan = await this.host.workspace.createPlan(args);
    this.plans.update((ps) => (ps.some((p) => p.id === plan.id) ? ps : [...ps, plan]));
    return plan;
  }

  async renamePlan(planId: string, title: string): Promise<void> {
    const plan = await this.host.workspace.renamePlan({ planId, title });
    this.plans.update((ps) => ps.map((p) => (p.id === planId ? plan : p)));
  }

  async deletePlan(planId: string): Promise<void> {
    await this.host.workspace.deletePlan({ planId });
    this.plans.update((ps) => ps.filter((p) => p.id !== planId));
  }

  async duplicatePlan(planId: string): Promise<PlanSummary> {
    const plan = await this.host.workspace.duplicatePlan({ planId });
    this.plans.update((ps) => (ps.some((p) => p.id === plan.id) ? ps : [...ps, plan]));
    return plan;
  }

  /** Next period's plan made from this one (shared/model/nextCycle.ts), listed at once. */
  async startNextCycle(args: Parameters<HostServices['workspace']['startNextCycle']>[0]): Promise<PlanSummary> {
    const plan = await this.host.workspace.startNextCycle(args);
    this.plans.update((ps) => (ps.some((p) => p.id === plan.id) ? ps : [...ps, plan]));
    return plan;
  }

  /** A plan's current content, once its document has arrived (for commands that act on a plan just created). */
  async readPlan(planId: string): Promise<PlanSnapshot> {
    const session = this.pool.acquire(planId);
    try {
      await session.ready;
      await new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!readPlanMeta(session.doc).id) return;
          session.doc.off('update', check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          session.doc.off('update', check);
          reject(new Error('the plan did not arrive from the server; check the connection and try again'));
        }, PLAN_ARRIVAL_TIMEOUT_MS);
        session.doc.on('update', check);
        check();
      });
      return snapshotPlan(session.doc);
    } finally {
      this.pool.release(planId);
    }
  }

  dispose(): void {
    this.disposers.splice(0).forEach((d) => d());
  }
}
