/**
 * How documents are addressed. Inside a workspace every document has a doc id:
 *
 * - a plan: its plan id (`plan_k3x9q0a2mz`);
 * - the workspace document: `workspace`;
 * - a document beside a plan (its comments, its editions): `<planId>/<kind>`, `kind` from SIDE_KINDS.
 *
 * On the sync server there is one room per document, named `<workspaceId>/<docId>`, so the stock
 * y-websocket client connects to `ws://host:port/<workspaceId>/<docId>?token=…` with
 * `new WebsocketProvider(url, roomName(w, d), doc, { params: { token } })`. The same doc id names the
 * document in the host contract (documents.load/save), the desktop's files and the browser's IndexedDB.
 */
export const ROOM_PART = /^[A-Za-z0-9_-]{1,64}$/;

/** The workspace document's doc id inside its workspace (plans use their own ids). */
export const WORKSPACE_DOC_ID = 'workspace';

export const ROLES = ['editor', 'commenter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The kinds of document that live beside a plan, each a Y.Doc of its own synced in its own room. */
export const SIDE_KINDS = ['comments', 'editions'] as const;
export type SideKind = (typeof SIDE_KINDS)[number];

/**
 * The roles whose changes the server accepts, per kind of document (the others read it). A side
 * document's rules beyond the role (what a writer may change) are the server's write policy of its kind.
 * Viewers never write anything.
 */
const WRITERS: Record<SideKind | 'plan', ReadonlySet<Exclude<Role, 'viewer'>>> = {
  plan: new Set(['editor']),
  comments: new Set(['editor', 'commenter']),
  editions: new Set(['editor']),
};

/** The roles whose changes to a plan (and to the workspace document) the server accepts. */
export const WRITER_ROLES: ReadonlySet<Role> = WRITERS.plan;

/** Whether the server accepts changes to `docId` from someone with `role`. */
export function mayWrite(role: Role, docId: string): boolean {
  const kind = parseDocId(docId)?.kind ?? null;
  return (WRITERS[kind ?? 'plan'] as ReadonlySet<Role>).has(role);
}

/** What a doc id names: a plan or the workspace document (`kind` null), or a document beside plan `planId`. */
export type DocAddress = { docId: string; planId: string; kind: SideKind | null };

const SIDE_KIND_SET: ReadonlySet<string> = new Set(SIDE_KINDS);

/** The doc id of a plan's document of `kind` (`<planId>/<kind>`). */
export function sideDocId(planId: string, kind: SideKind): string {
  if (!ROOM_PART.test(planId) || planId === WORKSPACE_DOC_ID) throw new Error(`invalid plan id "${planId}"`);
  return `${planId}/${kind}`;
}

/** Reads a doc id; null when it is not one (a side kind outside SIDE_KINDS, beside the workspace document, bad characters). */
export function parseDocId(docId: string): DocAddress | null {
  const parts = docId.split('/');
  const [planId, kind] = parts as [string, string | undefined];
  if (parts.length > 2 || !ROOM_PART.test(planId)) return null;
  if (kind === undefined) return { docId, planId, kind: null };
  if (!SIDE_KIND_SET.has(kind) || planId === WORKSPACE_DOC_ID) return null;
  return { docId, planId, kind: kind as SideKind };
}

/** Every document that lives beside `planId` (deleted with the plan). */
export const sideDocIds = (planId: string): string[] => SIDE_KINDS.map((kind) => sideDocId(planId, kind));

export function roomName(workspaceId: string, docId: string): string {
  if (!ROOM_PART.test(workspaceId)) throw new Error(`invalid workspace id "${workspaceId}"`);
  if (!parseDocId(docId)) throw new Error(`invalid document id "${docId}"`);
  return `${workspaceId}/${docId}`;
}

/** Parses a room from a request path like `/ws_1/plan_2` or `/ws_1/plan_2/comments`; null when it is not a valid room. */
export function parseRoom(path: string): ({ workspaceId: string } & DocAddress) | null {
  const trimmed = path.replace(/^\/+/, '');
  const slash = trimmed.indexOf('/');
  if (slash < 0) return null;
  const workspaceId = trimmed.slice(0, slash);
  const doc = parseDocId(trimmed.slice(slash + 1));
  return ROOM_PART.test(workspaceId) && doc ? { workspaceId, ...doc } : null;
}

/** What a signed workspace token says about its bearer. */
export type TokenClaims = { workspaceId: string; name: string; role: Role };
