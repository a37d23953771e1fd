/**
 * The y-websocket wire format, decoded strictly. A frame is a varint message type followed by its
 * payload: sync (step 1 = state vector, step 2 / update = Yjs update), awareness (an awareness
 * update), or query-awareness. Anything else — unknown types, truncated or trailing bytes, update
 * bytes Yjs cannot decode — is a ProtocolError, raised before anything touches a document.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  /** `authors` are the client ids of the update's structs (its insertions), each once. */
  | { kind: 'sync-step2'; update: Uint8Array; authors: number[] }
  /** `frame` is the whole frame as received: valid, one message, so the room can pass it on as it is. */
  | { kind: 'update'; update: Uint8Array; authors: number[]; frame: Uint8Array }
  | { kind: 'awareness'; entries: AwarenessEntry[] }
  | { kind: 'query-awareness' };

/** One person's presence in an awareness update: `state` is its JSON text, `null` when they left. */
export type AwarenessEntry = { clientId: number; clock: number; state: string };

/** Yjs client ids are unsigned 32-bit numbers. */
const MAX_CLIENT_ID = 0xffffffff;

export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

function read<T>(what: string, f: () => T): T {
  try {
    return f();
  } catch {
    throw new ProtocolError(`truncated ${what}`);
  }
}

/** The client ids of the update's structs; throws unless it is one whole v1 update. */
function checkUpdate(update: Uint8Array): number[] {
  let structs: ReturnType<typeof Y.decodeUpdate>['structs'];
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    throw new ProtocolError('the update is not a valid Yjs update');
  }
  // Without structs a v1 update is only a delete set, which Yjs reads without looking at what follows:
  // a v2 update (it starts with a 0 byte) passes as an empty v1 update. Read the delete set to its end.
  if (structs.length === 0) checkDeleteSetOnly(update);
  const authors = new Set<number>();
  for (const struct of structs) authors.add(struct.id.client);
  return [...authors];
}

function checkDeleteSetOnly(update: Uint8Array): void {
  const d = decoding.createDecoder(update);
  read('update', () => {
    decoding.readVarUint(d);
    const clients = decoding.readVarUint(d);
    for (let i = 0; i < clients; i++) {
      decoding.readVarUint(d);
      const ranges = decoding.readVarUint(d);
      for (let j = 0; j < ranges; j++) {
        decoding.readVarUint(d);
        decoding.readVarUint(d);
      }
    }
  });
  if (decoding.hasContent(d)) throw new ProtocolError('the update is not a Yjs v1 update (bytes after its end; a v2 update?)');
}

/** An awareness update read to its end: safe clocks, 32-bit client ids, JSON states. */
function decodeAwareness(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update);
  const entries: AwarenessEntry[] = [];
  read('awareness update', () => {
    const count = decoding.readVarUint(d);
    for (let i = 0; i < count; i++) {
      entries.push({ clientId: decoding.readVarUint(d), clock: decoding.readVarUint(d), state: decoding.readVarString(d) });
    }
  });
  if (decoding.hasContent(d)) throw new ProtocolError('unexpected bytes after the awareness update');
  for (const e of entries) {
    if (e.clientId > MAX_CLIENT_ID) throw new ProtocolError(`awareness client id ${e.clientId} is not a 32-bit number`);
    if (!Number.isSafeInteger(e.clock)) throw new ProtocolError(`awareness clock ${e.clock} is larger than 2^53 - 1`);
    try {
      JSON.parse(e.state);
    } catch {
      throw new ProtocolError('an awareness state is not JSON');
    }
  }
  return entries;
}

/** Encodes awareness entries as y-protocols does (the inverse of decodeAwareness). */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientId);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, entry.state);
  }
  return encoding.toUint8Array(e);
}

function checkStateVector(sv: Uint8Array): Uint8Array {
  try {
    Y.decodeStateVector(sv);
  } catch {
    throw new ProtocolError('the state vector is not valid');
  }
  return sv;
}

export function decodeMessage(frame: Uint8Array): ClientMessage {
  if (frame.byteLength === 0) throw new ProtocolError('empty frame');
  const decoder = decoding.createDecoder(frame);
  const type = read('message type', () => decoding.readVarUint(decoder));
  let message: ClientMessage;
  if (type === MESSAGE_SYNC) {
    const step = read('sync message', () => decoding.readVarUint(decoder));
    const payload = read('sync payload', () => decoding.readVarUint8Array(decoder));
    if (step === syncProtocol.messageYjsSyncStep1) message = { kind: 'sync-step1', stateVector: checkStateVector(payload) };
    else if (step === syncProtocol.messageYjsSyncStep2) message = { kind: 'sync-step2', update: payload, authors: checkUpdate(payload) };
    else if (step === syncProtocol.messageYjsUpdate) message = { kind: 'update', update: payload, authors: checkUpdate(payload), frame };
    else throw new ProtocolError(`unknown sync message type ${step}`);
  } else if (type === MESSAGE_AWARENESS) {
    message = { kind: 'awareness', entries: decodeAwareness(read('awareness update', () => decoding.readVarUint8Array(decoder))) };
  } else if (type === MESSAGE_QUERY_AWARENESS) {
    message = { kind: 'query-awareness' };
  } else {
    throw new ProtocolError(`unknown message type ${type}`);
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('unexpected bytes after the message');
  return message;
}

// ---------- what the server sends ----------

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(e, doc, stateVector);
  return encoding.toUint8Array(e);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

export function encodeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, awarenessUpdate);
  return encoding.toUint8Array(e);
}
