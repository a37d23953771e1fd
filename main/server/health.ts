/**
 * Whether one engine the node depends on (PostgreSQL, Redis) is usable. The server closes its clients
 * and refuses new ones while any of them is down, and reports each in /healthz.
 */
export type HealthState = { name: string; up: boolean; detail: string | null };

export class HealthSignal {
  private state: HealthState;
  private readonly listeners = new Set<(state: HealthState) => void>();

  constructor(name: string) {
    this.state = { name, up: false, detail: 'connecting' };
  }

  get current(): HealthState {
    return this.state;
  }

  get isUp(): boolean {
    return this.state.up;
  }

  up(): void {
    this.set(true, null);
  }

  down(detail: string): void {
    this.set(false, detail);
  }

  /** Called on every change between up and down; returns the unsubscribe. */
  onChange(listener: (state: HealthState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(up: boolean, detail: string | null): void {
    if (this.state.up === up) return;
    this.state = { name: this.state.name, up, detail };
    for (const l of this.listeners) l(this.state);
  }
}
