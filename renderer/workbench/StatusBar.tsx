/**
 * The status bar: where the open plan stands (connection, saved / unsynced changes), who else is in
 * it, how many problems the workspace has, and the plan's period.
 */
import { type SyncStatus } from '../collab/collabSession';
import { Icon, type IconName } from './icons';

const CONNECTION: Record<SyncStatus['connection'], { icon: IconName; text: string; tip: string }> = {
  'local-only': { icon: 'laptop', text: 'Local only', tip: 'This workspace is not synced with a server. Click to set up sync.' },
  connecting: { icon: 'sync', text: 'Connecting…', tip: 'Connecting to the sync server' },
  connected: { icon: 'cloud', text: 'Connected', tip: 'Connected to the sync server' },
  offline: { icon: 'cloudOff', text: 'Offline', tip: 'Offline: edits are kept on this machine and sync when the connection returns' },
};

export const initials = (name: string): string =>
  name.trim().split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]!.toUpperCase()).join('') || '?';

export type StatusBarProps = {
  status: SyncStatus | null;
  /** The open plan is read-only for this person (their invite is a viewer's or commenter's). */
  viewOnly?: boolean;
  syncConfigured: boolean;
  problems: { errors: number; warnings: number };
  period: string | null;
  onConnectionClick(): void;
  onProblemsClick(): void;
};

export function StatusBar(p: StatusBarProps) {
  const connection = p.status?.connection ?? (p.syncConfigured ? 'connecting' : 'local-only');
  const c = CONNECTION[connection];
  return (
    <footer className={`tandem-statusbar is-${connection}`} aria-label="Status Bar">
      <div className="tandem-statusbar-left">
        <button type="button" className="tandem-status-item" aria-label={`Sync: ${c.text}`} title={c.tip} onClick={p.onConnectionClick}>
          <Icon name={c.icon} /> {c.text}
        </button>
        {p.viewOnly && (
          <span className="tandem-status-item is-static tandem-view-only" role="status" title="Your invite lets you read this plan, not change it">
            <Icon name="eye" /> View only
          </span>
        )}
        {p.status && !p.viewOnly && <SaveState status={p.status} />}
        <button
          type="button"
          className="tandem-status-item"
          aria-label={`Problems: ${p.problems.errors} errors, ${p.problems.warnings} warnings`}
          title="Show the Problems panel"
          onClick={p.onProblemsClick}
        >
          <Icon name="error" /> {p.problems.errors} <Icon name="warning" /> {p.problems.warnings}
        </button>
      </div>
      <div className="tandem-statusbar-right">
        {p.status && p.status.peers.length > 0 && (
          <ul className="tandem-peers" aria-label={`In this plan: ${p.status.peers.map((x) => x.name).join(', ')}`}>
            {p.status.peers.map((peer) => (
              <li key={peer.clientId} className="tandem-peer" style={{ background: peer.color }} title={peer.name} aria-label={peer.name}>
                {initials(peer.name)}
              </li>
            ))}
          </ul>
        )}
        {p.period && (
          <span className="tandem-status-item is-static" aria-label={`Plan period: ${p.period}`} title="Plan period">
            <Icon name="calendar" /> {p.period}
          </span>
        )}
      </div>
    </footer>
  );
}

function SaveState({ status }: { status: SyncStatus }) {
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
