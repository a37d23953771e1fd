/**
 * Our pages are files (dist/renderer). Electron gives file:// responses no headers, so we serve the
 * file scheme ourselves: only files inside the renderer folder, each with the CSP header.
 */
import { net, protocol } from 'electron';
import { fileURLToPath } from 'node:url';
import { isInside } from '../workspace/safePath';
import { CONTENT_SECURITY_POLICY } from './windowSecurity';

export function serveRendererFiles(rendererDir: string): void {
  protocol.handle('file', async (request) => {
    let path: string;
    try {
      path = fileURLToPath(request.url);
    } catch {
      return new Response('not found', { status: 404 });
    }
    if (!isInside(rendererDir, path)) return new Response('not found', { status: 404 });
    const response = await net.fetch(request, { bypassCustomProtocolHandlers: true });
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
