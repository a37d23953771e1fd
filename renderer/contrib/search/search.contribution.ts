/** Search: find text and structured fields across every plan of the workspace (the Search container, Ctrl/Cmd+Shift+F). */
import { registerView } from '../../workbench/views';
import { SearchView } from './SearchView';

registerView({ id: 'search.plans', title: 'Search', container: 'search', order: 10, component: SearchView });
