/**
 * Who this browser is on the sync server. An invite link (`#token=…`, or the older `?token=…`) wins and is remembered in
 * localStorage (and removed from the address bar so it is not shared by accident); otherwise the
 * remembered token; otherwise, when the server runs in web mode on this computer, GET /api/session
 * with the per-launch key of the address `npm run web` printed (`#launch=…`, kept for this tab in
 * sessionStorage and removed from the address bar). An invite to another workspace than the
 * remembered one asks before it replaces it.
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

/** Asks the person whether an invite to another workspace may replace the one this browser remembers. */
export type ConfirmSwitch = (from: WebSession, to: WebSession) => Promise<boolean>;

/** The workspace's name as the server tells it to this token's holder, else its id. */
async function workspaceName(session: WebSession): Promise<string> {
  const res = await fetch(`/api/workspaces/${session.workspaceId}`, { headers: { authorization: `Bearer ${session.token}` } }).catch(() => null);
  const body = res?.ok ? ((await res.json().catch(() => null)) as { name?: unknown } | null) : null;
  return typeof body?.name === 'string' && body.name ? body.name : session.workspaceId;
}

const askBeforeSwitching: ConfirmSwitch = async (from, to) => {
  const [fromName, toName] = await Promise.all([workspaceName(from), workspaceName(to)]);
  return window.confirm(
    `This invite link opens the workspace "${toName}" (as ${to.name}, ${to.role}).\n\n`
    + `This browser is in "${fromName}" (as ${from.name}). Switch to "${toName}"? Cancel keeps "${fromName}".`,
  );
};

/**
 * Takes the invite token and the launch key out of the address bar and remembers them; an invite to
 * another workspace than the remembered one only once the person agrees to switch. True when this
 * browser now holds a new invite.
 */
async function adoptAddress(confirmSwitch: ConfirmSwitch): Promise<boolean> {
  const { launchKey, ...withoutKey } = takeLaunchKey(window.location);
  const { token, hash, search } = takeInviteToken(withoutKey);
  if (!token && !launchKey) return false;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${hash}`);
  if (launchKey) sessionStorage.setItem(LAUNCH_KEY_STORAGE_KEY, launchKey);
  const invited = token ? sessionFromToken(token) : null;
  if (!invited) return false;
  const stored = localStorage.getItem(TOKEN_STORAGE_KEY);
  if (stored === invited.token) return false;
  const remembered = stored ? sessionFromToken(stored) : null;
  if (remembered && remembered.workspaceId !== invited.workspaceId && !(await confirmSwitch(remembered, invited))) return false;
  localStorage.setItem(TOKEN_STORAGE_KEY, invited.token);
  return true;
}

/**
 * An invite link opened in a tab that already shows the app changes only the address's fragment
 * (`#token=…`), which loads nothing: the tab takes the new invite and starts again as that person.
 */
function followInviteLinks(confirmSwitch: ConfirmSwitch): void {
  window.addEventListener('hashchange', () => {
    void adoptAddress(confirmSwitch).then((adopted) => adopted && window.location.reload());
  });
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

export async function obtainSession(confirmSwitch: ConfirmSwitch = askBeforeSwitching): Promise<WebSession> {
  await adoptAddress(confirmSwitch);
  followInviteLinks(confirmSwitch);
  const stored = localStorage.getItem(TOKEN_STORAGE_KEY);
  const remembered = stored ? sessionFromToken(stored) : null;
  if (remembered) return remembered;
  const local = await fetchLocalSession();
  if (local) return local;
  throw new Error('this browser has no invitation: open the invite link you were given (it ends in #token=…), or open the address npm run web printed on this computer (it ends in #launch=…)');
}
