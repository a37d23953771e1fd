/** The activity bar: one icon button per view container, and the manage menu at the bottom. */
import { formatKeybinding, isMacPlatform } from '../platform/keybindings';
import { CONTAINERS, containerKeybinding } from './containers';
import { Icon } from './icons';

export function ActivityBar(props: { active: string; sidebarVisible: boolean; onSelect(id: string): void; onManage(): void }) {
  const mac = isMacPlatform();
  return (
    <nav className="tandem-activitybar" aria-label="Activity Bar">
      <div className="tandem-activitybar-top" role="toolbar" aria-orientation="vertical" aria-label="Views">
        {CONTAINERS.map((c) => {
          const selected = props.sidebarVisible && props.active === c.id;
          return (
            <button
              key={c.id}
              type="button"
              className={`tandem-activity ${selected ? 'is-active' : ''}`}
              aria-label={c.title}
              aria-pressed={selected}
              title={containerKeybinding(c) ? `${c.title} (${formatKeybinding(containerKeybinding(c)!, mac)})` : c.title}
              onClick={() => props.onSelect(c.id)}
            >
              <Icon name={c.icon} />
            </button>
          );
        })}
      </div>
      <button type="button" className="tandem-activity" aria-label="Manage" title="Manage" onClick={props.onManage}>
        <Icon name="settings" />
      </button>
    </nav>
  );
}
