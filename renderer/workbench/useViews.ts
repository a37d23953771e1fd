/** The registered views of a container, re-read whenever a contribution registers or removes one. */
import { useMemo, useSyncExternalStore } from 'react';
import { getViews, views, type ViewContainerId, type ViewDescriptor } from './views';

export function useViews(container: ViewContainerId | 'panel'): ViewDescriptor[] {
  const version = useSyncExternalStore(views.subscribe, views.getVersion);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the registry version is what changes
  return useMemo(() => getViews(container), [container, version]);
}
