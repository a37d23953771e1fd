/**
 * The welcome page in the editor area while no plan is open: start a plan from a template (with a
 * preview of its sections), create the sample workspace, reopen a plan, and the shortcuts to know.
 */
import { useState } from 'react';
import { type TemplateSummary } from '../../../shared/ipc/contract';
import { runCommand } from '../../platform/commands';
import { formatKeybinding, isMacPlatform } from '../../platform/keybindings';
import { useServices, useValue } from '../../workbench/services/services';
import { TemplateCard } from './TemplateCard';

const RECENT_PLANS = 8;

export function Welcome() {
  const { model, quickInput, notifications, editors, workspace, templates } = useServices();
  const plans = useValue(model.plans);
  const [busy, setBusy] = useState(false);
  const mac = isMacPlatform();
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (err) {
      notifications.notify(err instanceof Error ? err.message : String(err), 'error');
    } finally {
      setBusy(false);
    }
  };
  const startFrom = (t: TemplateSummary) => run(async () => {
    const title = await quickInput.prompt({ title: `New ${t.name}`, placeholder: 'Title of the plan', value: t.name });
    if (!title?.trim()) return;
    const plan = await model.createPlan({ templateId: t.id, title: title.trim() });
    editors.openPlan(plan.id);
  });
  const recent = [...plans].sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt)).slice(0, RECENT_PLANS);

  return (
    <div className="tandem-welcome" aria-label="Welcome">
      <div className="tandem-welcome-inner">
        <h1>{workspace.name}</h1>
        <p className="tandem-firstrun-lede">Write one plan that sales and marketing both own: company goals cascaded to each team, the seven selling stages, owners on both sides.</p>
        <div className="tandem-welcome-columns">
          <section aria-labelledby="welcome-start">
            <h2 id="welcome-start">Start</h2>
            <ul className="tandem-link-list">
              <li><button type="button" className="tandem-link" disabled={busy} onClick={() => run(() => runCommand('workbench.createSampleWorkspace'))}>Create sample workspace</button>
                <span className="tandem-muted"> — an annual plan, a team plan and five people to explore</span></li>
              <li><button type="button" className="tandem-link" onClick={() => run(() => runCommand('workspace.openFolder'))}>Open folder…</button></li>
            </ul>
            {recent.length > 0 && (
              <>
                <h2>Recent plans</h2>
                <ul className="tandem-link-list">
                  {recent.map((p) => (
                    <li key={p.id}><button type="button" className="tandem-link" onClick={() => editors.openPlan(p.id)}>{p.title}</button></li>
                  ))}
                </ul>
              </>
            )}
            <h2>Good to know</h2>
            <dl className="tandem-shortcut-hints">
              <dt>Show all commands</dt><dd><kbd>{formatKeybinding('Mod+Shift+P', mac)}</kbd></dd>
              <dt>Go to a plan or goal</dt><dd><kbd>{formatKeybinding('Mod+P', mac)}</kbd></dd>
              <dt>Insert a goal</dt><dd><kbd>{formatKeybinding('Mod+Alt+G', mac)}</kbd></dd>
            </dl>
          </section>
          <section aria-labelledby="welcome-templates">
            <h2 id="welcome-templates">New plan from template</h2>
            <ul className="tandem-template-grid">
              {templates.map((t) => <TemplateCard key={t.id} template={t} action={{ label: 'Create', run: () => startFrom(t), disabled: busy }} />)}
            </ul>
          </section>
        </div>
      </div>
    </div>
  );
}
