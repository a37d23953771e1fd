/**
 * The VS Code-like quick input at the top of the window: the command palette, quick open, pickers
 * and input boxes all use it. Keyboard first: type to filter, ↑/↓ to move, Enter to accept, Escape to dismiss.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { filterItems, highlightRuns } from './quickFilter';
import { type QuickInputRequest } from './services/quickInputService';
import { useServices, useValue } from './services/services';

/** The quick input service's question, if one is open. */
export function QuickInputHost() {
  const request = useValue(useServices().quickInput.current);
  return request && <QuickInput key={request.id} request={request} />;
}

export function QuickInput({ request }: { request: QuickInputRequest }) {
  const [query, setQuery] = useState(request.kind === 'prompt' ? (request.value ?? '') : '');
  const [selected, setSelected] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const items = request.kind === 'pick' ? request.items : null;
  const matches = useMemo(() => (items ? filterItems(query, items.map((it, index) => ({ ...it, index }))) : []), [items, query]);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  useEffect(() => setSelected(0), [query]);
  useEffect(() => {
    document.getElementById(`${listId}-${selected}`)?.scrollIntoView({ block: 'nearest' });
  }, [listId, selected]);

  const accept = (i = selected) => {
    if (request.kind === 'prompt') request.accept(query);
    else {
      const m = matches[i];
      if (m) request.accept(m.item.index);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      request.cancel();
    } else if (e.key === 'Tab') {
      e.preventDefault();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      accept();
    } else if (e.key === 'ArrowDown' && matches.length) {
      e.preventDefault();
      setSelected((s) => (s + 1) % matches.length);
    } else if (e.key === 'ArrowUp' && matches.length) {
      e.preventDefault();
      setSelected((s) => (s - 1 + matches.length) % matches.length);
    }
  };

  const label = request.title ?? request.placeholder ?? 'Quick input';
  return (
    <div className="tandem-quickinput-backdrop" onMouseDown={(e) => e.target === e.currentTarget && request.cancel()}>
      <div className="tandem-quickinput" role="dialog" aria-label={label}>
        {request.title && <div className="tandem-quickinput-title">{request.title}</div>}
        <input
          ref={inputRef}
          className="tandem-quickinput-box"
          role="combobox"
          aria-label={label}
          aria-expanded={items !== null}
          aria-controls={items ? listId : undefined}
          aria-activedescendant={items && matches.length ? `${listId}-${selected}` : undefined}
          placeholder={request.placeholder}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => {
            // Only Escape or a click outside dismisses it: focus taken away by code (an editor that
            // finishes focusing a moment later) comes straight back.
            const input = inputRef.current;
            if (input?.isConnected && !document.activeElement?.closest('.tandem-quickinput')) input.focus();
          }, 0)}
        />
        {request.kind === 'prompt' && <div className="tandem-quickinput-hint">Press Enter to confirm or Escape to cancel</div>}
        {items && (
          <ul className="tandem-quickinput-list" role="listbox" id={listId} aria-label={label}>
            {matches.length === 0 && <li className="tandem-quickinput-empty">No matching results</li>}
            {matches.map((m, i) => (
              <li
                key={m.item.index}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === selected}
                className="tandem-quickinput-item"
                onMouseMove={() => setSelected(i)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => accept(i)}
              >
                <span className="tandem-quickinput-label">
                  {highlightRuns(m.item.label, m.indexes).map((r, j) => (r.match ? <mark key={j}>{r.text}</mark> : <span key={j}>{r.text}</span>))}
                </span>
                {m.item.description && <span className="tandem-quickinput-description">{m.item.description}</span>}
                {m.item.keybinding && <kbd className="tandem-quickinput-kbd">{m.item.keybinding}</kbd>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
