/**
 * Why the server closes a sync connection. Browsers show the code and reason to the client
 * (`CloseEvent.code`/`reason`), so each names the fault in words. Documented in docs/sync-server.md.
 * 4400–4499 are permanent (y-websocket 3.x does not reconnect after them, and neither does Tandem);
 * every other code, 4500–4599 included, is worth retrying.
 */
export const CLOSE = {
  /** Standard RFC 6455 codes. */
  goingAway: { code: 1001, reason: 'the server is shutting down' },
  tooBig: { code: 1009, reason: 'frame too big' },
  storageFailed: { code: 1011, reason: 'the server could not store the document; reconnect to retry' },
  unavailable: { code: 1013, reason: 'this server cannot reach its database or the other servers; reconnect to retry' },
  /** Application codes (4000–4999). */
  badFrame: { code: 4400, reason: 'malformed message' },
  unauthorized: { code: 4401, reason: 'missing or invalid token' },
  forbidden: { code: 4403, reason: 'this token is not valid for that workspace' },
  /** A write policy refused the update (writePolicy.ts): nothing of it was stored. */
  refused: { code: 4403, reason: 'your role may not make this change; it was not stored' },
  unknownRoom: { code: 4404, reason: 'no such room: connect to /<workspaceId>/<docId> (or /<workspaceId>/<planId>/<kind> of a listed plan)' },
  clientIdTaken: { code: 4409, reason: 'the update writes with a client id of another person' },
  deleted: { code: 4410, reason: 'the document was deleted' },
  /** Transient: the client retries (4500–4599). */
  overCapacity: { code: 4529, reason: 'too many connections or rooms for this token or address; retrying later' },
  /** Outside 4400–4499, so the stock client keeps retrying: the store may come back. */
  loadFailed: { code: 4503, reason: 'the server could not load the document from its store; it retries when you reconnect' },
  schemaViolation: { code: 4422, reason: 'the update breaks the workspace document; it was not stored' },
} as const;

export type CloseReason = (typeof CLOSE)[keyof typeof CLOSE];
