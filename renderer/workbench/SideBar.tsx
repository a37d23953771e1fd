/** The side bar: the active container's title and its views as collapsible sections. */
import { useState } from 'react';
import { containerInfo } from './containers';
import { Icon } from './icons';
import { useComputed, useServices } from './services/services';
import { useViews } from './useViews';
import { type ViewContainerId } from './views';
import { ViewErrorBoundary } from './ViewErrorBoundary';

export function SideBar() {
  const { layout } = useServices();
  const container = useComputed([layout.state], (l) => l.activeContainer as ViewContainerId);
  const width = useComputed([layout.state], (l) => l.sidebarWidth);
  const views = useViews(container);
  const info = containerInfo(container);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => setCollapsed((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  });
  return (
    <aside className="tandem-sidebar" style={{ width }} aria-label={`${info.title} Side Bar`}>
      <h2 className="tandem-sidebar-title">{info.title}</h2>
      <div className="tandem-sidebar-views">
        {views.length === 0 && <p className="tandem-empty-note">Nothing to show here yet.</p>}
        {views.map((v) => {
          const open = !collapsed.has(v.id);
          const single = views.length === 1;
          return (
            <section key={v.id} id={`view-${v.id}`} className={`tandem-view ${open ? 'is-open' : ''}`} aria-label={v.title}>
              {!single && (
                <h3 className="tandem-view-header">
                  <button type="button" aria-expanded={open} onClick={() => toggle(v.id)}>
                    <Icon name={open ? 'chevronDown' : 'chevronRight'} />
                    {v.title}
                  </button>
                </h3>
              )}
              {open && (
                <div className="tandem-view-body">
                  <ViewErrorBoundary title={v.title}><v.component /></ViewErrorBoundary>
                </div>
              )}
            </section>
          );
        })}
      </div>
    </aside>
  );
}
