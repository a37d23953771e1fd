/** One template as a newcomer sees it: name, what it is for, and a preview of its sections. */
import { type TemplateSummary } from '../../../shared/ipc/contract';

const PREVIEW_SECTIONS = 6;

export function TemplateCard({ template, action }: { template: TemplateSummary; action: { label: string; run(): void; disabled?: boolean } }) {
  const more = template.sections.length - PREVIEW_SECTIONS;
  return (
    <li className="tandem-template-card">
      <div className="tandem-template-head">
        <h3>{template.name}</h3>
        <button type="button" className="tandem-button is-secondary" aria-label={`${action.label}: ${template.name}`} disabled={action.disabled} onClick={action.run}>
          {action.label}
        </button>
      </div>
      <p className="tandem-template-description">{template.description}</p>
      {template.sections.length > 0 && (
        <ol className="tandem-template-sections" aria-label={`Sections of ${template.name}`}>
          {template.sections.slice(0, PREVIEW_SECTIONS).map((s) => <li key={s}>{s}</li>)}
          {more > 0 && <li className="is-more">and {more} more</li>}
        </ol>
      )}
    </li>
  );
}
