/**
 * A registry of descriptors by id that contributions add to at load time (views, status bar items,
 * editor kinds): a duplicate id is a programming error; readers subscribe to changes.
 */
import { Emitter } from './services/observable';

export class Registry<T extends { id: string }> {
  private readonly items = new Map<string, T>();
  private readonly emitter = new Emitter();
  private version = 0;
  readonly subscribe = this.emitter.subscribe;

  constructor(private readonly what: string) {}

  register(item: T): () => void {
    if (this.items.has(item.id)) throw new Error(`the ${this.what} "${item.id}" is registered twice`);
    this.items.set(item.id, item);
    this.changed();
    return () => {
      if (this.items.get(item.id) !== item) return;
      this.items.delete(item.id);
      this.changed();
    };
  }

  get(id: string): T | undefined {
    return this.items.get(id);
  }

  all(): T[] {
    return [...this.items.values()];
  }

  /** A number that changes whenever the registry does (for useSyncExternalStore). */
  readonly getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    this.emitter.fire();
  }
}
