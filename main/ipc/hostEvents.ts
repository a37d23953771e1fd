/** Host → renderer events, sent to every window of ours on IPC_EVENT_CHANNEL. */
import { type WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, type HostEventName, type HostEvents } from '../../shared/ipc/contract';

export type EmitHostEvent = <E extends HostEventName>(event: E, payload: HostEvents[E]) => void;

export function hostEventEmitter(targets: () => Iterable<Pick<WebContents, 'send' | 'isDestroyed'>>): EmitHostEvent {
  return (event, payload) => {
    for (const wc of targets()) if (!wc.isDestroyed()) wc.send(IPC_EVENT_CHANNEL, event, payload);
  };
}
