/** A plan editor as the app composes it, bound to a real Y.Doc, without a DOM. */
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { YjsEditor } from '@slate-yjs/core';
import { Editor, type Descendant } from 'slate';
import { createPlanDoc, planContent, readPlanContent } from '../../../shared/model/planDoc';
import { createPlanEditor, type PlanSlateEditor } from '../../../renderer/editor/createPlanEditor';

export type Bound = { doc: Y.Doc; editor: PlanSlateEditor; awareness: Awareness };

export function planDocWith(content: Descendant[], doc = new Y.Doc()): Y.Doc {
  return createPlanDoc({ id: 'plan_test1', title: 'Test plan', templateId: 'blank', period: 'FY27', content }, doc);
}

/** Binds an editor to the doc and runs its normalization, as opening the plan does. */
export function bind(doc: Y.Doc, name = 'Ana'): Bound {
  const awareness = new Awareness(doc);
  const editor = createPlanEditor(planContent(doc), awareness, { name, color: '#bf3989' });
  YjsEditor.connect(editor);
  YjsEditor.flushLocalChanges(editor);
  return { doc, editor, awareness };
}

export function open(content: Descendant[]): Bound {
  return bind(planDocWith(content));
}

/**
 * Runs a change as the user would (normalizing), then lets the editor's change handlers run, as
 * Slate does one microtask later in the app: they write the change into the Y.Doc.
 */
export function edit(b: Bound, change: (editor: PlanSlateEditor) => void): void {
  Editor.withoutNormalizing(b.editor, () => change(b.editor));
  b.editor.onChange();
}

/** Two docs exchanging every update both ways, as a sync server would. */
export function linkDocs(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'remote');
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
}

export const docContent = (doc: Y.Doc): Descendant[] => readPlanContent(doc);
export const strip = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export const at = (path: number[], offset: number) => ({ path, offset });

/** Types text one character at a time, as a keyboard does. */
export function typeText(b: Bound, text: string): void {
  for (const ch of text) edit(b, (e) => e.insertText(ch));
}
