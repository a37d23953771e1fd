/** Outline: the active plan's structure, the second section of the Explorer (as in VS Code). */
import { registerView } from '../../workbench/views';
import { OutlineView } from './OutlineView';

registerView({ id: 'explorer.outline', title: 'Outline', container: 'explorer', order: 20, component: OutlineView });
