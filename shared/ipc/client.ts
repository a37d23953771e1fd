/** Renderer side of the door: a typed HostServices built from the contract over any HostBridge. */
import { HOST_CONTRACT, type HostBridge, type HostEventName, type HostEvents, type HostServices } from './contract';

export function createHostClient(bridge: HostBridge): HostServices {
  const client: Record<string, Record<string, (arg: unknown) => Promise<unknown>>> = {};
  for (const [service, methods] of Object.entries(HOST_CONTRACT)) {
    client[service] = {};
    for (const method of Object.keys(methods)) {
      client[service]![method] = (arg: unknown) => bridge.invoke(`${service}.${method}`, arg);
    }
  }
  return client as unknown as HostServices;
}

export function onHostEvent<E extends HostEventName>(bridge: HostBridge, event: E, listener: (payload: HostEvents[E]) => void): () => void {
  return bridge.on(event, listener as (payload: unknown) => void);
}
