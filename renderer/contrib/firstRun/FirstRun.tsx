/**
 * The first-run screen, shown while no workspace is open: open a folder (or a recent one), or start
 * right away with a plan from a template (which asks for the folder first).
 */
import { useEffect, useState } from 'react';
import { type TemplateSummary, type WorkspaceInfo } from '../../../shared/ipc/contract';
import { getHost } from '../../platform/host';
import { TemplateCard } from './TemplateCard';

export function FirstRun({ templates, onOpened }: { templates: TemplateSummary[]; onOpened(openPlanId?: string): void }) {
  const host = getHost();
  const [recent, setRecent] = useState<WorkspaceInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    host.workspace.recent(undefined).then(setRecent, () => setRecent([]));
  }, [host]);

  const attempt = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const openFolder = () => attempt(async () => {
    if (await host.workspace.openFolder(undefined)) onOpened();
  });
  const startFrom = (t: TemplateSummary) => attempt(async () => {
    if (!(await host.workspace.openFolder(undefined))) return;
    const plan = await host.workspace.createPlan({ templateId: t.id, title: t.name });
    onOpened(plan.id);
  });

  return (
    <main className="tandem-firstrun" aria-label="Welcome to Tandem">
      <div className="tandem-firstrun-inner">
        <h1>Tandem</h1>
        <p className="tandem-firstrun-lede">One joint sales and marketing plan, written together: goals that cascade, the seven selling stages, and owners on both sides.</p>
        {error && <p className="tandem-view-error" role="alert">{error}</p>}
        <section aria-labelledby="firstrun-start">
          <h2 id="firstrun-start">Start</h2>
          <button type="button" className="tandem-button" disabled={busy} onClick={openFolder}>Open folder…</button>
          <p className="tandem-empty-note">A workspace is a folder of plans you share with your team.</p>
        </section>
        {recent.length > 0 && (
          <section aria-labelledby="firstrun-recent">
            <h2 id="firstrun-recent">Recent</h2>
            <ul className="tandem-link-list">
              {recent.map((w) => (
                <li key={w.location}>
                  <button type="button" className="tandem-link" disabled={busy} onClick={() => attempt(async () => {
                    await host.workspace.openRecent({ location: w.location });
                    onOpened();
                  })}>{w.name}</button>
                  <span className="tandem-muted"> {w.location}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="firstrun-templates">
          <h2 id="firstrun-templates">New plan from template</h2>
          <ul className="tandem-template-grid">
            {templates.map((t) => <TemplateCard key={t.id} template={t} action={{ label: 'Start', run: () => startFrom(t), disabled: busy }} />)}
          </ul>
        </section>
      </div>
    </main>
  );
}
