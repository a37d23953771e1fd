/** The renderer's only door to its host: typed services and events built from shared/ipc/contract. */
import { createHostClient, onHostEvent } from '../../shared/ipc/client';
import { type HostBridge, type HostEventName, type HostEvents, type HostServices } from '../../shared/ipc/contract';

declare global {
  interface Window {
    host?: HostBridge;
  }
}

function bridge(): HostBridge {
  if (!window.host) throw new Error('the host bridge is not installed yet');
  return window.host;
}

/** Subscribes to host events; returns the unsubscribe function. */
export type HostEventSource = {
  on<E extends HostEventName>(event: E, listener: (payload: HostEvents[E]) => void): () => void;
};

let client: HostServices | null = null;

/** The typed host services, created on first use (after bootstrap installed the bridge). */
export function getHost(): HostServices {
  client ??= createHostClient(bridge());
  return client;
}

export const hostEvents: HostEventSource = {
  on: (event, listener) => onHostEvent(bridge(), event, listener),
};
