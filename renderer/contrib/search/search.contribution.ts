/** Search: find text and structured fields across every plan of the workspace. */
import { registerCommand } from '../../platform/commands';
import { registerView } from '../../workbench/views';
import { searchFocusSignal } from './searchFocusSignal';
import { SearchView } from './SearchView';

registerView({ id: 'search.plans', title: 'Search', container: 'search', order: 10, component: SearchView });

registerCommand({
  id: 'search.focus', title: 'Search in All Plans', category: 'Search', keybinding: 'Mod+Shift+F',
  run: ({ workbench }) => {
    searchFocusSignal.send();
    workbench.showView('search.plans');
  },
});
