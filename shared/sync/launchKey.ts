/**
 * Web mode's per-launch key: `npm run web` prints `http://127.0.0.1:<port>/#launch=<key>`. The key
 * rides in the fragment (never sent to the server, kept out of logs and history once the page has
 * taken it); the page sends it in this header to GET /api/session, the only route that hands out a
 * token without one. A caller that did not get the printed address gets no session.
 */
export const LAUNCH_KEY_PARAM = 'launch';
export const LAUNCH_KEY_HEADER = 'x-tandem-launch-key';

/** The address `npm run web` prints for `origin` (e.g. `http://127.0.0.1:4321`). */
export function launchLink(origin: string, key: string): string {
  return `${origin.replace(/\/+$/, '')}/#${LAUNCH_KEY_PARAM}=${encodeURIComponent(key)}`;
}
