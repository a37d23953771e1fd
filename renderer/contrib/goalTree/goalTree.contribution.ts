/** Goal tree: the cascade of every goal in the workspace, in the Goals container. */
import { registerView } from '../../workbench/views';
import { GoalTreeView } from './GoalTreeView';

registerView({ id: 'goals.tree', title: 'Goal Cascade', container: 'goals', order: 10, component: GoalTreeView });
