/**
 * Large plans are rendered in chunks (Slate chunking) with `content-visibility: auto`, so the browser
 * skips laying out and painting the chunks far from the screen. The cards of a skipped chunk render a
 * light stand-in (their title, a similar height) until the browser stops skipping the chunk; from
 * then on they are fully rendered. The browser says so with `contentvisibilityautostatechange`.
 */
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { type RenderChunkProps } from 'slate-react';

/** True outside chunks (small plans) and in chunks the browser renders. */
const ChunkVisible = createContext(true);

export const useChunkVisible = (): boolean => useContext(ChunkVisible);

type StateChange = Event & { skipped?: boolean };

function LowestChunk({ attributes, children }: { attributes: RenderChunkProps['attributes']; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (visible || !el) return;
    if (!('oncontentvisibilityautostatechange' in el)) {
      setVisible(true);
      return;
    }
    const onChange = (e: StateChange) => {
      if (e.skipped === false) setVisible(true);
    };
    el.addEventListener('contentvisibilityautostatechange', onChange);
    // A chunk on screen from the start may not report a change: ask once.
    const first = el.firstElementChild as (Element & { checkVisibility?: (o: object) => boolean }) | null;
    if (first?.checkVisibility?.({ contentVisibilityAuto: true })) setVisible(true);
    return () => el.removeEventListener('contentvisibilityautostatechange', onChange);
  }, [visible]);
  return (
    <div {...attributes} ref={ref} className="tandem-chunk">
      <ChunkVisible.Provider value={visible}>{children}</ChunkVisible.Provider>
    </div>
  );
}

export function renderChunk({ attributes, children, lowest }: RenderChunkProps) {
  if (!lowest) return <div {...attributes}>{children}</div>;
  return <LowestChunk attributes={attributes}>{children}</LowestChunk>;
}
