/** The small toolbar above the plan: text styles, block types, a link, and the structured blocks. */
import { useState, type MouseEvent } from 'react';
import { useSlate } from 'slate-react';
import { type Mark } from '../../shared/model/elements';
import {
  type BlockType, currentBlockType, insertAction, insertGoal, insertLink, insertStageMatrix, insertSubGoal, isMarkActive, setBlockType, toggleMark,
} from './editorCommands';

const MARK_BUTTONS: Array<{ mark: Mark; label: string; text: string; keys: string }> = [
  { mark: 'bold', label: 'Bold', text: 'B', keys: 'Ctrl+B' },
  { mark: 'italic', label: 'Italic', text: 'I', keys: 'Ctrl+I' },
  { mark: 'underline', label: 'Underline', text: 'U', keys: 'Ctrl+U' },
  { mark: 'code', label: 'Code', text: '</>', keys: 'Ctrl+`' },
];
const BLOCK_BUTTONS: Array<{ type: BlockType; label: string; text: string }> = [
  { type: 'heading-1', label: 'Heading 1', text: 'H1' },
  { type: 'heading-2', label: 'Heading 2', text: 'H2' },
  { type: 'heading-3', label: 'Heading 3', text: 'H3' },
  { type: 'bulleted-list', label: 'Bulleted list', text: '•' },
  { type: 'numbered-list', label: 'Numbered list', text: '1.' },
];

/** Toolbar buttons act on the editor's selection without taking the focus from the text. */
const keepSelection = (e: MouseEvent) => e.preventDefault();

export function Toolbar() {
  const editor = useSlate();
  const [linkUrl, setLinkUrl] = useState<string | null>(null);
  const block = currentBlockType(editor);
  return (
    <div role="toolbar" aria-label="Formatting" className="tandem-toolbar">
      {MARK_BUTTONS.map((b) => (
        <button key={b.mark} type="button" aria-label={b.label} title={`${b.label} (${b.keys})`} aria-pressed={isMarkActive(editor, b.mark)}
          className={`tandem-tool tandem-tool-${b.mark}`} onMouseDown={keepSelection} onClick={() => toggleMark(editor, b.mark)}>{b.text}</button>
      ))}
      <span className="tandem-toolbar-sep" />
      {BLOCK_BUTTONS.map((b) => (
        <button key={b.type} type="button" aria-label={b.label} title={b.label} aria-pressed={block === b.type}
          className="tandem-tool" onMouseDown={keepSelection} onClick={() => setBlockType(editor, block === b.type ? 'paragraph' : b.type)}>{b.text}</button>
      ))}
      {linkUrl === null ? (
        <button type="button" aria-label="Link" title="Link" className="tandem-tool" onMouseDown={keepSelection} onClick={() => setLinkUrl('https://')}>Link</button>
      ) : (
        <form className="tandem-link-form" onSubmit={(e) => {
          e.preventDefault();
          if (insertLink(editor, linkUrl)) setLinkUrl(null);
        }}>
          <label>
            <span className="tandem-visually-hidden">Link address</span>
            <input autoFocus value={linkUrl} aria-invalid={!/^https?:\/\/\S+$/.test(linkUrl)} onChange={(e) => setLinkUrl(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setLinkUrl(null)} />
          </label>
          <button type="submit">Add link</button>
        </form>
      )}
      <span className="tandem-toolbar-sep" />
      <button type="button" className="tandem-tool tandem-tool-wide" onMouseDown={keepSelection} onClick={() => insertGoal(editor)}>+ Goal</button>
      <button type="button" className="tandem-tool tandem-tool-wide" onMouseDown={keepSelection} onClick={() => insertSubGoal(editor)}>+ Sub-goal</button>
      <button type="button" className="tandem-tool tandem-tool-wide" onMouseDown={keepSelection} onClick={() => insertStageMatrix(editor)}>+ Stages</button>
      <button type="button" className="tandem-tool tandem-tool-wide" onMouseDown={keepSelection} onClick={() => insertAction(editor)}>+ Action</button>
    </div>
  );
}
