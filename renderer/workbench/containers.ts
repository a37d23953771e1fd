/** The activity bar's containers, in order, with their icons and shortcuts. */
import { type IconName } from './icons';
import { type ViewContainerId } from './views';

export type ContainerInfo = { id: ViewContainerId; title: string; icon: IconName; keybinding: string };

export const CONTAINERS: readonly ContainerInfo[] = [
  { id: 'explorer', title: 'Explorer', icon: 'explorer', keybinding: 'Mod+Shift+X' },
  { id: 'goals', title: 'Goals', icon: 'goals', keybinding: 'Mod+Shift+G' },
  { id: 'people', title: 'People', icon: 'people', keybinding: 'Mod+Shift+U' },
  { id: 'search', title: 'Search', icon: 'search', keybinding: 'Mod+Shift+F' },
];

export const containerInfo = (id: string): ContainerInfo => CONTAINERS.find((c) => c.id === id) ?? CONTAINERS[0]!;
