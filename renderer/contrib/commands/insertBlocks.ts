/** Insert commands for the structured blocks, acting on the active plan editor through the editor's own commands. */
import { insertAction, insertGoal, insertStageMatrix, insertSubGoal } from '../../editor/editorCommands';
import { ReactEditor } from 'slate-react';
import { registerCommand, type CommandContext } from '../../platform/commands';
import { type PlanSlateEditor } from '../../workbench/WorkbenchContext';

const hasEditor = ({ workbench }: CommandContext) => workbench.activeEditor !== null;

/**
 * Inserts through the editor's command, then gives the editor the keyboard with the new block
 * selected — after the quick input has closed and the block is rendered — so Tab enters its fields.
 */
function inserting(insert: (editor: PlanSlateEditor, ctx: CommandContext) => void) {
  return (ctx: CommandContext) => {
    const editor = ctx.workbench.activeEditor!;
    insert(editor, ctx);
    requestAnimationFrame(() => requestAnimationFrame(() => ReactEditor.focus(editor)));
  };
}

export function registerInsertCommands(): () => void {
  const offs = [
    registerCommand({
      id: 'editor.insertGoal', title: 'Insert Goal', category: 'Plan', when: hasEditor,
      run: inserting((editor) => { insertGoal(editor); }),
    }),
    registerCommand({
      id: 'editor.insertSubGoal', title: 'Insert Sub-goal', category: 'Plan', when: hasEditor,
      run: inserting((editor, { workbench }) => {
        if (insertSubGoal(editor) === null) workbench.notify('Put the cursor on or below a goal to add a sub-goal to it.', 'error');
      }),
    }),
    registerCommand({
      id: 'editor.insertStageMatrix', title: 'Insert Track-Selling Stage Matrix', category: 'Plan', when: hasEditor,
      run: inserting((editor) => insertStageMatrix(editor)),
    }),
    registerCommand({
      id: 'editor.insertAction', title: 'Insert Action', category: 'Plan', when: hasEditor,
      run: inserting((editor) => { insertAction(editor); }),
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
