/** Insert commands for the structured blocks, acting on the active plan editor through the editor's own commands. */
import { insertAction, insertGoal, insertStageMatrix, insertSubGoal } from '../../editor/editorCommands';
import { registerCommand, type CommandContext } from '../../platform/commands';

const hasEditor = ({ workbench }: CommandContext) => workbench.activeEditor !== null;

export function registerInsertCommands(): () => void {
  const offs = [
    registerCommand({
      id: 'editor.insertGoal', title: 'Insert Goal', category: 'Plan', keybinding: 'Mod+Alt+G', when: hasEditor,
      run: ({ workbench }) => { insertGoal(workbench.activeEditor!); },
    }),
    registerCommand({
      id: 'editor.insertSubGoal', title: 'Insert Sub-goal', category: 'Plan', keybinding: 'Mod+Alt+Shift+G', when: hasEditor,
      run: ({ workbench }) => {
        if (insertSubGoal(workbench.activeEditor!) === null) workbench.notify('Put the cursor on or below a goal to add a sub-goal to it.', 'error');
      },
    }),
    registerCommand({
      id: 'editor.insertStageMatrix', title: 'Insert Track-Selling Stage Matrix', category: 'Plan', keybinding: 'Mod+Alt+M', when: hasEditor,
      run: ({ workbench }) => insertStageMatrix(workbench.activeEditor!),
    }),
    registerCommand({
      id: 'editor.insertAction', title: 'Insert Action', category: 'Plan', keybinding: 'Mod+Alt+A', when: hasEditor,
      run: ({ workbench }) => { insertAction(workbench.activeEditor!); },
    }),
    registerCommand({
      id: 'edit.undo', title: 'Undo', category: 'Edit', when: hasEditor,
      run: ({ workbench }) => workbench.activeEditor!.undo(),
    }),
    registerCommand({
      id: 'edit.redo', title: 'Redo', category: 'Edit', when: hasEditor,
      run: ({ workbench }) => workbench.activeEditor!.redo(),
    }),
  ];
  return () => offs.forEach((off) => off());
}
