/** The activity bar's containers, in order, with their icons; each one's shortcut is its command's, in shared/commands/manifest.ts. */
import { keybindingFor } from '../../shared/commands/manifest';
import { type IconName } from './icons';
import { type ViewContainerId } from './views';

export type ContainerInfo = { id: ViewContainerId; title: string; icon: IconName; commandId: string };

export const CONTAINERS: readonly ContainerInfo[] = [
  { id: 'explorer', title: 'Explorer', icon: 'explorer', commandId: 'workbench.view.explorer' },
  { id: 'goals', title: 'Goals', icon: 'goals', commandId: 'workbench.view.goals' },
  { id: 'people', title: 'People', icon: 'people', commandId: 'workbench.view.people' },
  { id: 'search', title: 'Search', icon: 'search', commandId: 'workbench.search' },
];

export const containerInfo = (id: string): ContainerInfo => CONTAINERS.find((c) => c.id === id) ?? CONTAINERS[0]!;

/** The container's shortcut, from the one shared table. */
export const containerKeybinding = (c: ContainerInfo): string | undefined => keybindingFor(c.commandId);
