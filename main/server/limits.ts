/**
 * What one connection, one token and one address may cost the server. Every limit is documented in
 * docs/sync-server.md; tests and the benchmark override them through `startSyncServer({ limits })`.
 */
export type ConnectionLimits = {
  /** Frames a connection may send per second on average, and at once; beyond that its reading is paused. */
  messagesPerSecond: number;
  messageBurst: number;
  /** The same for bytes. */
  bytesPerSecond: number;
  byteBurst: number;
  /** A connection with more than this waiting to be sent to it is dropped (it is not reading). */
  maxBufferedBytes: number;
  /** An awareness state (one person's presence) larger than this closes the connection with 4400. */
  maxAwarenessStateBytes: number;
  /** Presence ids one connection may announce (a stock client announces one). */
  maxClientIdsPerConnection: number;
  /** Sockets one token, and one address, may hold at once; rooms one token may hold at once. */
  socketsPerToken: number;
  socketsPerAddress: number;
  roomsPerToken: number;
  /** Every connection is pinged this often and dropped if it did not answer the previous ping. */
  keepaliveMs: number;
  /** A connection the server closed is dropped if the client has not finished the close by then. */
  closeGraceMs: number;
};

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  messagesPerSecond: 300,
  messageBurst: 1000,
  bytesPerSecond: 4 * 1024 * 1024,
  byteBurst: 16 * 1024 * 1024,
  maxBufferedBytes: 8 * 1024 * 1024,
  maxAwarenessStateBytes: 16 * 1024,
  maxClientIdsPerConnection: 4,
  socketsPerToken: 2500,
  socketsPerAddress: 5000,
  roomsPerToken: 500,
  keepaliveMs: 30_000,
  closeGraceMs: 2000,
};
