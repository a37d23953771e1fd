/**
 * About how tall a top-level block renders, in pixels, for the placeholder of a chunk not yet rendered
 * (lazyChunks.tsx). Only the scroll bar depends on it: a rendered chunk takes its real height.
 */
import { type Descendant, Element, Node } from 'slate';

/** Line height × font size of plan text (editor.css), and the characters on one line of the text column. */
const LINE_PX = 23;
const CHARS_PER_LINE = 105;
const PARAGRAPH_MARGIN_PX = 12;

const FIXED: Record<string, number> = { goal: 330, action: 205, 'stage-matrix': 880, heading: 56 };

function textHeight(node: Descendant): number {
  return Math.max(1, Math.ceil(Node.string(node).length / CHARS_PER_LINE)) * LINE_PX + PARAGRAPH_MARGIN_PX;
}

export function estimatedBlockHeight(node: Descendant): number {
  if (!Element.isElement(node)) return LINE_PX;
  const fixed = FIXED[node.type];
  if (fixed !== undefined) return fixed;
  if (node.type === 'bulleted-list' || node.type === 'numbered-list') return node.children.reduce((sum, item) => sum + textHeight(item), 0);
  return textHeight(node);
}
