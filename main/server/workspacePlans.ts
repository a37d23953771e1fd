/**
 * The plans of a workspace as the JSON API offers them: listed from the workspace doc's plan index,
 * created from templates, renamed, duplicated, deleted. Every change goes through the live room
 * (loaded if needed), so connected clients see it at once and it is stored before the call returns.
 */
import * as Y from 'yjs';
import { type PlanSummary, type TemplateSummary } from '../../shared/ipc/contract';
import { newId } from '../../shared/model/ids';
import { duplicatePlanDoc, renamePlanDoc } from '../../shared/model/planOps';
import { readPlanMeta, snapshotPlan, type PlanSnapshot } from '../../shared/model/planDoc';
import { linksToOtherPlans, nextCyclePlanDoc } from '../../shared/model/nextCycle';
import {
  WORKSPACE_DOC_ID, readPlanIndex, readWorkspaceMeta, removePlanIndexEntry, setPlanIndexEntry,
  type PlanIndexEntry, type SkippedEntry,
} from '../../shared/model/workspaceDoc';
import { roomName, sideDocIds } from '../../shared/sync/rooms';
import { instantiateTemplate } from '../../shared/templates/instantiate';
import { templateSummary, type PlanTemplate } from '../../shared/templates/templateSchema';
import { type DocStore } from './docStore';
import { type Log } from './log';
import { type RoomRegistry } from './roomRegistry';

/** A refusal the API turns into an HTTP status and `{ error: { code, message } }`. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

export type CreatePlan = { templateId: string; title: string; parent?: { planId: string; goalId: string } };

export class WorkspacePlans {
  constructor(
    private readonly registry: RoomRegistry,
    private readonly store: DocStore,
    private readonly templates: () => Promise<PlanTemplate[]>,
    private readonly log: Log,
  ) {}

  /** The plan index of a workspace; entries that are not a plan's are left out and logged. */
  private readIndex(workspaceId: string): Promise<PlanIndexEntry[]> {
    const report = (s: SkippedEntry) => this.log({ level: 'warn', event: 'workspace.entry_skipped', workspaceId, ...s });
    return this.registry.read(roomName(workspaceId, WORKSPACE_DOC_ID), (doc) => readPlanIndex(doc, report));
  }

  async listTemplates(): Promise<TemplateSummary[]> {
    return (await this.templates()).map(templateSummary);
  }

  async workspaceName(workspaceId: string): Promise<string> {
    return (await this.registry.read(roomName(workspaceId, WORKSPACE_DOC_ID), readWorkspaceMeta)).name || workspaceId;
  }

  async list(workspaceId: string): Promise<PlanSummary[]> {
    const index = await this.readIndex(workspaceId);
    const stored = new Map((await this.store.list(`${workspaceId}/`)).map((d) => [d.name, d.lastModified]));
    return index.map((entry) => {
      const name = roomName(workspaceId, entry.id);
      const modifiedAt = this.registry.get(name)?.lastModified ?? stored.get(name) ?? entry.createdAt;
      return { ...entry, modifiedAt };
    });
  }

  async create(workspaceId: string, req: CreatePlan): Promise<PlanSummary> {
    const template = (await this.templates()).find((t) => t.id === req.templateId);
    if (!template) throw new ApiError(404, 'not-found', `there is no template "${req.templateId}"`);
    const planId = newId('plan');
    const plan = instantiateTemplate(template, { planId, title: req.title, parentGoal: req.parent });
    return this.add(workspaceId, planId, plan);
  }

  async rename(workspaceId: string, planId: string, title: string): Promise<PlanSummary> {
    const entry = await this.entry(workspaceId, planId);
    await this.registry.change(roomName(workspaceId, planId), (doc) => renamePlanDoc(doc, title));
    const renamed = { ...entry, title: title.trim() };
    await this.registry.change(roomName(workspaceId, WORKSPACE_DOC_ID), (doc) => setPlanIndexEntry(doc, renamed));
    return this.summary(workspaceId, renamed);
  }

  async duplicate(workspaceId: string, planId: string): Promise<PlanSummary> {
    const entry = await this.entry(workspaceId, planId);
    const copyId = newId('plan');
    const copy = await this.registry.read(roomName(workspaceId, planId), (source) => duplicatePlanDoc(source, { planId: copyId, title: `${entry.title} (copy)` }));
    return this.add(workspaceId, copyId, copy);
  }

  /** Next period's plan from `planId` (shared/model/nextCycle.ts); links to other plans follow their next cycle where there is one. */
  async startNextCycle(workspaceId: string, req: { planId: string; title: string; period: string }): Promise<PlanSummary> {
    await this.entry(workspaceId, req.planId);
    const source = await this.registry.read(roomName(workspaceId, req.planId), snapshotPlan);
    const plans: PlanSnapshot[] = [];
    if (linksToOtherPlans(source)) {
      for (const other of await this.readIndex(workspaceId)) {
        if (other.id !== req.planId) plans.push(await this.registry.read(roomName(workspaceId, other.id), snapshotPlan));
      }
    }
    const planId = newId('plan');
    const { doc } = nextCyclePlanDoc(source, { planId, title: req.title, period: req.period, plans });
    return this.add(workspaceId, planId, doc);
  }

  /** Deletes the plan and the documents beside it (comments, editions); their clients are closed with 4410. */
  async delete(workspaceId: string, planId: string): Promise<void> {
    await this.entry(workspaceId, planId);
    await this.registry.change(roomName(workspaceId, WORKSPACE_DOC_ID), (doc) => removePlanIndexEntry(doc, planId));
    await this.registry.delete(roomName(workspaceId, planId));
    for (const docId of sideDocIds(planId)) await this.registry.delete(roomName(workspaceId, docId));
  }

  private async add(workspaceId: string, planId: string, plan: Y.Doc): Promise<PlanSummary> {
    const state = Y.encodeStateAsUpdate(plan);
    const meta = readPlanMeta(plan);
    plan.destroy();
    await this.registry.change(roomName(workspaceId, planId), (doc) => Y.applyUpdate(doc, state));
    const entry: PlanIndexEntry = { id: planId, title: meta.title, templateId: meta.templateId, createdAt: meta.createdAt };
    await this.registry.change(roomName(workspaceId, WORKSPACE_DOC_ID), (doc) => setPlanIndexEntry(doc, entry));
    return this.summary(workspaceId, entry);
  }

  /** The index entry of a plan; refuses the workspace document itself, whatever the index says. */
  private async entry(workspaceId: string, planId: string): Promise<PlanIndexEntry> {
    if (planId === WORKSPACE_DOC_ID) throw new ApiError(404, 'not-found', `"${WORKSPACE_DOC_ID}" is the workspace document, not a plan`);
    const index = await this.readIndex(workspaceId);
    const entry = index.find((e) => e.id === planId);
    if (!entry) throw new ApiError(404, 'not-found', `there is no plan "${planId}" in this workspace`);
    return entry;
  }

  private summary(workspaceId: string, entry: PlanIndexEntry): PlanSummary {
    return { ...entry, modifiedAt: this.registry.get(roomName(workspaceId, entry.id))?.lastModified ?? new Date().toISOString() };
  }
}
