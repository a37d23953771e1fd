/** Toasts in the bottom right corner: information fades, errors and notifications with actions stay until dismissed. */
import { Icon } from './icons';
import { type NotificationService } from './services/notificationService';
import { useValue } from './services/services';

export function Notifications({ service }: { service: NotificationService }) {
  const items = useValue(service.items);
  return (
    <div className="tandem-notifications" aria-live="polite">
      {items.map((n) => (
        <div key={n.id} className={`tandem-notification is-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <Icon name={n.kind === 'error' ? 'error' : 'check'} />
          <span className="tandem-notification-message">{n.message}</span>
          {n.actions.map((a) => (
            <button key={a.label} type="button" className="tandem-button tandem-notification-action" onClick={() => void a.run()}>{a.label}</button>
          ))}
          <button type="button" className="tandem-icon-button" aria-label="Dismiss notification" onClick={() => service.dismiss(n.id)}>
            <Icon name="close" />
          </button>
        </div>
      ))}
    </div>
  );
}
