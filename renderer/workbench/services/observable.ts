/**
 * The workbench services' one change-event primitive: a value you can read now and subscribe to.
 * No React here; views read values through `useValue` (useSyncExternalStore), so each view
 * re-renders only when a value it reads changes.
 */
export type Listener = () => void;

export interface Readable<T> {
  get(): T;
  /** Calls the listener after every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void;
}

export class Emitter {
  private readonly listeners = new Set<Listener>();

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  fire(): void {
    for (const l of [...this.listeners]) l();
  }
}

/** A value with change events; setting an equal value (by `equals`, default identity) fires nothing. */
export class Value<T> implements Readable<T> {
  private readonly emitter = new Emitter();
  readonly subscribe = this.emitter.subscribe;

  constructor(private value: T, private readonly equals: (a: T, b: T) => boolean = Object.is) {}

  get = (): T => this.value;

  set(next: T): void {
    if (this.equals(this.value, next)) return;
    this.value = next;
    this.emitter.fire();
  }

  update(f: (current: T) => T): void {
    this.set(f(this.value));
  }
}

/**
 * A value computed from others, recomputed lazily when one of its inputs has changed (by identity),
 * so reading it twice between changes returns the same object.
 */
export function computed<I extends readonly unknown[], T>(
  inputs: { readonly [K in keyof I]: Readable<I[K]> },
  compute: (...values: I) => T,
  equals: (a: T, b: T) => boolean = Object.is,
): Readable<T> {
  let last: { args: unknown[]; value: T } | null = null;
  const get = (): T => {
    const args = inputs.map((i) => i.get());
    if (last && args.every((a, i) => Object.is(a, last!.args[i]))) return last.value;
    const value = compute(...(args as unknown as I));
    last = { args, value: last && equals(last.value, value) ? last.value : value };
    return last.value;
  };
  return {
    get,
    subscribe(listener) {
      const offs = inputs.map((i) => i.subscribe(listener));
      return () => offs.forEach((off) => off());
    },
  };
}

/** A constant, for services that have nothing to tell yet. */
export const constant = <T>(value: T): Readable<T> => ({ get: () => value, subscribe: () => () => {} });
