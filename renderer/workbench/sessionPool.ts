/**
 * Open documents shared by whoever needs them: a tab, the cross-plan snapshots, the people
 * directory. Each acquire is matched by a release; the session is destroyed when the last holder
 * lets go, so a plan open in two tabs and watched by the goal tree is one Y.Doc and one connection.
 */
export type PooledSession = { destroy(): unknown };

export class SessionPool<S extends PooledSession> {
  private readonly entries = new Map<string, { session: S; refs: number }>();

  constructor(private readonly open: (docId: string) => S) {}

  acquire(docId: string): S {
    const entry = this.entries.get(docId);
    if (entry) {
      entry.refs++;
      return entry.session;
    }
    const session = this.open(docId);
    this.entries.set(docId, { session, refs: 1 });
    return session;
  }

  release(docId: string): void {
    const entry = this.entries.get(docId);
    if (!entry) return;
    if (--entry.refs > 0) return;
    this.entries.delete(docId);
    void entry.session.destroy();
  }

  /** The session if someone holds it (no new reference is taken). */
  peek(docId: string): S | undefined {
    return this.entries.get(docId)?.session;
  }

  get size(): number {
    return this.entries.size;
  }

  destroyAll(): void {
    for (const { session } of this.entries.values()) void session.destroy();
    this.entries.clear();
  }
}
