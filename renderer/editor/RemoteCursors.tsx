/**
 * Each collaborator's caret and selection, in their colour, with their name on the caret. Carets are
 * placed in a box that scrolls with the text, not in the scrolling box itself: there they were off
 * by however far it was scrolled when they were measured, and its size never changed when chunks of
 * a large plan rendered, so a caret in a chunk not rendered yet was never placed.
 */
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
    <div className="tandem-editor-scroll">
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
    </div>
  );
}
