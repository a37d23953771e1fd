/** The activity bar: one icon button per view container, and the manage menu at the bottom. */
import { formatKeybinding, isMacPlatform } from '../platform/keybindings';
import { CONTAINERS, containerKeybinding } from './containers';
import { Icon } from './icons';
import { useComputed, useServices } from './services/services';

export function ActivityBar({ onManage }: { onManage(): void }) {
  const { layout } = useServices();
  const shown = useComputed([layout.state], (l) => (l.sidebarVisible ? l.activeContainer : null));
  const mac = isMacPlatform();
  return (
    <nav className="tandem-activitybar" aria-label="Activity Bar">
      <div className="tandem-activitybar-top" role="toolbar" aria-orientation="vertical" aria-label="Views">
        {CONTAINERS.map((c) => {
          const selected = shown === c.id;
          return (
            <button
              key={c.id}
              type="button"
              className={`tandem-activity ${selected ? 'is-active' : ''}`}
              aria-label={c.title}
              aria-pressed={selected}
              title={containerKeybinding(c) ? `${c.title} (${formatKeybinding(containerKeybinding(c)!, mac)})` : c.title}
              onClick={() => layout.selectContainer(c.id)}
            >
              <Icon name={c.icon} />
            </button>
          );
        })}
      </div>
      <button type="button" className="tandem-activity" aria-label="Manage" title="Manage" onClick={onManage}>
        <Icon name="settings" />
      </button>
    </nav>
  );
}
