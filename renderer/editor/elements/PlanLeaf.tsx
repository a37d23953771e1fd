/** Marked text: bold, italic, underline, code. */
import { type RenderLeafProps } from 'slate-react';

export function PlanLeaf({ attributes, children, leaf }: RenderLeafProps) {
  let out = children;
  if (leaf.code) out = <code>{out}</code>;
  if (leaf.bold) out = <strong>{out}</strong>;
  if (leaf.italic) out = <em>{out}</em>;
  if (leaf.underline) out = <u>{out}</u>;
  return <span {...attributes}>{out}</span>;
}
