/** Problems: the bottom panel listing plan issues (the status bar's problem count opens it). */
import { registerView } from '../../workbench/views';
import { ProblemsView } from './ProblemsView';

registerView({ id: 'problems', title: 'Problems', container: 'panel', order: 10, component: ProblemsView });
