/**
 * Copying from a plan puts the selection on the clipboard as Markdown text (goals, stages and actions
 * written out as Export Markdown writes them, people by name), built from the plan itself rather than
 * from the page, so a selection across parts of a large plan not rendered yet copies whole. The plan
 * blocks themselves still go along (slate-react's fragment), for pasting back into Tandem.
 */
import { type Person } from '../../shared/model/people';
import { blocksAsMarkdown } from '../../shared/derive/markdown';
import { type PlanSlateEditor } from './createPlanEditor';

/** Installs the Markdown text on the editor's copies; returns a function that removes it. */
export function copyAsMarkdown(editor: PlanSlateEditor, context: () => { planId: string; people: Person[] }): () => void {
  const { setFragmentData } = editor;
  editor.setFragmentData = (data, originEvent) => {
    setFragmentData(data, originEvent);
    if (!editor.selection) return;
    const { planId, people } = context();
    data.setData('text/plain', blocksAsMarkdown(editor.getFragment(), { id: planId, content: editor.children }, people));
  };
  return () => {
    editor.setFragmentData = setFragmentData;
  };
}
