/** The bottom panel: its views as tabs (Problems, …), and a close button. */
import { Icon } from './icons';
import { useComputed, useServices } from './services/services';
import { useViews } from './useViews';
import { ViewErrorBoundary } from './ViewErrorBoundary';

export function Panel() {
  const { layout } = useServices();
  const height = useComputed([layout.state], (l) => l.panelHeight);
  const activeView = useComputed([layout.state], (l) => l.activePanelView);
  const views = useViews('panel');
  const active = views.find((v) => v.id === activeView) ?? views[0];
  return (
    <section className="tandem-panel" style={{ height }} aria-label="Panel">
      <div className="tandem-panel-header">
        <div role="tablist" aria-label="Panel views" className="tandem-panel-tabs">
          {views.map((v) => (
            <button
              key={v.id}
              type="button"
              role="tab"
              aria-selected={v === active}
              aria-controls={`panel-view-${v.id}`}
              className={`tandem-panel-tab ${v === active ? 'is-active' : ''}`}
              onClick={() => layout.setPanelView(v.id)}
            >
              {v.title}
            </button>
          ))}
        </div>
        <button type="button" className="tandem-icon-button" aria-label="Close Panel" title="Close Panel" onClick={() => layout.closePanel()}>
          <Icon name="close" />
        </button>
      </div>
      <div className="tandem-panel-body" role="tabpanel" id={active ? `panel-view-${active.id}` : undefined} aria-label={active?.title ?? 'Panel'}>
        {active ? <ViewErrorBoundary title={active.title}><active.component /></ViewErrorBoundary> : <p className="tandem-empty-note">No panel views.</p>}
      </div>
    </section>
  );
}
