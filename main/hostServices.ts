/** The desktop's implementation of the host contract: each method delegates to one small service. */
import { type HostServices, type PdfExportResult } from '../shared/ipc/contract';
import { templateSummary, type PlanTemplate } from '../shared/templates/templateSchema';
import { type SettingsService } from './settings/settingsService';
import { type ShareService } from './sync/shareService';
import { type WorkspaceManager } from './workspace/workspaceManager';

export type HostServiceParts = {
  workspaces: WorkspaceManager;
  settings: SettingsService;
  share: ShareService;
  templates: () => Promise<PlanTemplate[]>;
  /** Renders a print view to PDF and saves it where the person chooses. */
  exportPdf: (html: string, fileName: string) => Promise<PdfExportResult>;
  /** Opens an http(s) link in the user's browser. */
  openExternal: (url: string) => Promise<void>;
};

export function createHostServices(p: HostServiceParts): HostServices {
  const ws = () => p.workspaces.require();
  return {
    workspace: {
      current: async () => p.workspaces.current?.info ?? null,
      openFolder: () => p.workspaces.openFolderDialog(),
      openRecent: ({ location }) => p.workspaces.open(location),
      recent: () => p.workspaces.recent(),
      listPlans: () => ws().listPlans(),
      createPlan: (args) => ws().createPlan(args),
      renamePlan: ({ planId, title }) => ws().renamePlan(planId, title),
      duplicatePlan: ({ planId }) => ws().duplicatePlan(planId),
      startNextCycle: (args) => ws().startNextCycle(args),
      deletePlan: ({ planId }) => ws().deletePlan(planId),
    },
    templates: {
      list: async () => (await p.templates()).map(templateSummary),
    },
    documents: {
      load: ({ docId }) => ws().load(docId),
      save: ({ docId, update }) => ws().save(docId, update),
    },
    settings: {
      get: async () => p.settings.get(),
      update: async (patch) => p.settings.update(patch),
    },
    sync: {
      target: async () => p.share.target(),
      share: (args) => p.share.share(args),
      stopSharing: () => p.share.stopSharing(),
      invite: (args) => p.share.invite(args),
    },
    publish: {
      exportPdf: ({ html, fileName }) => p.exportPdf(html, fileName),
    },
    shell: {
      openExternal: async ({ url }) => {
        if (!/^https?:\/\//i.test(url)) throw new Error('only http(s) links open outside Tandem');
        await p.openExternal(url);
      },
    },
  };
}
