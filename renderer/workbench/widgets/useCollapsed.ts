/** Which rows of a tree view are collapsed, and the toggle every tree view shares (open: force a state). */
import { useState } from 'react';

export function useCollapsed() {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string, open?: boolean) => setCollapsed((prev) => {
    const next = new Set(prev);
    if (open ?? next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  });
  return { collapsed, setCollapsed, toggle };
}
