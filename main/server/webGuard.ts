/**
 * Web mode's guard. The server hands an editor token to whoever asks GET /api/session, so it must be
 * sure the asker is the browser of the person who ran `npm run web`:
 * - Host: only this server's loopback names and port (127.0.0.1, localhost, [::1], the bound host).
 *   A page of `evil.example` whose name resolves to 127.0.0.1 (DNS rebinding) sends its own name.
 * - Origin: when a browser sends one (websockets always, fetch for cross-origin calls), it must be
 *   this server's; checked on the session route and on websocket upgrades.
 * - The per-launch key (shared/sync/launchKey.ts) on the session route: another OS user's process,
 *   or any page, does not know it.
 * - The caller's address is loopback (the session route).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type IncomingMessage } from 'node:http';
import { LAUNCH_KEY_HEADER } from '../../shared/sync/launchKey';

const isLoopback = (address: string | undefined) => address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

export function newLaunchKey(): string {
  return randomBytes(24).toString('base64url');
}

const digest = (text: string) => createHash('sha256').update(text).digest();

export class WebGuard {
  private hosts: Set<string> = new Set();

  /** `launchKey` null: the session route asks for no key (tests that drive the UI without the printed address). */
  constructor(private readonly launchKey: string | null) {}

  /** Call once the server listens: `shownHost` is the bound host as it appears in a URL. */
  listening(shownHost: string, port: number): void {
    this.hosts = new Set(['127.0.0.1', 'localhost', '[::1]', shownHost.toLowerCase()].map((h) => `${h}:${port}`));
  }

  /** Why the request (any route, or a websocket upgrade) is refused; null when it may go on. */
  refuseRequest(req: IncomingMessage, upgrade: boolean): string | null {
    const host = req.headers.host?.toLowerCase();
    if (!host || !this.hosts.has(host)) return `web mode answers only to ${[...this.hosts][0]}, not to Host "${req.headers.host ?? ''}"`;
    if (upgrade) return this.refuseOrigin(req);
    return null;
  }

  /** Why GET /api/session is refused; null when the caller gets the session. */
  refuseSession(req: IncomingMessage): string | null {
    if (!isLoopback(req.socket.remoteAddress)) return 'sessions are only handed out to this computer';
    const origin = this.refuseOrigin(req);
    if (origin) return origin;
    if (this.launchKey === null) return null;
    const given = req.headers[LAUNCH_KEY_HEADER];
    if (typeof given !== 'string' || !timingSafeEqual(digest(given), digest(this.launchKey))) {
      return 'open the address that npm run web printed (it ends in #launch=…) to get a session';
    }
    return null;
  }

  private refuseOrigin(req: IncomingMessage): string | null {
    const origin = req.headers.origin;
    if (origin === undefined) return null;
    const host = /^http:\/\/([^/]+)$/i.exec(origin)?.[1]?.toLowerCase();
    return host && this.hosts.has(host) ? null : `web mode answers only to pages of this server, not to Origin "${origin}"`;
  }
}
