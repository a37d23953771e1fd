import { NOTIFICATION_MS, NotificationService } from '../../../../renderer/workbench/services/notificationService';

describe('notifications', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lets information fade, keeps errors and notifications with something to act on until dismissed', () => {
    const n = new NotificationService();
    n.notify('Saved');
    const error = n.notify('Could not save', 'error');
    const invite = n.notify('Invite link: http://host/#token=t', 'info', { actions: [{ label: 'Copy Invite Link', run: () => {} }] });
    vi.advanceTimersByTime(NOTIFICATION_MS + 1);
    expect(n.items.get().map((x) => x.message)).toEqual(['Could not save', 'Invite link: http://host/#token=t']);
    n.dismiss(invite);
    n.dismiss(error);
    expect(n.items.get()).toEqual([]);
  });

  it('shows the four latest', () => {
    const n = new NotificationService();
    for (let i = 1; i <= 6; i++) n.notify(`n${i}`, 'error');
    expect(n.items.get().map((x) => x.message)).toEqual(['n3', 'n4', 'n5', 'n6']);
  });
});
