/** The status bar: the registered entries, left and right, in their order. */
import { useMemo, useSyncExternalStore } from 'react';
import { statusBarItems, type StatusBarItem } from './statusBarItems';
import { useShownConnection } from './syncStatusItems';

const side = (items: StatusBarItem[], alignment: StatusBarItem['alignment']) =>
  items.filter((i) => i.alignment === alignment).sort((a, b) => a.order - b.order);

export function StatusBar() {
  const version = useSyncExternalStore(statusBarItems.subscribe, statusBarItems.getVersion);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the registry version is what changes
  const items = useMemo(() => statusBarItems.all(), [version]);
  const connection = useShownConnection();
  return (
    <footer className={`tandem-statusbar is-${connection}`} aria-label="Status Bar">
      <div className="tandem-statusbar-left">{side(items, 'left').map((i) => <i.component key={i.id} />)}</div>
      <div className="tandem-statusbar-right">{side(items, 'right').map((i) => <i.component key={i.id} />)}</div>
    </footer>
  );
}
