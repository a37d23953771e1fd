/**
 * Notifications (toasts in the bottom right corner): information fades after a while, errors and
 * notifications that carry something to act on stay until dismissed. The service lives above the
 * shell, so a notification survives the shell being rebuilt (sharing starts, the sync target changes).
 */
import { Value } from './observable';

export type NotificationAction = { label: string; run: () => void | Promise<void> };
export type Notification = { id: number; message: string; kind: 'info' | 'error'; actions: NotificationAction[] };
export type NotifyOptions = {
  /** Buttons on the notification; it stays until dismissed. */
  actions?: NotificationAction[];
  /** Keep an information until it is dismissed. */
  sticky?: boolean;
};

export const NOTIFICATION_MS = 6000;
const SHOWN_AT_MOST = 4;

export class NotificationService {
  readonly items = new Value<Notification[]>([]);
  private nextId = 1;

  notify = (message: string, kind: 'info' | 'error' = 'info', opts: NotifyOptions = {}): number => {
    const id = this.nextId++;
    const actions = opts.actions ?? [];
    this.items.update((n) => [...n.slice(-(SHOWN_AT_MOST - 1)), { id, message, kind, actions }]);
    if (kind === 'info' && !opts.sticky && actions.length === 0) setTimeout(() => this.dismiss(id), NOTIFICATION_MS);
    return id;
  };

  dismiss = (id: number): void => {
    this.items.update((n) => (n.some((x) => x.id === id) ? n.filter((x) => x.id !== id) : n));
  };
}
