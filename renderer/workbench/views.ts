/** The view registry: what each activity bar container and the bottom panel show. */
import type React from 'react';

export type ViewContainerId = 'explorer' | 'goals' | 'people' | 'search';
export type ViewDescriptor = {
  id: string;
  title: string;
  container: ViewContainerId | 'panel';
  order: number;
  component: React.ComponentType;
};

const views = new Map<string, ViewDescriptor>();
const listeners = new Set<() => void>();
let version = 0;

function changed(): void {
  version++;
  for (const l of listeners) l();
}

export function registerView(view: ViewDescriptor): () => void {
  if (views.has(view.id)) throw new Error(`the view "${view.id}" is registered twice`);
  views.set(view.id, view);
  changed();
  return () => {
    if (views.get(view.id) === view) {
      views.delete(view.id);
      changed();
    }
  };
}

export function getView(id: string): ViewDescriptor | undefined {
  return views.get(id);
}

/** The views of one container, in their order. */
export function getViews(container: ViewContainerId | 'panel'): ViewDescriptor[] {
  return [...views.values()].filter((v) => v.container === container).sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
}

export function onViewsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A number that changes whenever the registry does (for useSyncExternalStore). */
export const viewsVersion = (): number => version;
