/**
 * What a client does when the sync server closes its connection, per close code (see
 * docs/sync-server.md). y-websocket 3.x stops for good after any 4400–4499; Tandem decides per code
 * instead, so a person is never cut off by a close that a retry would fix, and says why it stopped.
 */
export type ServerClose = { retry: true } | { retry: false; why: string };

const STOPS: Record<number, string> = {
  4400: 'The server refused a message from this copy. Your edits are kept on this machine.',
  4401: 'Your invite is no longer valid (expired or revoked): ask for a new one. Your edits are kept on this machine.',
  4403: 'The server refused a change from this copy: your invite does not allow it (or it is for another workspace). Your edits are kept on this machine.',
  4404: 'This plan is not on the server (or your role may not open it).',
  4409: "The server refused this copy's changes: its editing id belongs to someone else. Your edits are kept on this machine.",
  4410: 'This plan was deleted on the server.',
  4422: 'The server refused a change from this copy: it would break the workspace document.',
};

/** Whether to reconnect after the server closed with `code`, and if not, why syncing stopped. */
export function serverClose(code: number): ServerClose {
  const why = STOPS[code];
  // Unknown 44xx codes stop too (the server says retrying cannot help); everything else, 4429 from
  // older servers and 4500–4599 included, is retried with backoff.
  if (why) return { retry: false, why };
  if (code >= 4400 && code < 4500 && code !== 4429) return { retry: false, why: `The server stopped syncing this plan (code ${code}).` };
  return { retry: true };
}
