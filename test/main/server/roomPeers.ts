/** A room's side of a connection, and client edits as the stock client frames them, for tests that drive a Room directly. */
import * as Y from 'yjs';
import { type CloseReason } from '../../../main/server/closeCodes';
import { decodeMessage, encodeUpdate } from '../../../main/server/messages';
import { type RoomPeer } from '../../../main/server/room';
import { type TokenClaims } from '../../../shared/sync/rooms';

/** A connection as the room sees it, keeping every frame it was sent. */
export class RecordingPeer implements RoomPeer {
  readonly canWrite = true;
  readonly frames: Uint8Array[] = [];
  readonly claims: TokenClaims;
  constructor(readonly user: string) {
    this.claims = { workspaceId: 'ws1', name: user, role: 'editor' };
  }
  send(frame: Uint8Array): void {
    this.frames.push(frame);
  }
  close(_reason: CloseReason): void {}
  /** The updates among the frames sent after the handshake. */
  updates(): Uint8Array[] {
    return this.frames.map((f) => decodeMessage(f)).flatMap((m) => (m.kind === 'update' ? [m.update] : []));
  }
}

/** The updates a client makes, as the frames the stock client sends. */
export function clientFrames(edit: (doc: Y.Doc) => void, doc = new Y.Doc()): Uint8Array[] {
  const frames: Uint8Array[] = [];
  const collect = (u: Uint8Array) => frames.push(encodeUpdate(u));
  doc.on('update', collect);
  edit(doc);
  doc.off('update', collect);
  return frames;
}

/** One client's two edits, "a" then "b" after it: the second depends on the first. */
export function dependentEdits(): [Uint8Array, Uint8Array] {
  const client = new Y.Doc();
  const [first] = clientFrames((doc) => doc.getText('t').insert(0, 'a'), client);
  const [second] = clientFrames((doc) => doc.getText('t').insert(1, 'b'), client);
  return [first!, second!];
}
