/**
 * Opening a plan: @slate-yjs/core checks every node against the normalization rules (a forced
 * normalization) when it connects, before anything can be shown. For a large plan only the blocks
 * shown when it opens need to be valid before the first paint: `shownFirst(editor)` says how many
 * (null: all of them). Those blocks and the document itself are normalized at once; the whole plan
 * once the editor has painted them, or earlier the moment anything else is about to be rendered
 * (`normalizeLoadedPlan`, called then, and before a chunk renders).
 *
 * Before any of that, as the editor connects, a block nested absurdly deep (thousands of lists
 * inside each other, which slate-yjs's conversion, Slate's normalization and React all recurse
 * through) is replaced in the shared document by its flattened text, so peers get it flat too (see
 * shared/model/nesting.ts).
 *
 * A plan a newer Tandem wrote (writtenByNewerTandem) is shown read-only and never normalized: the
 * rules of this version would rewrite the blocks it does not know, in everyone's copy.
 */
import type * as Y from 'yjs';
import { Editor, Node, type Path, type PathRef } from 'slate';
import { flattenDeepNesting } from '../../../shared/model/nesting';
import { writtenByNewerTandem } from '../../../shared/model/planDoc';

const pending = new WeakMap<Editor, () => void>();

/** Runs the plan's deferred normalization now, if it has not run yet. */
export function normalizeLoadedPlan(editor: Editor): void {
  pending.get(editor)?.();
}

/** Normalizes the first `count` top-level blocks and the document root, as a forced normalization would. */
function normalizeFirstBlocks(editor: Editor, count: number): void {
  Editor.withoutNormalizing(editor, () => {
    const refs: PathRef[] = [];
    for (const [, path] of Node.nodes(editor, { pass: ([, p]) => p.length > 0 && p[0]! >= count })) {
      if (path.length > 0 && path[0]! < count) refs.push(Editor.pathRef(editor, path));
    }
    // Deepest and last first, as Slate's own pass pops its dirty paths.
    for (const ref of refs.reverse()) {
      const path: Path | null = ref.unref();
      if (path && Node.has(editor, path)) editor.normalizeNode(Editor.node(editor, path), { force: true });
    }
    editor.normalizeNode([editor, []], { force: true });
  });
}

export function withLoadNormalization<E extends Editor & { sharedRoot: Y.XmlText; connect(): void; disconnect(): void }>(editor: E, shownFirst: (editor: E) => number | null): E {
  const { normalize, connect, disconnect } = editor;
  let newer = false;
  editor.connect = () => {
    const doc = editor.sharedRoot.doc;
    newer = doc !== null && writtenByNewerTandem(doc);
    if (!newer) flattenDeepNesting(editor.sharedRoot);
    connect();
  };
  editor.disconnect = () => {
    pending.delete(editor);
    disconnect();
  };
  editor.normalize = (options) => {
    if (newer) return;
    // Ordinary normalization (after each change) leaves a pending full pass pending.
    if (!options?.force) return normalize(options);
    const count = pending.has(editor) ? null : shownFirst(editor);
    if (count === null || count >= editor.children.length) {
      pending.delete(editor);
      normalize(options);
      return;
    }
    normalizeFirstBlocks(editor, count);
    const run = () => {
      if (pending.get(editor) !== run) return;
      pending.delete(editor);
      normalize({ force: true });
    };
    pending.set(editor, run);
  };
  return editor;
}
