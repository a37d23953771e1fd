/** Insert commands for the structured blocks, acting on the active plan editor through the editor's own commands. */
import { insertAction, insertGoal, insertStageMatrix, insertSubGoal } from '../../editor/editorCommands';
import { ReactEditor } from 'slate-react';
import { registerCommand, type CommandContext } from '../../platform/commands';
import { type PlanSlateEditor } from '../../workbench/WorkbenchContext';

const hasEditor = ({ workbench }: CommandContext) => workbench.activeEditor !== null;

const FOCUS_FRAMES = 30;

/**
 * Puts the keyboard in the first field of a block that was just inserted (its title), once React has
 * rendered it; without an id (or if it never shows) the editor itself gets the focus.
 */
function focusFirstField(editor: PlanSlateEditor, blockId: string | null, frames = FOCUS_FRAMES): void {
  const root = (() => {
    try {
      return ReactEditor.toDOMNode(editor, editor);
    } catch {
      return null;
    }
  })();
  const field = blockId ? root?.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(blockId)}"] :is(input, select, textarea)`) : null;
  if (field) field.focus();
  else if (blockId && frames > 0) requestAnimationFrame(() => focusFirstField(editor, blockId, frames - 1));
  else ReactEditor.focus(editor);
}

/** Inserts through the editor's command, then puts the keyboard in the new block's first field (Tab goes on from there). */
function inserting(insert: (editor: PlanSlateEditor, ctx: CommandContext) => string | null) {
  return (ctx: CommandContext) => {
    const editor = ctx.workbench.activeEditor!;
    const id = insert(editor, ctx);
    // Two frames: the quick input gives focus back on the first, then the new block takes it.
    requestAnimationFrame(() => requestAnimationFrame(() => focusFirstField(editor, id)));
  };
}

export function registerInsertCommands(): () => void {
  const offs = [
    registerCommand({
      id: 'editor.insertGoal', title: 'Insert Goal', category: 'Plan', keybinding: 'Mod+Alt+G', when: hasEditor,
      run: inserting((editor) => insertGoal(editor)),
    }),
    registerCommand({
      id: 'editor.insertSubGoal', title: 'Insert Sub-goal', category: 'Plan', keybinding: 'Mod+Alt+Shift+G', when: hasEditor,
      run: inserting((editor, { workbench }) => {
        const id = insertSubGoal(editor);
        if (id === null) workbench.notify('Put the cursor on or below a goal to add a sub-goal to it.', 'error');
        return id;
      }),
    }),
    registerCommand({
      id: 'editor.insertStageMatrix', title: 'Insert Track-Selling Stage Matrix', category: 'Plan', keybinding: 'Mod+Alt+M', when: hasEditor,
      run: inserting((editor) => {
        insertStageMatrix(editor);
        return null;
      }),
    }),
    registerCommand({
      id: 'editor.insertAction', title: 'Insert Action', category: 'Plan', keybinding: 'Mod+Alt+A', when: hasEditor,
      run: inserting((editor) => insertAction(editor)),
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
