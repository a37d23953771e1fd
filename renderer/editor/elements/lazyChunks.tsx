/**
 * Large plans render lazily, chunk by chunk. Slate's chunking groups the top-level blocks in chunks
 * (see `CHUNK_SIZE` in createPlanEditor). When a plan opens, only the chunks that fill its first two screens
 * are rendered; every other chunk is a placeholder about as tall as its blocks. A placeholder renders
 * its blocks when it comes near the visible part of the editor, when the selection moves into it
 * (`mountSelection`), or when something scrolls to one of its blocks (`mountBlock`); once rendered, a
 * chunk stays rendered. Chunks made after the plan opened (blocks typed, pasted or added by a
 * collaborator) render at once. Rendered chunks keep `content-visibility: auto`, so the browser skips
 * laying out and painting those scrolled far away.
 */
import { isValidElement, type ReactNode, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { type Descendant, type Editor, type Range } from 'slate';
import { type RenderChunkProps, useSlateStatic } from 'slate-react';
import { normalizeLoadedPlan } from '../plugins/withLoadNormalization';
import { estimatedBlockHeight } from './blockHeights';

/** slate-react's chunk tree: a lowest chunk holds leaves, one per top-level block. */
type ChunkLeaf = { type: 'leaf'; index: number; node: Descendant };
type SlateChunk = { type: 'chunk'; children: Array<ChunkLeaf | SlateChunk> };

/** How far beyond the visible part of the editor a placeholder starts rendering its blocks. */
const NEAR_MARGIN = '150% 0px';
/** How many screens of blocks render when a plan opens. */
const SCREENS_AT_OPEN = 2;

/** The chunk slate-react hands to a chunk's child (its memoized renderer), or null if that ever changes shape. */
function chunkOf(children: ReactNode): SlateChunk | null {
  if (!isValidElement(children)) return null;
  const ancestor = (children.props as { ancestor?: unknown }).ancestor;
  const ok = typeof ancestor === 'object' && ancestor !== null && (ancestor as SlateChunk).type === 'chunk' && Array.isArray((ancestor as SlateChunk).children);
  return ok ? (ancestor as SlateChunk) : null;
}

function edgeLeaf(chunk: SlateChunk, end: boolean): ChunkLeaf | null {
  let node: ChunkLeaf | SlateChunk | undefined = chunk;
  while (node && node.type === 'chunk') node = end ? node.children[node.children.length - 1] : node.children[0];
  return node ?? null;
}

/** The top-level indexes of a chunk's first and last block. */
function blockRange(chunk: SlateChunk): { first: number; last: number } | null {
  const first = edgeLeaf(chunk, false);
  const last = edgeLeaf(chunk, true);
  return first && last ? { first: first.index, last: last.index } : null;
}

const holds = (range: { first: number; last: number }, index: number | undefined) => index !== undefined && range.first <= index && index <= range.last;

function chunkHeight(chunk: SlateChunk): number {
  return chunk.children.reduce((sum, c) => sum + (c.type === 'leaf' ? estimatedBlockHeight(c.node) : chunkHeight(c)), 0);
}

function scrollParent(el: Element): Element | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') return p;
  }
  return null;
}

/** One editor's chunks: which are waiting to render, and the observer that renders those coming near. */
class LazyChunks {
  /** True until the first chunks of the plan are on the page. */
  private opening = true;
  private shownAtOpen: number | null | undefined;
  private readonly waiting = new Map<SlateChunk, () => void>();
  private selectedBlocks = '';
  private observer: IntersectionObserver | null = null;
  private readonly nearCallbacks = new Map<Element, () => void>();

  constructor(private readonly editor: Editor) {}

  /**
   * How many top-level blocks render when the plan opens: the whole chunks that fill its first
   * screens (decided once, when the plan is opened); null when the plan is not chunked.
   */
  blocksShownAtOpen(): number | null {
    if (this.shownAtOpen !== undefined) return this.shownAtOpen;
    const { children } = this.editor;
    const size = this.editor.getChunkSize(this.editor);
    if (!size) return null;
    const budget = SCREENS_AT_OPEN * (typeof window === 'undefined' ? 1000 : window.innerHeight);
    let height = 0;
    let blocks = 0;
    while (blocks < children.length && height < budget) height += estimatedBlockHeight(children[blocks++]!);
    return (this.shownAtOpen = Math.min(children.length, Math.ceil(blocks / size) * size));
  }

