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

export type PromptOptions = { title: string; placeholder?: string; value?: string };
export type PickOptions = { placeholder?: string; title?: string };

export class QuickInputService {
  /** The question on screen, if any. */
  readonly current = new Value<QuickInputRequest | null>(null);
  private restoreTo: HTMLElement | null = null;
  private seq = 0;

  /** `restoreFocus` gives the keyboard back to an element (through Slate when it is a plan editor). */
  constructor(private readonly restoreFocus: (el: HTMLElement) => void) {}

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
    const active = document.activeElement;
    if (!this.restoreTo && active instanceof HTMLElement && !active.closest('.tandem-quickinput')) this.restoreTo = active;
    // A question still open is dismissed (its promise settles with null) before the new one shows.
    this.current.get()?.cancel();
    this.current.set(r);
  }

  private close(): void {
    this.current.set(null);
    // After the next frame, so the command that was picked has run and rendered what it inserted.
    requestAnimationFrame(() => {
      // A command that asks several questions opens the next one right away; focus returns after the last.
      if (this.current.get()) return;
      const el = this.restoreTo;
      this.restoreTo = null;
      // The command may have put the keyboard somewhere on purpose (a new goal's title): leave it there.
      const moved = document.activeElement && document.activeElement !== document.body;
      if (el?.isConnected && !moved) this.restoreFocus(el);
    });
  }
}
