/**
 * A link in the plan text, as in VS Code: underlined; while the pointer is over it a small hint shows
 * the address and "Ctrl+click to open" (Cmd on macOS), and while the caret is in it, the key that
 * opens it. Ctrl/Cmd+click opens it through the host (the desktop's browser, or a new tab on the web);
 * a plain click only places the caret, so the link's text stays editable. In a read-only plan a plain
 * click opens. Only http(s) addresses are ever links (withLinks) and the host opens nothing else.
 */
import { type MouseEvent, useEffect, useId, useLayoutEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { Editor, Element, Range } from 'slate';
import { ReactEditor, type RenderElementProps, useFocused, useReadOnly, useSelected, useSlateStatic } from 'slate-react';
import { keybindingFor } from '../../../shared/commands/manifest';
import { type HostServices } from '../../../shared/ipc/contract';
import { type LinkElement as LinkNode } from '../../../shared/model/elements';
import { getHost } from '../../platform/host';
import { formatKeybinding, isMacPlatform } from '../../platform/keybindings';

/** The command that opens the link at the caret (its key is in the shared keybinding table). */
export const OPEN_LINK_COMMAND = 'editor.openLink';

/** The link the caret is in, if the selection is a caret inside one. */
export function linkAtCaret(editor: Editor): LinkNode | null {
  const { selection } = editor;
  if (!selection || !Range.isCollapsed(selection)) return null;
  const entry = Editor.above<LinkNode>(editor, { at: selection, match: (n) => Element.isElement(n) && n.type === 'link' });
  return entry?.[0] ?? null;
}

/** Opens a plan link outside Tandem; the host refuses anything but http(s). */
export function openLink(host: HostServices, url: string): Promise<void> {
  return host.shell.openExternal({ url });
}

type HintPlace = { left: number; top: number; above: boolean };

/** Under the line box of the link nearest to `y` (above it when there is no room below). */
function placeUnder(link: HTMLElement, y: number): HintPlace | null {
  const lines = [...link.getClientRects()];
  if (lines.length === 0) return null;
  const line = lines.find((r) => y >= r.top && y <= r.bottom) ?? lines.reduce((a, b) => (Math.abs(b.top - y) < Math.abs(a.top - y) ? b : a));
  const above = line.bottom + 48 > window.innerHeight;
  return { left: Math.max(4, Math.min(line.left, window.innerWidth - 360)), top: above ? line.top - 4 : line.bottom + 4, above };
}

const samePlace = (a: HintPlace | null, b: HintPlace | null) => a?.left === b?.left && a?.top === b?.top && a?.above === b?.above;

export function LinkElement({ attributes, children, element }: RenderElementProps & { element: LinkNode }) {
  const editor = useSlateStatic();
  const readOnly = useReadOnly();
  const selected = useSelected();
  const focused = useFocused();
  const hintId = useId();
  const mac = isMacPlatform();
  const [hover, setHover] = useState<HintPlace | null>(null);
  const [caret, setCaret] = useState<HintPlace | null>(null);
  const [armed, setArmed] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const caretInLink = selected && focused && !readOnly && editor.selection !== null && Range.isCollapsed(editor.selection);
  const domLink = () => {
    try {
      return ReactEditor.toDOMNode(editor, element);
    } catch {
      return null;
    }
  };

  // While the caret is in the link, the hint sits under the line holding the caret.
  useLayoutEffect(() => {
    if (!caretInLink) {
      setCaret(null);
      return;
    }
    const link = domLink();
    const sel = window.getSelection();
    const caretRect = sel && sel.rangeCount > 0 ? sel.getRangeAt(0).getBoundingClientRect() : null;
    const next = link ? placeUnder(link, caretRect ? (caretRect.top + caretRect.bottom) / 2 : 0) : null;
    setCaret((prev) => (samePlace(prev, next) ? prev : next));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-placed when the caret enters or leaves the link
  }, [caretInLink, element]);

  const visible = hover !== null || caret !== null;

  // A shown hint follows nothing: scrolling hides the pointer's hint; Ctrl/Cmd pressed over the link arms it.
  useEffect(() => {
    if (!visible) {
      setFailure(null);
      return;
    }
    const onScroll = () => {
      setHover(null);
      setCaret(null);
    };
    const onKey = (e: KeyboardEvent) => setArmed(mac ? e.metaKey : e.ctrlKey);
    window.addEventListener('scroll', onScroll, true);
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKey);
    return () => {
      window.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKey);
    };
  }, [visible, mac]);

  const opensOnClick = (e: MouseEvent) => readOnly || (mac ? e.metaKey : e.ctrlKey);
  const open = () => {
    setFailure(null);
    openLink(getHost(), element.url).catch((err: unknown) => setFailure(err instanceof Error ? err.message : String(err)));
  };

  const onPointer = (e: MouseEvent<HTMLAnchorElement>) => {
    const next = placeUnder(e.currentTarget, e.clientY);
    setHover((prev) => (samePlace(prev, next) ? prev : next));
    setArmed(mac ? e.metaKey : e.ctrlKey);
  };

  const place = hover ?? caret;
  const action = readOnly ? 'Click to open'
    : hover ? `${mac ? 'Cmd' : 'Ctrl'}+click to open`
    : `${formatKeybinding(keybindingFor(OPEN_LINK_COMMAND) ?? 'Alt+Enter', mac)} to open`;

  return (
    <a {...attributes} href={element.url} rel="noopener noreferrer" target="_blank"
      className={`tandem-link${armed || readOnly ? ' tandem-link-armed' : ''}`}
      aria-describedby={place ? hintId : undefined}
      onMouseEnter={onPointer}
      onMouseMove={onPointer}
      onMouseLeave={() => setHover(null)}
      onMouseDown={(e) => {
        // Ctrl/Cmd+click leaves the caret where it is.
        if (e.button === 0 && opensOnClick(e)) e.preventDefault();
      }}
      onClick={(e) => {
        if (!opensOnClick(e)) return;
        e.preventDefault();
        open();
      }}>
      {children}
      {place && createPortal(
        <div id={hintId} role="tooltip" className={`tandem-link-hint${place.above ? ' tandem-link-hint-above' : ''}`}
          style={{ left: place.left, top: place.top }}>
          <span className="tandem-link-hint-url">{element.url}</span>
          {failure
            ? <span className="tandem-link-hint-error" role="alert">Could not open the link: {failure}</span>
            : <span className="tandem-link-hint-action">{action}</span>}
        </div>,
        document.body,
      )}
    </a>
  );
}
