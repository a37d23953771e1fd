/**
 * The channel between server nodes: one topic per room, binary messages (busMessages.ts). Delivery is
 * best effort — a message may be lost — and the rooms repair what they miss (roomLink.ts).
 */
import { type HealthSignal } from '../health';

export interface RoomBus {
  /** This node's id, unique among the nodes sharing the bus. */
  readonly nodeId: string;
  readonly health: HealthSignal;
  publish(room: string, message: Uint8Array): void;
  /** Resolves, with the unsubscribe, once messages of `room` are delivered to `onMessage`. */
  subscribe(room: string, onMessage: (message: Uint8Array) => void): Promise<() => void>;
  close(): Promise<void>;
}
