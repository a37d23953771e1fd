/**
 * Keyboard for the views' lists and trees, the VS Code way: the list holds focus, arrows move a
 * focused row (aria-activedescendant), Enter opens it; each view adds its own keys (F2, Delete, ←/→).
 */
import { useRef, useState, type KeyboardEvent, type RefObject } from 'react';

export type ListNavigation = {
  focusedKey: string | null;
  setFocusedKey: (key: string | null) => void;
  onKeyDown: (e: KeyboardEvent) => void;
  /** Attach to the list element. */
  listRef: RefObject<HTMLUListElement | null>;
  /** For a filter box above the list: ↓ moves into the list, onto its first row. */
  onInputKeyDown: (e: KeyboardEvent) => void;
};

export function useListNavigation<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  handlers: { onOpen: (item: T) => void; onKey?: (e: KeyboardEvent, item: T) => boolean },
): ListNavigation {
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const onInputKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' || items.length === 0) return;
    e.preventDefault();
    setFocusedKey(keyOf(items[0]!));
    listRef.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (items.length === 0) return;
    const at = items.findIndex((i) => keyOf(i) === focusedKey);
    const move = (to: number) => {
      e.preventDefault();
      setFocusedKey(keyOf(items[Math.max(0, Math.min(items.length - 1, to))]!));
    };
    switch (e.key) {
      case 'ArrowDown': return move(at < 0 ? 0 : at + 1);
      case 'ArrowUp': return move(at < 0 ? 0 : at - 1);
      case 'Home': return move(0);
      case 'End': return move(items.length - 1);
    }
    const item = items[at];
    if (!item) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      handlers.onOpen(item);
    } else if (handlers.onKey?.(e, item)) {
      e.preventDefault();
    }
  };
  return { focusedKey, setFocusedKey, onKeyDown, listRef, onInputKeyDown };
}

/** A DOM id for a row, for aria-activedescendant. */
export const rowDomId = (listId: string, key: string): string => `${listId}-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