  /**
   * Whether a chunk seen for the first time renders its blocks at once: after opening, always; while
   * opening, when it is among the first screens or holds an end of the selection (a plan that grows
   * past the chunking threshold while someone types in it).
   */
  rendersAtOnce(chunk: SlateChunk): boolean {
    if (!this.opening) return true;
    const range = blockRange(chunk);
    if (!range) return true;
    const { selection } = this.editor;
    if (selection && (holds(range, selection.anchor.path[0]) || holds(range, selection.focus.path[0]))) return true;
    return range.last < (this.blocksShownAtOpen() ?? Infinity);
  }

  opened(): void {
    this.opening = false;
  }

  wait(chunk: SlateChunk, render: () => void): () => void {
    this.waiting.set(chunk, render);
    return () => {
      if (this.waiting.get(chunk) === render) this.waiting.delete(chunk);
    };
  }

  /** Renders the chunk holding this top-level block, with the next render. */
  mountBlock(index: number): void {
    for (const [chunk, render] of this.waiting) {
      const range = blockRange(chunk);
      if (range && holds(range, index)) {
        render();
        return;
      }
    }
  }

  /** Whether any block from `from` to `to` (top-level indexes) is in a chunk not rendered yet. */
  waitingBetween(from: number, to: number): boolean {
    return [...this.waiting.keys()].some((chunk) => {
      const range = blockRange(chunk);
      return !!range && range.first <= to && range.last >= from;
    });
  }

  /** Renders the chunks holding the selection's ends, in the render the selection change causes. */
  mountSelection(selection: Range | null): void {
    const blocks = selection ? `${selection.anchor.path[0]} ${selection.focus.path[0]}` : '';
    if (!selection || blocks === this.selectedBlocks) return;
    this.selectedBlocks = blocks;
    if (this.waiting.size === 0) return;
    this.mountBlock(selection.anchor.path[0]!);
    this.mountBlock(selection.focus.path[0]!);
  }

  whenNear(el: Element, callback: () => void): () => void {
    if (typeof IntersectionObserver === 'undefined') {
      callback();
      return () => {};
    }
    this.observer ??= new IntersectionObserver((entries) => {
      for (const entry of entries) if (entry.isIntersecting) this.nearCallbacks.get(entry.target)?.();
    }, { root: scrollParent(el), rootMargin: NEAR_MARGIN });
    this.nearCallbacks.set(el, callback);
    this.observer.observe(el);
    return () => {
      this.nearCallbacks.delete(el);
      this.observer?.unobserve(el);
    };
  }
}

const byEditor = new WeakMap<Editor, LazyChunks>();

export function lazyChunks(editor: Editor): LazyChunks {
  let chunks = byEditor.get(editor);
  if (!chunks) byEditor.set(editor, (chunks = new LazyChunks(editor)));
  return chunks;
}

function LowestChunk({ attributes, children }: { attributes: RenderChunkProps['attributes']; children: ReactNode }) {
  const editor = useSlateStatic();
  const lazy = lazyChunks(editor);
  const chunk = chunkOf(children);
  const [rendered, setRendered] = useState(() => !chunk || lazy.rendersAtOnce(chunk));
  const placeholder = useRef<HTMLDivElement>(null);
  // Blocks beyond those shown at open are normalized before any of them renders.
  const render = useCallback(() => {
    normalizeLoadedPlan(editor);
    setRendered(true);
  }, [editor]);

  useLayoutEffect(() => lazy.opened(), [lazy]);
  useLayoutEffect(() => (chunk && !rendered ? lazy.wait(chunk, render) : undefined), [lazy, chunk, rendered, render]);
  useLayoutEffect(() => {
    const el = placeholder.current;
    return el && !rendered ? lazy.whenNear(el, render) : undefined;
  }, [lazy, rendered, render]);
  // Estimated once, not on every keystroke.
  const [height] = useState(() => (chunk && !rendered ? chunkHeight(chunk) : 0));

  if (rendered) return <div {...attributes} className="tandem-chunk">{children}</div>;
  return <div {...attributes} ref={placeholder} className="tandem-chunk-pending" contentEditable={false} aria-busy="true" style={{ height }} />;
}

export function renderChunk({ attributes, children, lowest }: RenderChunkProps) {
  if (!lowest) return <div {...attributes}>{children}</div>;
  return <LowestChunk attributes={attributes}>{children}</LowestChunk>;
}
