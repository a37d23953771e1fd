/** Each collaborator's caret and selection, in their colour, with their name on the caret. */
import { type ReactNode, type RefObject, useRef } from 'react';
import { Editor } from 'slate';
import { useSlateStatic } from 'slate-react';
import { useRemoteCursorOverlayPositions } from '@slate-yjs/react';
import { type CursorData } from './createPlanEditor';

export function RemoteCursors({ children }: { children: ReactNode }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const editor = useSlateStatic();
  // A caret inside a card's hidden text would point at nothing: carets are drawn in text only.
  const [cursors] = useRemoteCursorOverlayPositions<CursorData>({
    containerRef: containerRef as RefObject<HTMLDivElement>,
    shouldGenerateOverlay: (_node, path) => !Editor.void(editor, { at: path }),
  });
  return (
    <div ref={containerRef} className="tandem-cursor-container">
      {children}
      {cursors.map((c) => {
        const color = c.data?.color ?? '#8c959f';
        const name = c.data?.name ?? 'Someone';
        return (
          <div key={c.clientId}>
            {c.selectionRects.map((r, i) => (
              <div key={i} aria-hidden className="tandem-remote-selection" style={{ ...r, backgroundColor: color }} />
            ))}
            {c.caretPosition && (
              <div role="img" aria-label={`${name}'s cursor`} className="tandem-remote-caret" style={{ ...c.caretPosition, backgroundColor: color }}>
                <span aria-hidden className="tandem-remote-name" style={{ backgroundColor: color }}>{name}</span>
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
