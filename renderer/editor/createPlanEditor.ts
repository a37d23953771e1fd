/**
 * The one place the plan editor's plugins are composed: Slate, React, the Yjs binding (content,
 * history of this user's own edits, shared cursors), then our rules for plan documents.
 */
import { createEditor, Editor } from 'slate';
import { type ReactEditor, withReact } from 'slate-react';
import type * as Y from 'yjs';
import { type Awareness } from 'y-protocols/awareness';
import { type CursorEditor, type YHistoryEditor, type YjsEditor, withCursors, withYHistory, withYjs } from '@slate-yjs/core';
import { cacheTopLevelDelta } from './cachedTopLevelDelta';
import { lazyChunks } from './elements/lazyChunks';
import { CLEAR_FIELD_ORIGIN } from './nullFields';
import { RESTORE_EDITION_ORIGIN } from '../../shared/editions/restoreEdition';
import { withBlockBreaks } from './plugins/withBlockBreaks';
import { withLinks } from './plugins/withLinks';
import { withLists } from './plugins/withLists';
import { withLoadNormalization } from './plugins/withLoadNormalization';
import { withMarkdownShortcuts } from './plugins/withMarkdownShortcuts';
import { withPlanSchema } from './plugins/withPlanSchema';
import { withStructuredBlocks } from './plugins/withStructuredBlocks';
import { withTrailingParagraph } from './plugins/withTrailingParagraph';
import { withUndoBoundaries } from './plugins/withUndoBoundaries';
import { withUniqueIds } from './plugins/withUniqueIds';

/** Past this many top-level blocks, rendering is chunked, and chunks render when they come near the screen… */
export const CHUNKING_FROM = 500;
/** …in chunks of this many blocks (small chunks: opening renders and lays out little). */
export const CHUNK_SIZE = 25;

/** What each collaborator's cursor carries: who they are. Stored in the awareness field `user`. */
export type CursorData = { name: string; color: string };

export type PlanSlateEditor = ReactEditor & YjsEditor & YHistoryEditor & CursorEditor<CursorData>;

declare module 'slate' {
  interface CustomTypes {
    Editor: PlanSlateEditor;
  }
}

/** Our rules for plan documents, outermost so they see every operation first. */
export function withPlanRules<E extends PlanSlateEditor>(editor: E): E {
  return withUndoBoundaries(withMarkdownShortcuts(withBlockBreaks(withUniqueIds(withTrailingParagraph(withLists(withLinks(withStructuredBlocks(withPlanSchema(editor)))))))));
}

/** A plan editor bound to the document's content; call YjsEditor.connect(editor) to start it. */
export function createPlanEditor(sharedType: Y.XmlText, awareness: Awareness, user: CursorData): PlanSlateEditor {
  cacheTopLevelDelta(sharedType);
  const editor = withReact(
    withCursors(withYHistory(withYjs(createEditor(), sharedType)), awareness, {
      cursorDataField: 'user',
      data: user,
    }),
  );
  // Fields cleared in a card are written under their own origin (nullFields.ts); undo covers them too.
  editor.undoManager.addTrackedOrigin(CLEAR_FIELD_ORIGIN);
  // Restoring an edition is one change of this user's: undo takes it back (shared/editions/restoreEdition.ts).
  editor.undoManager.addTrackedOrigin(RESTORE_EDITION_ORIGIN);
  editor.getChunkSize = (node) => (Editor.isEditor(node) && node.children.length > CHUNKING_FROM ? CHUNK_SIZE : null);
  const planEditor = withPlanRules(editor as PlanSlateEditor);
  return withLoadNormalization(planEditor, (e) => lazyChunks(e).blocksShownAtOpen());
}
