/** Conflicts: the bottom panel listing your values that a concurrent change replaced, across the workspace. */
import { registerView } from '../../workbench/views';
import { ConflictsView } from './ConflictsView';

registerView({ id: 'conflicts', title: 'Conflicts', container: 'panel', order: 20, component: ConflictsView });
