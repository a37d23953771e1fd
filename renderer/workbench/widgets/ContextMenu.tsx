/** A right-click menu: opens at the pointer, keyboard-navigable, closes on Escape, a click outside or a choice. */
import { useEffect, useRef, type KeyboardEvent } from 'react';

export type MenuItem = { label: string; keybinding?: string; run: () => void } | 'separator';

export function ContextMenu(props: { x: number; y: number; label: string; items: MenuItem[]; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const { onClose } = props;
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const outside = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', outside, true);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('mousedown', outside, true);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent) => {
    const entries = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') entries[(at + 1) % entries.length]?.focus();
    else if (e.key === 'ArrowUp') entries[(at - 1 + entries.length) % entries.length]?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  // Keep the menu inside the window.
  const left = Math.min(props.x, window.innerWidth - 200);
  const top = Math.min(props.y, window.innerHeight - 24 * props.items.length - 16);
  return (
    <div ref={ref} className="tv-menu" role="menu" aria-label={props.label} style={{ left, top }} onKeyDown={onKeyDown}>
      {props.items.map((item, i) => item === 'separator'
        ? <div key={`sep-${i}`} role="separator" />
        : (
          <div
            key={item.label}
            role="menuitem"
            tabIndex={-1}
            onClick={() => { onClose(); item.run(); }}
            onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onClose(); item.run(); } }}
          >
            <span>{item.label}</span>
            {item.keybinding && <span className="tv-key">{item.keybinding}</span>}
          </div>
        ))}
    </div>
  );
}
