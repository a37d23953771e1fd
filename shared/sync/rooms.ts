/**
 * How documents are addressed on the sync server: one room per document, named
 * `<workspaceId>/<docId>`, so the stock y-websocket client connects to
 * `ws://host:port/<workspaceId>/<docId>?token=…` with `new WebsocketProvider(url, roomName(w, d), doc, { params: { token } })`.
 */
export const ROOM_PART = /^[A-Za-z0-9_-]{1,64}$/;

export function roomName(workspaceId: string, docId: string): string {
  if (!ROOM_PART.test(workspaceId)) throw new Error(`invalid workspace id "${workspaceId}"`);
  if (!ROOM_PART.test(docId)) throw new Error(`invalid document id "${docId}"`);
  return `${workspaceId}/${docId}`;
}

/** Parses a room from a request path like `/ws_1/plan_2`; null when it is not a valid room. */
export function parseRoom(path: string): { workspaceId: string; docId: string } | null {
  const parts = path.replace(/^\/+/, '').split('/');
  if (parts.length !== 2) return null;
  const [workspaceId, docId] = parts as [string, string];
  return ROOM_PART.test(workspaceId) && ROOM_PART.test(docId) ? { workspaceId, docId } : null;
}

export const ROLES = ['editor', 'commenter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
/** The roles whose changes to a plan the server accepts (the others read it). */
export const WRITER_ROLES: ReadonlySet<Role> = new Set(['editor']);

/** What a signed workspace token says about its bearer. */
export type TokenClaims = { workspaceId: string; name: string; role: Role };
