/** Problems: the bottom panel listing plan issues, and the command that shows it. */
import { registerCommand } from '../../platform/commands';
import { registerView } from '../../workbench/views';
import { ProblemsView } from './ProblemsView';

registerView({ id: 'panel.problems', title: 'Problems', container: 'panel', order: 10, component: ProblemsView });

registerCommand({
  id: 'problems.focus', title: 'Show Problems', category: 'View', keybinding: 'Mod+Shift+M',
  run: ({ workbench }) => workbench.showView('panel.problems'),
});
