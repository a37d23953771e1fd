/**
 * Writes a document's updates to the host, in order, batching whatever piled up while the previous
 * write was in flight. A failed write keeps its updates at the head of the queue and is retried with
 * backoff, so nothing typed is ever dropped; the failure is reported until a write succeeds.
 */
import * as Y from 'yjs';

export type SaveState = { saved: boolean; error: string | null };

export class SaveQueue {
  private pending: Uint8Array[] = [];
  private writing = false;
  private error: string | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelayMs: number;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly write: (update: Uint8Array) => Promise<void>,
    private readonly changed: () => void,
    private readonly firstRetryMs = 250,
    private readonly maxRetryMs = 10_000,
  ) {
    this.retryDelayMs = firstRetryMs;
  }

  state(): SaveState {
    return { saved: this.pending.length === 0 && !this.writing, error: this.error };
  }

  push(update: Uint8Array): void {
    const wasSaved = this.state().saved;
    this.pending.push(update);
    if (wasSaved) this.changed();
    if (!this.retryTimer) void this.drain();
  }

  /** Resolves when everything queued so far is written; rejects if a write fails meanwhile. */
  flush(): Promise<void> {
    if (this.state().saved) return Promise.resolve();
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
      void this.drain();
    }
    return new Promise((resolve, reject) => {
      this.idleWaiters.push(() => (this.state().saved ? resolve() : reject(new Error(this.error ?? 'not saved'))));
    });
  }

  dispose(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      this.writing = true;
      try {
        await this.write(batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch));
        this.error = null;
        this.retryDelayMs = this.firstRetryMs;
      } catch (err) {
        this.pending = [...batch, ...this.pending];
        this.error = err instanceof Error ? err.message : String(err);
        this.writing = false;
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          void this.drain();
        }, this.retryDelayMs);
        this.retryDelayMs = Math.min(this.maxRetryMs, this.retryDelayMs * 2);
        this.changed();
        this.notifyIdle();
        return;
      }
      this.writing = false;
    }
    this.changed();
    this.notifyIdle();
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
