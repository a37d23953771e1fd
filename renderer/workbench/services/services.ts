/**
 * The workbench's services, wired by hand (VS Code's service idea without its container): what every
 * command gets as its context and every view reaches with `useServices()`. The map itself never
 * changes while the shell lives; views subscribe to the values they read with `useValue`.
 */
import { createContext, useContext, useState, useSyncExternalStore } from 'react';
import { type HostServices, type SyncTarget, type TemplateSummary, type WorkspaceInfo } from '../../../shared/ipc/contract';
import { type HostEventSource } from '../../platform/host';
import { type EditorService } from './editorService';
import { type LayoutService } from './layoutService';
import { type NotificationService } from './notificationService';
import { computed, type Readable } from './observable';
import { type QuickInputService } from './quickInputService';
import { type Derived, type WorkspaceModel } from './workspaceModel';

export type WorkbenchServices = {
  host: HostServices;
  events: HostEventSource;
  workspace: WorkspaceInfo;
  /** Who this window is to colleagues: the invite's name, else the settings'; the settings' colour. */
  user: { name: string; color: string };
  /** Where the workspace syncs; null when it works local-only. */
  syncTarget: SyncTarget | null;
  templates: TemplateSummary[];
  model: WorkspaceModel;
  layout: LayoutService;
  editors: EditorService;
  quickInput: QuickInputService;
  notifications: NotificationService;
};

export const ServicesContext = createContext<WorkbenchServices | null>(null);

export function useServices(): WorkbenchServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() is only available inside the workbench');
  return services;
}

/** The value now, re-rendering the caller when (and only when) it changes. */
export function useValue<T>(value: Readable<T>): T {
  return useSyncExternalStore(value.subscribe, value.get);
}

/** A derived value of the open workspace (goal tree, problems, …), computed once for all its readers. */
export function useDerived<T>(derived: Derived<T>): T {
  return useValue(useServices().model.get(derived));
}

/**
 * A value computed from services' values for this component (a count, the active plan's period):
 * the component re-renders only when the result changes (by `equals`, default identity). `compute`
 * is taken up again when one of `deps` changes (what it reads from props).
 */
export function useComputed<I extends readonly unknown[], T>(
  inputs: { readonly [K in keyof I]: Readable<I[K]> },
  compute: (...values: I) => T,
  deps: readonly unknown[] = [],
  equals?: (a: T, b: T) => boolean,
): T {
  const key = [...inputs, ...deps];
  const [kept, keep] = useState(() => ({ key, value: computed(inputs, compute, equals) }));
  let current = kept;
  if (key.length !== kept.key.length || key.some((k, i) => !Object.is(k, kept.key[i]))) {
    current = { key, value: computed(inputs, compute, equals) };
    keep(current);
  }
  return useValue(current.value);
}
