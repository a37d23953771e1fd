/**
 * What the nodes say to each other about one room. Every message names the node it comes from.
 *   update    a change a client made on that node, with the node's running number for the room and
 *             the number up to which its updates are stored (so a busy room needs no `stored` messages)
 *   stored    every update of that node up to `seq` is committed to the shared store
 *   awareness an awareness update (presence) of that node's clients
 *   state     the node's state vector and delete-set digest (and its last `seq`): others that hold
 *             anything it lacks answer with a repair; `reply` states answer a state and ask nothing back
 *   repair    addressed to one node: what it lacks, computed against its state vector
 *   deleted   the document was deleted: close it
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export type BusMessage =
  | { kind: 'update'; from: string; seq: number; stored: number; update: Uint8Array }
  | { kind: 'stored'; from: string; seq: number }
  | { kind: 'awareness'; from: string; update: Uint8Array }
  | { kind: 'state'; from: string; seq: number; stateVector: Uint8Array; digest: string; reply: boolean }
  | { kind: 'repair'; from: string; to: string; update: Uint8Array }
  | { kind: 'deleted'; from: string };

const KINDS = ['update', 'stored', 'awareness', 'state', 'repair', 'deleted'] as const;

export function encodeBusMessage(m: BusMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, KINDS.indexOf(m.kind));
  encoding.writeVarString(e, m.from);
  switch (m.kind) {
    case 'update':
      encoding.writeVarUint(e, m.seq);
      encoding.writeVarUint(e, m.stored);
      encoding.writeVarUint8Array(e, m.update);
      break;
    case 'stored':
      encoding.writeVarUint(e, m.seq);
      break;
    case 'awareness':
      encoding.writeVarUint8Array(e, m.update);
      break;
    case 'state':
      encoding.writeVarUint(e, m.seq);
      encoding.writeVarUint8Array(e, m.stateVector);
      encoding.writeVarString(e, m.digest);
      encoding.writeUint8(e, m.reply ? 1 : 0);
      break;
    case 'repair':
      encoding.writeVarString(e, m.to);
      encoding.writeVarUint8Array(e, m.update);
      break;
    case 'deleted':
      break;
  }
  return encoding.toUint8Array(e);
}

/** Throws on anything that is not a whole message. */
export function decodeBusMessage(bytes: Uint8Array): BusMessage {
  const d = decoding.createDecoder(bytes);
  const kind = KINDS[decoding.readVarUint(d)];
  const from = decoding.readVarString(d);
  let m: BusMessage;
  switch (kind) {
    case 'update':
      m = { kind, from, seq: decoding.readVarUint(d), stored: decoding.readVarUint(d), update: decoding.readVarUint8Array(d) };
      break;
    case 'stored':
      m = { kind, from, seq: decoding.readVarUint(d) };
      break;
    case 'awareness':
      m = { kind, from, update: decoding.readVarUint8Array(d) };
      break;
    case 'state':
      m = { kind, from, seq: decoding.readVarUint(d), stateVector: decoding.readVarUint8Array(d), digest: decoding.readVarString(d), reply: decoding.readUint8(d) === 1 };
      break;
    case 'repair':
      m = { kind, from, to: decoding.readVarString(d), update: decoding.readVarUint8Array(d) };
      break;
    case 'deleted':
      m = { kind, from };
      break;
    default:
      throw new Error('unknown bus message');
  }
  if (decoding.hasContent(d)) throw new Error('trailing bytes in bus message');
  return m;
}
