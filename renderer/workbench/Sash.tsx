/** A drag handle between two parts of the layout; also resizable from the keyboard with the arrow keys. */
import { useRef } from 'react';

export function Sash(props: { orientation: 'vertical' | 'horizontal'; label: string; value: number; min: number; max: number; onResize(value: number): void; invert?: boolean }) {
  const start = useRef<{ pos: number; value: number } | null>(null);
  const vertical = props.orientation === 'vertical';
  const sign = props.invert ? -1 : 1;
  return (
    <div
      className={`tandem-sash tandem-sash-${props.orientation}`}
      role="separator"
      aria-label={props.label}
      aria-orientation={vertical ? 'vertical' : 'horizontal'}
      aria-valuenow={Math.round(props.value)}
      aria-valuemin={props.min}
      aria-valuemax={props.max}
      tabIndex={0}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        start.current = { pos: vertical ? e.clientX : e.clientY, value: props.value };
      }}
      onPointerMove={(e) => {
        if (!start.current) return;
        const delta = (vertical ? e.clientX : e.clientY) - start.current.pos;
        props.onResize(start.current.value + sign * delta);
      }}
      onPointerUp={() => { start.current = null; }}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 50 : 10;
        const grow = vertical ? e.key === 'ArrowRight' : e.key === 'ArrowDown';
        const shrink = vertical ? e.key === 'ArrowLeft' : e.key === 'ArrowUp';
        if (grow || shrink) {
          e.preventDefault();
          props.onResize(props.value + sign * (grow ? step : -step));
        }
      }}
    />
  );
}
