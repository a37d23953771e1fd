/** The bottom panel: its views as tabs (Problems, …), and a close button. */
import { Icon } from './icons';
import { useViews } from './useViews';
import { ViewErrorBoundary } from './ViewErrorBoundary';

export function Panel(props: { height: number; activeView: string | null; onSelect(viewId: string): void; onClose(): void }) {
  const views = useViews('panel');
  const active = views.find((v) => v.id === props.activeView) ?? views[0];
  return (
    <section className="tandem-panel" style={{ height: props.height }} aria-label="Panel">
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
              onClick={() => props.onSelect(v.id)}
            >
              {v.title}
            </button>
          ))}
        </div>
        <button type="button" className="tandem-icon-button" aria-label="Close Panel" title="Close Panel" onClick={props.onClose}>
          <Icon name="close" />
        </button>
      </div>
      <div className="tandem-panel-body" role="tabpanel" id={active ? `panel-view-${active.id}` : undefined} aria-label={active?.title ?? 'Panel'}>
        {active ? <ViewErrorBoundary title={active.title}><active.component /></ViewErrorBoundary> : <p className="tandem-empty-note">No panel views.</p>}
      </div>
    </section>
  );
}
