/**
 * What every view and command sees of the workbench: the host, the open workspace, its plans and
 * people, derived cross-plan data, the active editor, and the shell's own actions.
 */
import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import { type Editor } from 'slate';
import { type HostServices, type PlanSummary, type Settings, type TemplateSummary, type WorkspaceInfo } from '../../shared/ipc/contract';
import { type Person } from '../../shared/model/people';
import { type PlanSnapshot } from '../../shared/model/planDoc';
import { type GoalTree } from '../../shared/derive/goalTree';
import { type Problem } from '../../shared/derive/problems';
import { type HostEventSource } from '../platform/host';

/** The Slate editor of an open plan (the editor package narrows it; the shell only passes it along). */
export type PlanSlateEditor = Editor;

export type OpenPlanOptions = { revealBlockId?: string; revealPath?: number[]; toSide?: boolean };
export type PickItem<T> = { label: string; description?: string; detail?: string; value: T };

export type WorkbenchApi = {
  host: HostServices;
  events: HostEventSource;
  workspace: WorkspaceInfo | null;
  settings: Settings;
  user: { name: string; color: string };
  plans: PlanSummary[];
  templates: TemplateSummary[];
  /** The workspace doc's people directory; edit it with shared/model/workspaceDoc.ts upsertPerson on `workspaceDoc`. */
  people: Person[];
  workspaceDoc: Y.Doc | null;
  /** Every plan of the workspace, kept current off the typing path (debounced). */
  snapshots: PlanSnapshot[];
  /** Derived from `snapshots` with shared/derive, memoized. */
  goalTree: GoalTree;
  problems: Problem[];
  activePlanId: string | null;
  activeEditor: PlanSlateEditor | null;
  openPlan(planId: string, opts?: OpenPlanOptions): Promise<void>;
  /** A plan's current content, once its document has arrived (for commands that act on a plan just created). */
  readPlan(planId: string): Promise<PlanSnapshot>;
  createPlan(args: Parameters<HostServices['workspace']['createPlan']>[0]): Promise<PlanSummary>;
  renamePlan(planId: string, title: string): Promise<void>;
  deletePlan(planId: string): Promise<void>;
  duplicatePlan(planId: string): Promise<void>;
  showView(viewId: string): void;
  notify(message: string, kind?: 'info' | 'error'): void;
  /** A VS Code-like input box (never window.prompt); null when dismissed. */
  prompt(opts: { title: string; placeholder?: string; value?: string }): Promise<string | null>;
  /** A quick pick; null when dismissed. */
  pick<T>(items: PickItem<T>[], opts?: { placeholder?: string }): Promise<T | null>;
};

export const WorkbenchContext = createContext<WorkbenchApi | null>(null);

export function useWorkbench(): WorkbenchApi {
  const api = useContext(WorkbenchContext);
  if (!api) throw new Error('useWorkbench() is only available inside the workbench');
  return api;
}
