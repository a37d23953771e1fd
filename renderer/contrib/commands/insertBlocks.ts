/** Editor commands: insert the structured blocks, open the link at the caret, undo and redo — acting on the active plan editor through the editor's own commands. */
import { insertAction, insertGoal, insertStageMatrix, insertSubGoal } from '../../editor/editorCommands';
import { ReactEditor } from 'slate-react';
import { linkAtCaret, OPEN_LINK_COMMAND, openLink } from '../../editor/elements/LinkElement';
import { registerCommand, type CommandContext } from '../../platform/commands';
import { type PlanSlateEditor } from '../../editor/createPlanEditor';

const hasEditor = ({ editors }: CommandContext) => editors.activeEditor.get() !== null;

/**
 * Inserts through the editor's command, then gives the editor the keyboard with the new block
 * selected — after the quick input has closed and the block is rendered — so Tab enters its fields.
 */
function inserting(insert: (editor: PlanSlateEditor, ctx: CommandContext) => void) {
  return (ctx: CommandContext) => {
    const editor = ctx.editors.activeEditor.get()!;
    insert(editor, ctx);
    requestAnimationFrame(() => requestAnimationFrame(() => ReactEditor.focus(editor)));
  };
}

export function registerInsertCommands(): () => void {
  const offs = [
    registerCommand({
      id: 'editor.insertGoal', when: hasEditor,
      run: inserting((editor) => { insertGoal(editor); }),
    }),
    registerCommand({
      id: 'editor.insertSubGoal', when: hasEditor,
      run: inserting((editor, { notifications }) => {
        if (insertSubGoal(editor) === null) notifications.notify('Put the cursor on or below a goal to add a sub-goal to it.', 'error');
      }),
    }),
    registerCommand({
      id: 'editor.insertStageMatrix', when: hasEditor,
      run: inserting((editor) => insertStageMatrix(editor)),
    }),
    registerCommand({
      id: 'editor.insertAction', when: hasEditor,
      run: inserting((editor) => { insertAction(editor); }),
    }),
    registerCommand({
      id: OPEN_LINK_COMMAND,
      when: ({ editors }) => {
        const editor = editors.activeEditor.get();
        return editor !== null && ReactEditor.isFocused(editor) && linkAtCaret(editor) !== null;
      },
      run: ({ editors, host }) => {
        const link = linkAtCaret(editors.activeEditor.get()!);
        if (link) return openLink(host, link.url);
      },
    }),
    registerCommand({
      id: 'edit.undo', when: hasEditor,
      run: ({ editors }) => editors.activeEditor.get()!.undo(),
    }),
    registerCommand({
      id: 'edit.redo', when: hasEditor,
      run: ({ editors }) => editors.activeEditor.get()!.redo(),
    }),
  ];
  return () => offs.forEach((off) => off());
}
