/**
 * Pings every connection each interval and drops one that did not answer the previous ping, so a
 * laptop that went to sleep without closing its socket does not hold its room and presence forever.
 */
import { type WebSocket } from 'ws';

export class Keepalive {
  private readonly answered = new Map<WebSocket, boolean>();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs: number, private readonly onSilent: (ws: WebSocket) => void) {
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  watch(ws: WebSocket): void {
    this.answered.set(ws, true);
    ws.on('pong', () => {
      if (this.answered.has(ws)) this.answered.set(ws, true);
    });
  }

  forget(ws: WebSocket): void {
    this.answered.delete(ws);
  }

  stop(): void {
    clearInterval(this.timer);
    this.answered.clear();
  }

  private tick(): void {
    for (const [ws, answered] of this.answered) {
      if (!answered) {
        this.answered.delete(ws);
        this.onSilent(ws);
      } else if (ws.readyState === ws.OPEN) {
        this.answered.set(ws, false);
        ws.ping();
      }
    }
  }
}
