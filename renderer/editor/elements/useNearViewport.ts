/**
 * Whether an element is on or near the screen yet. Cards far down a large plan render a light
 * stand-in (same place, similar height, the title) until the reader scrolls near them; once near,
 * they stay fully rendered. This keeps opening a plan of thousands of goals quick. One observer
 * watches every waiting card (one per card would cost every frame), and lets go of a card once near.
 */
import { type RefObject, useEffect, useState } from 'react';

const MARGIN = '1500px';
const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | null = null;

function watch(el: Element, near: () => void): () => void {
  observer ??= new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      const done = waiting.get(e.target);
      waiting.delete(e.target);
      observer?.unobserve(e.target);
      done?.();
    }
  }, { rootMargin: MARGIN });
  waiting.set(el, near);
  observer.observe(el);
  return () => {
    waiting.delete(el);
    observer?.unobserve(el);
  };
}

export function useNearViewport(ref: RefObject<Element | null>, lazy: boolean): boolean {
  const [near, setNear] = useState(!lazy);
  useEffect(() => {
    if (near) return;
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    return watch(el, () => setNear(true));
  }, [near, ref]);
  return near;
}
