/**
 * Quick input: pick from a list or type a value, as promises that settle once (Enter, Escape, a
 * click outside, or another question taking its place). Focus goes back where it was after the last
 * question of a command, not between its questions.
 */
import { Value } from './observable';

export type QuickItem = { label: string; description?: string; detail?: string; keybinding?: string };
export type PickItem<T> = QuickItem & { value: T };
type Common = { id: number; title?: string; placeholder?: string; cancel: () => void };
export type QuickInputRequest =
  | Common & { kind: 'pick'; items: QuickItem[]; accept: (index: number) => void }
  | Common & { kind: 'prompt'; title: string; value?: string; accept: (value: string) => void };

/** Where the keyboard was before a question, and how to give it back: the window's focus, in the app. */
export type FocusKeeper<T = unknown> = {
  /** What has the keyboard now, unless it is the quick input itself. */
  current(): T | null;
  /** Gives the keyboard back, unless a command has put it somewhere on purpose meanwhile. */
  restore(target: T): void;
  /** Runs after the next frame (when a command that was picked has rendered what it did). */
  afterFrame(run: () => void): void;
};

export type PromptOptions = { title: string; placeholder?: string; value?: string };
export type PickOptions = { placeholder?: string; title?: string };

export class QuickInputService<T = unknown> {
  /** The question on screen, if any. */
  readonly current = new Value<QuickInputRequest | null>(null);
  private restoreTo: T | null = null;
  private seq = 0;

  constructor(private readonly focus: FocusKeeper<T>) {}

  pick<T>(items: PickItem<T>[], opts: PickOptions = {}): Promise<T | null> {
    return this.ask<T>((finish) => ({ kind: 'pick', ...opts, items, accept: (i: number) => finish(items[i]!.value) }));
  }

  prompt(opts: PromptOptions): Promise<string | null> {
    return this.ask<string>((finish) => ({ kind: 'prompt', ...opts, accept: (v: string) => finish(v) }));
  }

  /** The one finish-once: whatever ends the question (answer, dismissal, a newer question) settles it exactly once. */
  private ask<R>(build: (finish: (v: R | null) => void) => Omit<QuickInputRequest, 'id' | 'cancel'>): Promise<R | null> {
    return new Promise<R | null>((resolve) => {
      let done = false;
      const finish = (v: R | null) => {
        if (done) return;
        done = true;
        this.close();
        resolve(v);
      };
      this.show({ ...build(finish), id: ++this.seq, cancel: () => finish(null) } as QuickInputRequest);
    });
  }

  private show(r: QuickInputRequest): void {
    this.restoreTo ??= this.focus.current();
    // A question still open is dismissed (its promise settles with null) before the new one shows.
    this.current.get()?.cancel();
    this.current.set(r);
  }

  private close(): void {
    this.current.set(null);
    // After the next frame, so the command that was picked has run and rendered what it inserted.
    this.focus.afterFrame(() => {
      // A command that asks several questions opens the next one right away; focus returns after the last.
      if (this.current.get()) return;
      const target = this.restoreTo;
      this.restoreTo = null;
      if (target !== null) this.focus.restore(target);
    });
  }
}
