/**
 * A signal from a command to a view that may not be mounted yet ("focus the search box", "open the
 * add-person form"): delivered at once to a mounted view, or kept until the view subscribes.
 */
export type PendingSignal = { send(): void; subscribe(handler: () => void): () => void };

export function createPendingSignal(): PendingSignal {
  const handlers = new Set<() => void>();
  let pending = false;
  const deliver = (handler: () => void) => {
    pending = false;
    handler();
  };
  return {
    send() {
      pending = true;
      for (const h of [...handlers]) deliver(h);
    },
    subscribe(handler) {
      handlers.add(handler);
      if (pending) deliver(handler);
      return () => handlers.delete(handler);
    },
  };
}
