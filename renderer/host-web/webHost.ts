/**
 * The host contract for a plain browser: workspace and templates from the sync server's JSON API,
 * documents in IndexedDB (offline first), settings in localStorage, sync through the server that
 * served the page. Served through the same dispatcher as the desktop, so arguments are validated
 * the same way. The plan list is re-read after this window changes a plan, and when the workspace
 * doc's plan index changes (the workbench follows it), never on a timer.
 */
import {
  type HostBridge, type HostEventName, type HostEvents, type HostServices, type PlanSummary, type TemplateSummary, type WorkspaceInfo,
} from '../../shared/ipc/contract';
import { createDispatcher, HostError } from '../../shared/ipc/dispatch';
import { sideDocIds } from '../../shared/sync/rooms';
import { LocalDocuments } from './localDocuments';
import { printInFrame } from './printFrame';
import { ServerApi } from './serverApi';
import { obtainSession } from './webSession';
import { onSettingsChangedElsewhere, readSettings, updateSettings } from './webSettings';

type Listener = (payload: unknown) => void;

export async function createWebHostBridge(): Promise<HostBridge> {
  const api = new ServerApi(await obtainSession());
  const local = new LocalDocuments(api.current.workspaceId);
  const listeners = new Map<string, Set<Listener>>();
  const emit = <E extends HostEventName>(event: E, payload: HostEvents[E]) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };

  let workspace: WorkspaceInfo | null = null;
  const currentWorkspace = async (): Promise<WorkspaceInfo> => {
    if (!workspace) {
      const { id, name } = await api.call<{ id: string; name: string }>('GET', './');
      workspace = { id, name, location: window.location.origin };
    }
    return workspace;
  };

  let lastPlans = '';
  const refreshPlans = async (): Promise<PlanSummary[]> => {
    const plans = await api.call<PlanSummary[]>('GET', './plans');
    const json = JSON.stringify(plans);
    if (json !== lastPlans) {
      lastPlans = json;
      emit('plans.changed', plans);
    }
    return plans;
  };
  const afterChange = <T>(result: T): T => {
    void refreshPlans().catch(() => {});
    return result;
  };

  const services: HostServices = {
    workspace: {
      current: () => currentWorkspace(),
      openFolder: async () => {
        const info = await currentWorkspace();
        emit('workspace.changed', info);
        return info;
      },
      openRecent: async ({ location }) => {
        const info = await currentWorkspace();
        if (location !== info.location) throw new HostError('failed', `the browser opens only the workspace of ${info.location}`);
        return info;
      },
      recent: async () => [await currentWorkspace()],
      listPlans: () => refreshPlans(),
      createPlan: async (args) => afterChange(await api.call<PlanSummary>('POST', './plans', args)),
      renamePlan: async ({ planId, title }) => afterChange(await api.call<PlanSummary>('PATCH', `./plans/${planId}`, { title })),
      duplicatePlan: async ({ planId }) => afterChange(await api.call<PlanSummary>('POST', `./plans/${planId}/duplicate`)),
      startNextCycle: async ({ planId, ...next }) => afterChange(await api.call<PlanSummary>('POST', `./plans/${planId}/next-cycle`, next)),
      deletePlan: async ({ planId }) => {
        await api.call<void>('DELETE', `./plans/${planId}`);
        // The server deleted the documents beside the plan; this browser's copies of them go too.
        for (const docId of sideDocIds(planId)) await local.forget(docId);
        return afterChange(undefined);
      },
    },
    templates: {
      list: () => api.call<TemplateSummary[]>('GET', 'templates'),
    },
    documents: {
      load: ({ docId }) => local.load(docId),
      save: ({ docId, update }) => local.save(docId, update),
    },
    settings: {
      get: async () => readSettings(),
      update: async (patch) => {
        const next = updateSettings(patch);
        emit('settings.changed', next);
        return next;
      },
    },
    sync: {
      target: async () => ({
        serverUrl: `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}`,
        token: api.current.token,
        workspaceId: api.current.workspaceId,
        name: api.current.name,
        role: api.current.role,
      }),
      share: async () => {
        throw new HostError('failed', 'Sharing a workspace runs from the desktop app');
      },
      stopSharing: async () => {},
      invite: async () => {
        throw new HostError('failed', 'Invites to a server are made with its token command: npm run server -- token --name "…" --role …');
      },
    },
    publish: {
      exportPdf: async ({ html }) => {
        await printInFrame(html);
        return { outcome: 'print-dialog' };
      },
    },
    shell: {
      openExternal: async ({ url }) => {
        if (!/^https?:\/\//i.test(url)) throw new HostError('forbidden', 'only http(s) links open outside Tandem');
        window.open(url, '_blank', 'noopener,noreferrer');
      },
    },
  };

  onSettingsChangedElsewhere((settings) => emit('settings.changed', settings));

  const dispatch = createDispatcher(services);
  return {
    invoke: (methodId, arg) => dispatch(methodId, arg),
    on: (event, listener) => {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
