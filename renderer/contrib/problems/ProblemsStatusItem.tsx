/** The status bar's problem count; a click opens the Problems panel. */
import { runCommand } from '../../platform/commands';
import { Icon } from '../../workbench/icons';
import { useDerived } from '../../workbench/services/services';
import { problemCounts } from './problemsModel';

export function ProblemsStatusItem() {
  const counts = useDerived(problemCounts);
  return (
    <button
      type="button"
      className="tandem-status-item"
      aria-label={`Problems: ${counts.error} errors, ${counts.warning} warnings`}
      title="Show the Problems panel"
      onClick={() => void runCommand('workbench.view.show.problems')}
    >
      <Icon name="error" /> {counts.error} <Icon name="warning" /> {counts.warning}
    </button>
  );
}
