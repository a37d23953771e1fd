/**
 * Invite links: `http://host:port/#token=<signed token>`. The token rides in the fragment, which a
 * browser never sends, so it stays out of server and proxy logs; the workspace id is one of the
 * token's signed claims. Links of the older form `/?token=…` are still accepted.
 */
import { LAUNCH_KEY_PARAM } from './launchKey';

export const INVITE_PARAM = 'token';

/** The link that opens the workspace served at `pageOrigin` (e.g. `http://192.168.1.20:4444`) for `token`. */
export function inviteLink(pageOrigin: string, token: string): string {
  return `${pageOrigin.replace(/\/+$/, '')}/#${INVITE_PARAM}=${encodeURIComponent(token)}`;
}

/** Where a page was opened: the `hash` and `search` parts of its address, as `location` gives them. */
export type PageAddress = { hash: string; search: string };

/**
 * The invite token in a page address (the fragment wins over the query), and the same address
 * without it (nor the `workspace` hint that older links carried), for the address bar.
 */
export function takeInviteToken(address: PageAddress): PageAddress & { token: string | null } {
  const hash = splitParams(address.hash, '#');
  const search = splitParams(address.search, '?');
  const token = valueOf(hash, INVITE_PARAM) ?? valueOf(search, INVITE_PARAM);
  if (token === null) return { token, ...address };
  const keepHash = hash.filter(([key]) => key !== INVITE_PARAM && key !== 'workspace');
  const keepSearch = search.filter(([key]) => key !== INVITE_PARAM);
  return { token, hash: joinParams(keepHash, '#'), search: joinParams(keepSearch, '?') };
}

/** Web mode's per-launch key (`#launch=…`, see launchKey.ts) and the address without it. */
export function takeLaunchKey(address: PageAddress): PageAddress & { launchKey: string | null } {
  const hash = splitParams(address.hash, '#');
  const launchKey = valueOf(hash, LAUNCH_KEY_PARAM);
  if (launchKey === null) return { launchKey, ...address };
  return { launchKey, hash: joinParams(hash.filter(([key]) => key !== LAUNCH_KEY_PARAM), '#'), search: address.search };
}

type Param = [key: string, raw: string];

function splitParams(part: string, lead: string): Param[] {
  const body = part.startsWith(lead) ? part.slice(lead.length) : part;
  if (!body) return [];
  return body.split('&').map((pair) => {
    const at = pair.indexOf('=');
    return at < 0 ? [decode(pair), ''] : [decode(pair.slice(0, at)), pair.slice(at + 1)];
  });
}

function joinParams(params: Param[], lead: string): string {
  if (params.length === 0) return '';
  return lead + params.map(([key, raw]) => (raw ? `${encodeURIComponent(key)}=${raw}` : encodeURIComponent(key))).join('&');
}

function valueOf(params: Param[], key: string): string | null {
  const found = params.find(([k, raw]) => k === key && raw !== '');
  return found ? decode(found[1]) : null;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
