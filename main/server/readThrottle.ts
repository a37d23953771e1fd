/**
 * How long to stop reading a connection that sends faster than its limits. Two token buckets, frames
 * and bytes, that go into debt rather than refusing: every frame is handled, and the connection's
 * reading is paused until the debt is paid back, so TCP slows the sender down. A burst of edits is
 * delayed, never refused (a close would cut a person off: y-websocket treats 4400–4499 as permanent).
 */
class DebtBucket {
  private tokens: number;
  private last: number;

  constructor(private readonly perSecond: number, private readonly burst: number, private readonly now: () => number) {
    this.tokens = burst;
    this.last = now();
  }

  /** Takes `cost`; returns the milliseconds until the bucket is out of debt (0 when it is not in debt). */
  charge(cost: number): number {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond) - cost;
    this.last = t;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.perSecond) * 1000);
  }
}

export type ThrottleLimits = { messagesPerSecond: number; messageBurst: number; bytesPerSecond: number; byteBurst: number };

export class ReadThrottle {
  private readonly frames: DebtBucket;
  private readonly bytes: DebtBucket;

  constructor(limits: ThrottleLimits, now: () => number = Date.now) {
    this.frames = new DebtBucket(limits.messagesPerSecond, limits.messageBurst, now);
    this.bytes = new DebtBucket(limits.bytesPerSecond, limits.byteBurst, now);
  }

  /** Counts one received frame; returns how many milliseconds reading should pause (0: keep reading). */
  charge(frameBytes: number): number {
    return Math.max(this.frames.charge(1), this.bytes.charge(frameBytes));
  }

  /** The milliseconds still to wait for what was charged so far. */
  debt(): number {
    return Math.max(this.frames.charge(0), this.bytes.charge(0));
  }
}
