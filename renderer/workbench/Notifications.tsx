/** Toasts in the bottom right corner: information fades, errors stay until dismissed. */
import { Icon } from './icons';

export type Notification = { id: number; message: string; kind: 'info' | 'error' };

export function Notifications({ items, onDismiss }: { items: Notification[]; onDismiss(id: number): void }) {
  return (
    <div className="tandem-notifications" aria-live="polite">
      {items.map((n) => (
        <div key={n.id} className={`tandem-notification is-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <Icon name={n.kind === 'error' ? 'error' : 'check'} />
          <span className="tandem-notification-message">{n.message}</span>
          <button type="button" className="tandem-icon-button" aria-label="Dismiss notification" onClick={() => onDismiss(n.id)}>
            <Icon name="close" />
          </button>
        </div>
      ))}
    </div>
  );
}
