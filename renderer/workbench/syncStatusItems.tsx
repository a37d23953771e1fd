/**
 * The workbench's own status bar entries: where the open plan stands (connection, view only, saved /
 * unsynced changes), who else is in it, and its period.
 */
import { useEffect } from 'react';
import { initials } from '../../shared/model/people';
import { formatDay, planPeriod } from '../../shared/model/period';
import { WORKSPACE_DOC_ID } from '../../shared/sync/rooms';
import { type SyncStatus } from '../collab/collabSession';
import { runCommand } from '../platform/commands';
import { Icon, type IconName } from './icons';
import { useComputed, useServices, useValue } from './services/services';
import { shownConnection, useBrowserOnline } from './useBrowserOnline';
import { useSyncStatus, useSyncStatusPart } from './useSyncStatus';

const CONNECTION: Record<SyncStatus['connection'], { icon: IconName; text: string; tip: string }> = {
  'local-only': { icon: 'laptop', text: 'Local only', tip: 'This workspace is not synced with a server. Click to set up sync.' },
  connecting: { icon: 'sync', text: 'Connecting…', tip: 'Connecting to the sync server' },
  connected: { icon: 'cloud', text: 'Connected', tip: 'Connected to the sync server' },
  offline: { icon: 'cloudOff', text: 'Offline', tip: 'Offline: edits are kept on this machine and sync when the connection returns' },
  stopped: { icon: 'cloudOff', text: 'Not syncing', tip: 'The server stopped syncing this plan' },
};

/** The session of the plan in the active tab, if a plan is there. */
function useActiveSession() {
  const { editors } = useServices();
  const planId = useValue(editors.activePlanId);
  const sessions = useValue(editors.sessions);
  return planId ? (sessions.get(planId) ?? null) : null;
}

/**
 * Whose connection the status bar shows: the plan in the active tab, else (a comparison, a review,
 * no tab) the workspace document's, which every window keeps open.
 */
function useConnectionSession() {
  const { model } = useServices();
  return useActiveSession() ?? model.pool.peek(WORKSPACE_DOC_ID) ?? null;
}

/** The sync status the status bar's connection shows, offline as soon as the browser says so. */
export function useActiveSyncStatus(): SyncStatus | null {
  const status = useSyncStatus(useConnectionSession());
  const online = useBrowserOnline();
  return status && { ...status, connection: shownConnection(status.connection, online) };
}

/** The connection the status bar shows (and colours itself by); only a change of it re-renders the caller. */
export function useShownConnection(): SyncStatus['connection'] {
  const connection = useSyncStatusPart(useConnectionSession(), (s) => s?.connection ?? null);
  const online = useBrowserOnline();
  const { syncTarget } = useServices();
  return connection ? shownConnection(connection, online) : (syncTarget ? 'connecting' : 'local-only');
}

export function ConnectionItem() {
  const status = useActiveSyncStatus();
  const c = CONNECTION[useShownConnection()];
  const { notifications } = useServices();
  const stopped = status?.stopped ?? null;
  // Syncing stopped for good (a retry cannot fix it): say why where it cannot be missed, once.
  useEffect(() => {
    if (stopped) notifications.notify(`This plan is not syncing. ${stopped}`, 'error');
  }, [stopped, notifications]);
  return (
    <button
      type="button"
      className="tandem-status-item"
      aria-label={`Sync: ${c.text}${status?.stopped ? ` — ${status.stopped}` : ''}`}
      title={status?.stopped ?? c.tip}
      onClick={() => void runCommand('workbench.openSettings')}
    >
      <Icon name={c.icon} /> {c.text}
    </button>
  );
}

/**
 * "View only" for a viewer's invite, "Can comment" for a commenter's (the plan is read-only, its
 * comments are not); otherwise whether every change is saved and on the server.
 */
export function SaveStateItem() {
  const session = useActiveSession();
  const status = useSyncStatus(session);
  const { syncTarget } = useServices();
  if (session?.readOnly) {
    const commenter = syncTarget?.role === 'commenter';
    return (
      <span className="tandem-status-item is-static tandem-view-only" role="status"
        title={commenter ? 'Your invite lets you read this plan and comment on it, not change it' : 'Your invite lets you read this plan, not change it'}>
        <Icon name="eye" /> {commenter ? 'View only · Can comment' : 'View only'}
      </span>
    );
  }
  if (!status) return null;
  if (status.saveError) {
    return <span className="tandem-status-item is-static is-warning" role="status" title={status.saveError}><Icon name="warning" /> Not saved — retrying</span>;
  }
  if (!status.saved) return <span className="tandem-status-item is-static" role="status"><Icon name="sync" /> Saving…</span>;
  if (status.unsynced > 0) {
    const n = status.unsynced;
    return (
      <span className="tandem-status-item is-static" role="status" title="Saved on this machine; the server has not confirmed these changes yet">
        <Icon name="sync" /> {n} unsynced {n === 1 ? 'change' : 'changes'}
      </span>
    );
  }
  return <span className="tandem-status-item is-static" role="status" title="Every change is saved"><Icon name="check" /> Saved</span>;
}

export function PeersItem() {
  const status = useSyncStatus(useActiveSession());
  if (!status || status.peers.length === 0) return null;
  return (
    <ul className="tandem-peers" aria-label={`In this plan: ${status.peers.map((x) => x.name).join(', ')}`}>
      {status.peers.map((peer) => (
        <li key={peer.clientId} className="tandem-peer" style={{ background: peer.color }} title={peer.name} aria-label={peer.name}>
          {initials(peer.name)}
        </li>
      ))}
    </ul>
  );
}

export function PeriodItem() {
  const { model, editors } = useServices();
  const planId = useValue(editors.activePlanId);
  const period = useComputed([model.snapshots, model.workspaceSettings, editors.activePlanId], (snapshots, settings, id) => {
    const meta = snapshots.find((s) => s.meta.id === id)?.meta;
    return meta ? { label: meta.period.trim(), dates: planPeriod(meta, settings.fiscalYearStartMonth) } : null;
  }, [], (a, b) => a?.label === b?.label && a?.dates?.start === b?.dates?.start && a?.dates?.end === b?.dates?.end);
  if (!planId || !period) return null;
  const dates = period.dates ? `${formatDay(period.dates.start)} – ${formatDay(period.dates.end)}` : 'no dates';
  return (
    <button type="button" className="tandem-status-item" aria-label={`Plan period: ${period.label || 'not set'} (${dates}). Change the period`}
      title={`Plan period: ${period.label || 'not set'}, ${dates}. Click to change it.`} onClick={() => void runCommand('plan.setPeriod', planId)}>
      <Icon name="calendar" /> {period.label || 'Set period'}
    </button>
  );
}
