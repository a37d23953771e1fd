/** The popup list of the slash menu and the @ picker, under the caret. Keyboard: ↑ ↓ Enter, Esc closes. */
import { useLayoutEffect, useRef, useState } from 'react';
import { ReactEditor } from 'slate-react';
import { type PlanSlateEditor } from './createPlanEditor';
import { type MenuItem } from './insertMenu';

export function InsertMenu({ editor, title, items, active, onChoose, onHover }: {
  editor: PlanSlateEditor; title: string; items: MenuItem[]; active: number; onChoose: (item: MenuItem) => void; onHover: (i: number) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  useLayoutEffect(() => {
    const menu = ref.current;
    const container = menu?.offsetParent;
    if (!menu || !container || !editor.selection) return;
    try {
      const caret = ReactEditor.toDOMRange(editor, editor.selection).getBoundingClientRect();
      const box = container.getBoundingClientRect();
      // Under the caret, or above it when the list would run past the bottom of the editor.
      const below = caret.bottom + 4 + menu.offsetHeight <= box.bottom;
      const top = below ? caret.bottom + 4 : caret.top - 4 - menu.offsetHeight;
      setPos({ top: top - box.top + container.scrollTop, left: Math.min(caret.left - box.left, box.width - menu.offsetWidth - 8) });
    } catch {
      setPos(null);
    }
  }, [editor, editor.selection, items.length]);
  const activeId = `tandem-menu-item-${items[active]?.id ?? ''}`;
  return (
    <div ref={ref} className="tandem-insert-menu" style={pos ?? { visibility: 'hidden' }}>
      <div className="tandem-insert-menu-title">{title}</div>
      <ul role="listbox" aria-label={title} aria-activedescendant={activeId}>
        {items.map((item, i) => (
          <li key={item.id} id={`tandem-menu-item-${item.id}`} role="option" aria-selected={i === active}
            className={i === active ? 'tandem-active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              onChoose(item);
            }}
            onMouseEnter={() => onHover(i)}>
            <span className="tandem-insert-label">{item.label}</span>
            <span className="tandem-insert-hint">{item.hint}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
