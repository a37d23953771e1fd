/**
 * Copying from a plan puts the selection on the clipboard as Markdown text (goals, stages and actions
 * written out as Export Markdown writes them, people by name), built from the plan itself rather than
 * from the page, so a selection across parts of a large plan not rendered yet copies whole. The plan
 * blocks themselves still go along (slate-react's fragment), for pasting back into Tandem. The page's
 * HTML of the selection goes along too, unless the selection crosses chunks not rendered yet: that HTML
 * would lack them, and a rich-text target would prefer it to the complete text.
 */
import { Range } from 'slate';
import { type CheckIn } from '../../shared/model/checkIns';
import { type Person } from '../../shared/model/people';
import { blocksAsMarkdown } from '../../shared/derive/markdown';
import { type PlanSlateEditor } from './createPlanEditor';
import { lazyChunks } from './elements/lazyChunks';

/** Installs the Markdown text on the editor's copies; returns a function that removes it. */
export function copyAsMarkdown(editor: PlanSlateEditor, context: () => { planId: string; people: Person[]; checkIns?: CheckIn[] }): () => void {
  const { setFragmentData } = editor;
  editor.setFragmentData = (data, originEvent) => {
    setFragmentData(data, originEvent);
    if (!editor.selection) return;
    const { planId, people, checkIns } = context();
    data.setData('text/plain', blocksAsMarkdown(editor.getFragment(), { id: planId, content: editor.children, checkIns }, people));
    const [start, end] = Range.edges(editor.selection);
    if (lazyChunks(editor).waitingBetween(start.path[0]!, end.path[0]!)) data.clearData('text/html');
  };
  return () => {
    editor.setFragmentData = setFragmentData;
  };
}
