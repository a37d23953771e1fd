/** The view registry: what each activity bar container and the bottom panel show. */
import type React from 'react';
import { Registry } from './registry';

export type ViewContainerId = 'explorer' | 'goals' | 'people' | 'search';
export type ViewDescriptor = {
  id: string;
  title: string;
  container: ViewContainerId | 'panel';
  order: number;
  component: React.ComponentType;
};

export const views = new Registry<ViewDescriptor>('view');

export const registerView = (view: ViewDescriptor): (() => void) => views.register(view);

export const getView = (id: string): ViewDescriptor | undefined => views.get(id);

/** The views of one container, in their order. */
export function getViews(container: ViewContainerId | 'panel'): ViewDescriptor[] {
  return views.all().filter((v) => v.container === container).sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
}
