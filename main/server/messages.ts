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
  | { kind: 'sync-step2'; update: Uint8Array }
  /** `frame` is the whole frame as received: valid, one message, so the room can pass it on as it is. */
  | { kind: 'update'; update: Uint8Array; frame: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

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

function checkUpdate(update: Uint8Array): Uint8Array {
  try {
    Y.decodeUpdate(update);
  } catch {
    throw new ProtocolError('the update is not a valid Yjs update');
  }
  return update;
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
    else if (step === syncProtocol.messageYjsSyncStep2) message = { kind: 'sync-step2', update: checkUpdate(payload) };
    else if (step === syncProtocol.messageYjsUpdate) message = { kind: 'update', update: checkUpdate(payload), frame };
    else throw new ProtocolError(`unknown sync message type ${step}`);
  } else if (type === MESSAGE_AWARENESS) {
    message = { kind: 'awareness', update: read('awareness update', () => decoding.readVarUint8Array(decoder)) };
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
