/** Problems: the bottom panel listing plan issues, and the status bar's problem count that opens it. */
import { registerStatusBarItem } from '../../workbench/statusBarItems';
import { registerView } from '../../workbench/views';
import { ProblemsStatusItem } from './ProblemsStatusItem';
import { ProblemsView } from './ProblemsView';

registerView({ id: 'problems', title: 'Problems', container: 'panel', order: 10, component: ProblemsView });
registerStatusBarItem({ id: 'problems.count', alignment: 'left', order: 30, component: ProblemsStatusItem });
