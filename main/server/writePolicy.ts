/**
 * What a writer may change in a room's document, beyond what the role allows (shared/sync/rooms.ts
 * `mayWrite`). Before a room accepts a client's update, the update is applied to a scratch copy of the
 * document and the room's policy looks at what changed; a refused update is refused whole (nothing of
 * it is applied, relayed or stored) and its sender is closed with the policy's close code.
 *
 * The workspace document's schema check (workspaceSchema.ts) and the rules of each kind of document
 * beside a plan (sidePolicies.ts) are policies.
 */
import * as Y from 'yjs';
import { type TokenClaims } from '../../shared/sync/rooms';
import { type CloseReason } from './closeCodes';

/** Any shared type (a Y.Map, Y.Array, Y.Text… of the document). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types differ in their event type; any of them will do here
export type YType = Y.AbstractType<any>;

export type WriteAttempt = {
  /** Who sends the update (from the token of the connection). */
  writer: TokenClaims;
  /** The room's document as it is, before the update: read it, never change it. */
  before: Y.Doc;
  /** A scratch copy of the document with the update applied (deleted content is kept readable). */
  after: Y.Doc;
  /** Every type of `after` the update changed, with the keys it changed (null: content of a list or text). */
  changed: ReadonlyMap<YType, ReadonlySet<string | null>>;
};

type RootType = typeof Y.Map | typeof Y.Array | typeof Y.Text | typeof Y.XmlFragment | typeof Y.XmlText;

export type WritePolicy = {
  /**
   * The document's root types: defined on the scratch copy before the update is applied, so `changed`
   * names them (a root type an update writes first would otherwise be a placeholder that a later
   * `getMap` replaces). A root outside this list shows up in `changed` as a type whose `rootName` the
   * policy does not know.
   */
  roots: Readonly<Record<string, RootType>>;
  /** Null when the writer may make this change, else why not (logged, and shown to nobody else). */
  check: (attempt: WriteAttempt) => string | null;
};

/** The name of the root type that `type` belongs to (itself, or the top of its parents). */
export function rootName(doc: Y.Doc, type: YType): string | null {
  let top: YType = type;
  while (top._item?.parent instanceof Y.AbstractType) top = top._item.parent as YType;
  for (const [name, root] of doc.share) if (root === top) return name;
  return null;
}

/** A policy and the close code its refusals end the sender's connection with. */
export type RoomPolicy = { rules: WritePolicy; refusal: CloseReason };

/**
 * Checks the client updates of one room with its policy on a scratch copy of the room's document. The
 * copy is kept between updates: an accepted update is applied to the room right after (the copy already
 * has it), so the copy is made again only after a change that did not come through `check` (the JSON
 * API, another node, held updates expiring), a refusal, or an update left waiting for another (the
 * copy is dropped then and made again from the room's document when next needed).
 */
export class WriteChecker {
  private scratch: Y.Doc | null = null;
  /** The origin of the room transaction that applies the update just accepted (the copy has it already). */
  private expected: unknown = null;

  constructor(private readonly policy: WritePolicy, private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.onRoomTransaction);
  }

  /**
   * Null when `update` may be applied, else why not. On null the caller applies the update to the
   * room's document at once, with `origin`.
   */
  check(writer: TokenClaims, update: Uint8Array, origin: NonNullable<unknown>): string | null {
    // An empty update (a client's sync step 2 when it has nothing new) changes nothing.
    if (update.byteLength <= 2 && update.every((b) => b === 0)) return null;
    const scratch = (this.scratch ??= this.copy());
    const changed = new Map<YType, Set<string | null>>();
    const collect = (tr: Y.Transaction) => {
      for (const [type, keys] of tr.changed) {
        const seen = changed.get(type) ?? new Set<string | null>();
        for (const key of keys) seen.add(key);
        changed.set(type, seen);
      }
    };
    scratch.on('afterTransaction', collect);
    let refused: string | null;
    try {
      Y.applyUpdate(scratch, update);
      refused = this.policy.check({ writer, before: this.doc, after: scratch, changed });
    } catch (err) {
      refused = `the update cannot be applied: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      scratch.off('afterTransaction', collect);
    }
    if (refused !== null || scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null) this.drop();
    if (refused === null) this.expected = origin;
    return refused;
  }

  /**
   * The room is about to apply `update` with `origin` without a check (a change another node
   * accepted): the copy takes it too, so it need not be made again.
   */
  follow(update: Uint8Array, origin: NonNullable<unknown>): void {
    if (!this.scratch) return;
    try {
      Y.applyUpdate(this.scratch, update);
    } catch {
      return this.drop();
    }
    if (this.scratch.store.pendingStructs !== null || this.scratch.store.pendingDs !== null) return this.drop();
    this.expected = origin;
  }

  dispose(): void {
    this.doc.off('afterTransaction', this.onRoomTransaction);
    this.drop();
  }

  private copy(): Y.Doc {
    const scratch = new Y.Doc({ gc: false });
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(this.doc));
    for (const [name, type] of Object.entries(this.policy.roots)) scratch.get(name, type);
    return scratch;
  }

  private drop(): void {
    this.scratch?.destroy();
    this.scratch = null;
  }

  private onRoomTransaction = (tr: Y.Transaction): void => {
    if (this.expected !== null && tr.origin === this.expected) {
      this.expected = null;
      return;
    }
    const changed = tr.changed.size > 0 || tr.deleteSet.clients.size > 0 || [...tr.afterState].some(([client, clock]) => tr.beforeState.get(client) !== clock);
    if (changed) this.drop();
  };
}
