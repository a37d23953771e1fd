/**
 * The workbench's own status bar entries: where the open plan stands (connection, view only, saved /
 * unsynced changes), who else is in it, and its period.
 */
import { initials } from '../../shared/model/people';
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

/** The active plan's sync status, offline as soon as the browser says so. */
export function useActiveSyncStatus(): SyncStatus | null {
  const status = useSyncStatus(useActiveSession());
  const online = useBrowserOnline();
  return status && { ...status, connection: shownConnection(status.connection, online) };
}

/** The connection the status bar shows (and colours itself by); only a change of it re-renders the caller. */
export function useShownConnection(): SyncStatus['connection'] {
  const connection = useSyncStatusPart(useActiveSession(), (s) => s?.connection ?? null);
  const online = useBrowserOnline();
  const { syncTarget } = useServices();
  return connection ? shownConnection(connection, online) : (syncTarget ? 'connecting' : 'local-only');
}

export function ConnectionItem() {
  const status = useActiveSyncStatus();
  const c = CONNECTION[useShownConnection()];
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
  const period = useComputed([model.snapshots, editors.activePlanId], (snapshots, planId) => snapshots.find((s) => s.meta.id === planId)?.meta.period || null);
  if (!period) return null;
  return (
    <span className="tandem-status-item is-static" aria-label={`Plan period: ${period}`} title="Plan period">
      <Icon name="calendar" /> {period}
    </span>
  );
}
