/**
 * The workbench root: asks the host what is open, then shows the first-run screen (no workspace
 * yet) or the shell of the open workspace. The shell is remounted when the workspace, the sync
 * target or the user changes; its layout survives because it is stored per workspace, and its
 * notifications because they live here, above it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type PlanSummary, type Settings, type SyncTarget, type TemplateSummary, type WorkspaceInfo } from '../../shared/ipc/contract';
import { FirstRun } from '../contrib/firstRun/FirstRun';
import './workbench.contribution';
import '../contrib/index';
import { getHost, hostEvents } from '../platform/host';
import { Notifications } from './Notifications';
import { NotificationService } from './services/notificationService';
import { Shell } from './Shell';
import { useAppliedTheme } from './theme';
import './theme.css';
import './workbench.css';

type Boot =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'first-run'; settings: Settings; templates: TemplateSummary[] }
  | { phase: 'ready'; workspace: WorkspaceInfo; settings: Settings; target: SyncTarget | null; plans: PlanSummary[]; templates: TemplateSummary[] };

/**
 * The `?plan=<planId>` deep link: that plan opens in a tab on load. The parameter is then taken out
 * of the address bar, so a reload restores the layout as it was instead of opening the plan again.
 */
function takeDeepLinkPlanId(): string | null {
  const url = new URL(window.location.href);
  const planId = url.searchParams.get('plan');
  if (planId === null) return null;
  url.searchParams.delete('plan');
  window.history.replaceState(window.history.state, '', url.toString());
  return planId;
}

async function boot(): Promise<Boot> {
  const host = getHost();
  const [workspace, settings, templates] = await Promise.all([host.workspace.current(undefined), host.settings.get(undefined), host.templates.list(undefined)]);
  if (!workspace) return { phase: 'first-run', settings, templates };
  const [target, plans] = await Promise.all([host.sync.target(undefined), host.workspace.listPlans(undefined)]);
  return { phase: 'ready', workspace, settings, target, plans, templates };
}

const shellKey = (b: Extract<Boot, { phase: 'ready' }>) =>
  [b.workspace.id, b.target?.serverUrl, b.target?.token, b.settings.userName, b.settings.userColor].join('\n');

export function Workbench() {
  const [state, setState] = useState<Boot>({ phase: 'loading' });
  const [deepLink, setDeepLink] = useState(takeDeepLinkPlanId);
  const [notifications] = useState(() => new NotificationService());
  const reload = useCallback((openPlanId?: string) => {
    if (openPlanId) setDeepLink(openPlanId);
    boot().then(setState, (err: unknown) => setState({ phase: 'failed', message: err instanceof Error ? err.message : String(err) }));
  }, []);
  useEffect(() => reload(), [reload]);

  const stateRef = useRef(state);
  stateRef.current = state;
  useEffect(() => {
    const offs = [
      hostEvents.on('workspace.changed', () => reload()),
      // While this workspace is shared, the window syncs through the shared server: re-read where.
      hostEvents.on('sync.sharing', () => reload()),
      hostEvents.on('settings.changed', (s) => {
        const b = stateRef.current;
        if (b.phase === 'first-run') setState({ ...b, settings: s });
        if (b.phase !== 'ready') return;
        const affectsSessions = s.serverUrl !== b.settings.serverUrl || s.token !== b.settings.token
          || s.userName !== b.settings.userName || s.userColor !== b.settings.userColor;
        if (affectsSessions) reload();
        else setState({ ...b, settings: s });
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [reload]);

  const theme = state.phase === 'ready' || state.phase === 'first-run' ? state.settings.theme : 'system';
  useAppliedTheme(theme);

  return (
    <>
      {content(state, reload, deepLink, notifications)}
      <Notifications service={notifications} />
    </>
  );
}

function content(state: Boot, reload: (openPlanId?: string) => void, deepLink: string | null, notifications: NotificationService) {
  switch (state.phase) {
    case 'loading':
      return <div className="tandem-boot" role="status" aria-label="Starting Tandem">Starting Tandem…</div>;
    case 'failed':
      return (
        <div className="tandem-boot" role="alert">
          <p>Tandem could not open the workspace: {state.message}</p>
          <button type="button" className="tandem-button" onClick={() => reload()}>Try again</button>
        </div>
      );
    case 'first-run':
      return <FirstRun templates={state.templates} onOpened={reload} />;
    case 'ready':
      return (
        <Shell
          key={shellKey(state)}
          workspace={state.workspace}
          settings={state.settings}
          target={state.target}
          plans={state.plans}
          templates={state.templates}
          deepLinkPlanId={deepLink}
          notifications={notifications}
        />
      );
  }
}
