/**
 * Wires the services of one open workspace by hand: the session pool and the model, the layout
 * (restored per workspace), the editors, quick input; notifications come from above the shell.
 */
import { type PlanSummary, type Settings, type SyncTarget, type TemplateSummary, type WorkspaceInfo } from '../../../shared/ipc/contract';
import { ReactEditor } from 'slate-react';
import { openCollabSession, type CollabSession } from '../../collab/collabSession';
import { getHost, hostEvents } from '../../platform/host';
import * as groups from '../editorGroups';
import { editorInputOf } from '../editorKinds';
import { loadLayout } from '../layoutState';
import { SessionPool } from '../sessionPool';
import { EditorService, exists } from './editorService';
import { LayoutService } from './layoutService';
import { type NotificationService } from './notificationService';
import { QuickInputService, type FocusKeeper } from './quickInputService';
import { type WorkbenchServices } from './services';
import { WorkspaceModel } from './workspaceModel';

export type WorkbenchBoot = {
  workspace: WorkspaceInfo;
  settings: Settings;
  target: SyncTarget | null;
  plans: PlanSummary[];
  templates: TemplateSummary[];
  /** The plan to open on load (the `?plan=<id>` deep link). */
  deepLinkPlanId: string | null;
};

export function createServices(boot: WorkbenchBoot, notifications: NotificationService): { services: WorkbenchServices; dispose(): void } {
  const host = getHost();
  const events = hostEvents;
  const { workspace, target, settings } = boot;
  // The name on the invite is the name colleagues see; settings choose the colour (and the name when there is no invite).
  const user = { name: target?.name ?? settings.userName, color: settings.userColor };
  const pool = new SessionPool<CollabSession>((docId) => openCollabSession({ host, events, docId, target, user }));
  const model = new WorkspaceModel({ host, events, pool, plans: boot.plans, settings });

  const stored = loadLayout(localStorage, workspace.id);
  const deepLink = boot.deepLinkPlanId;
  let editors = groups.keepPlans(stored.editors, (key) => key === deepLink || exists(editorInputOf(key), model));
  if (deepLink) editors = groups.openTab(editors, deepLink);
  const layout = new LayoutService({ ...stored, editors }, localStorage, workspace.id);
  const editorService = new EditorService(layout, pool, model);
  const quickInput = new QuickInputService(windowFocus(editorService));

  const services: WorkbenchServices = {
    host, events, workspace, user, syncTarget: target, templates: boot.templates,
    model, layout, editors: editorService, quickInput, notifications,
  };
  return {
    services,
    dispose() {
      quickInput.current.get()?.cancel();
      editorService.dispose();
      layout.dispose();
      model.dispose();
      pool.destroyAll();
    },
  };
}

/**
 * The window's keyboard focus for the quick input. Focus goes back to where it was, unless a command
 * put it somewhere on purpose (a new goal's title); a plan editor gets it through Slate, which puts the
 * caret where the editor's selection is now (a command may just have moved it), not where the DOM had it.
 */
function windowFocus(editors: EditorService): FocusKeeper<HTMLElement> {
  return {
    current() {
      const active = document.activeElement;
      return active instanceof HTMLElement && !active.closest('.tandem-quickinput') ? active : null;
    },
    restore(el) {
      const moved = document.activeElement && document.activeElement !== document.body;
      if (!el.isConnected || moved) return;
      for (const editor of editors.planEditors()) {
        try {
          if (ReactEditor.toDOMNode(editor, editor) === el) {
            ReactEditor.focus(editor);
            return;
          }
        } catch {
          // an editor that is not rendered right now
        }
      }
      el.focus();
    },
    afterFrame: (run) => requestAnimationFrame(run),
  };
}
