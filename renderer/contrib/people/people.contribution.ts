/** People: the workspace directory in its own container, and the "Add Person" command. */
import { registerCommand } from '../../platform/commands';
import { registerView } from '../../workbench/views';
import { addPersonSignal } from './addPersonSignal';
import { PeopleView } from './PeopleView';

registerView({ id: 'people.directory', title: 'People', container: 'people', order: 10, component: PeopleView });

registerCommand({
  id: 'people.add',
  when: ({ model }) => model.workspaceDoc.get() !== null,
  run: ({ layout }) => {
    layout.showView('people.directory');
    addPersonSignal.send();
  },
});
