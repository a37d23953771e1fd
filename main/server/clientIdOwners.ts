/**
 * Which person a Yjs client id belongs to in a room. The first editor to write structs with an id, or
 * to announce it as their presence, owns it while the room is loaded; structs with an id owned by
 * someone else are refused (a forged struct with a colleague's id would make her own later edits look
 * already known, and be dropped everywhere). Ownership is by person (the token's name), not by socket:
 * the same person reconnecting — from this machine with the same id, or with a new token — keeps
 * writing with their ids. Viewers and commenters own nothing: their updates are dropped anyway, and an
 * id a viewer announced must not lock its editor out.
 */
export class ClientIdOwners {
  private readonly owners = new Map<number, string>();

  /** The first of `clientIds` owned by someone other than `user`, or null. */
  foreign(user: string, clientIds: readonly number[]): number | null {
    for (const id of clientIds) {
      const owner = this.owners.get(id);
      if (owner !== undefined && owner !== user) return id;
    }
    return null;
  }

  /** Gives `user` every id of `clientIds` nobody owns yet. */
  claim(user: string, clientIds: readonly number[]): void {
    for (const id of clientIds) if (!this.owners.has(id)) this.owners.set(id, user);
  }
}
