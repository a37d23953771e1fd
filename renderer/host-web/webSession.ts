/**
 * Who this browser is on the sync server. An invite link (`#token=…`, or the older `?token=…`) wins and is remembered in
 * localStorage (and removed from the address bar so it is not shared by accident); otherwise the
 * remembered token; otherwise, when the server runs in web mode on this computer, GET /api/session
 * with the per-launch key of the address `npm run web` printed (`#launch=…`, kept for this tab in
 * sessionStorage and removed from the address bar).
 */
import { decodeJwt } from 'jose';
import { takeInviteToken, takeLaunchKey } from '../../shared/sync/inviteLink';
import { LAUNCH_KEY_HEADER } from '../../shared/sync/launchKey';
import { ROLES, ROOM_PART, type Role } from '../../shared/sync/rooms';

export type WebSession = { token: string; workspaceId: string; name: string; role: Role };

export const TOKEN_STORAGE_KEY = 'tandem.token';
export const LAUNCH_KEY_STORAGE_KEY = 'tandem.launchKey';

/** The claims of a token as the server signed them; null when it is malformed or expired. */
export function sessionFromToken(token: string, now = Date.now()): WebSession | null {
  try {
    const claims = decodeJwt(token);
    const { workspaceId, name, role } = claims as Record<string, unknown>;
    if (typeof workspaceId !== 'string' || !ROOM_PART.test(workspaceId)) return null;
    if (typeof name !== 'string' || !(ROLES as readonly unknown[]).includes(role)) return null;
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= now) return null;
    return { token, workspaceId, name, role: role as Role };
  } catch {
    return null;
  }
}

/** Takes the invite token and the launch key out of the address bar and remembers them. */
function adoptAddress(): void {
  const { launchKey, ...withoutKey } = takeLaunchKey(window.location);
  const { token, hash, search } = takeInviteToken(withoutKey);
  if (!token && !launchKey) return;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${hash}`);
  if (launchKey) sessionStorage.setItem(LAUNCH_KEY_STORAGE_KEY, launchKey);
  if (token && sessionFromToken(token)) localStorage.setItem(TOKEN_STORAGE_KEY, token);
}

/** Asks a web-mode server on this computer for a session; null when it does not hand them out. */
export async function fetchLocalSession(): Promise<WebSession | null> {
  const launchKey = sessionStorage.getItem(LAUNCH_KEY_STORAGE_KEY);
  const headers: Record<string, string> = { accept: 'application/json', ...(launchKey ? { [LAUNCH_KEY_HEADER]: launchKey } : {}) };
  const res = await fetch('/api/session', { headers }).catch(() => null);
  if (!res?.ok) return null;
  const body = (await res.json()) as { token?: unknown };
  const session = typeof body.token === 'string' ? sessionFromToken(body.token) : null;
  if (session) localStorage.setItem(TOKEN_STORAGE_KEY, session.token);
  return session;
}

export function forgetSession(): void {
  localStorage.removeItem(TOKEN_STORAGE_KEY);
}

export async function obtainSession(): Promise<WebSession> {
  adoptAddress();
  const stored = localStorage.getItem(TOKEN_STORAGE_KEY);
  const remembered = stored ? sessionFromToken(stored) : null;
  if (remembered) return remembered;
  const local = await fetchLocalSession();
  if (local) return local;
  throw new Error('this browser has no invitation: open the invite link you were given (it ends in #token=…), or open the address npm run web printed on this computer (it ends in #launch=…)');
}
