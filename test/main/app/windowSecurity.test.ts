import { EventEmitter } from 'node:events';
import { type Session, type WebContents } from 'electron';
import {
  CONTENT_SECURITY_POLICY, hardenSession, isExternalLink, lockNavigation, secureWebPreferences,
} from '../../../main/app/windowSecurity';

vi.mock('electron', async () => (await import('../electronMock')).electronMock());

const PAGE = 'file:///opt/Tandem/resources/app.asar/dist/renderer/index.html';

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const contents = Object.assign(emitter, { setWindowOpenHandler: (h: typeof openHandler) => { openHandler = h; } });
  const navigate = (event: string, url: string) => {
    const e = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    emitter.emit(event, e, url);
    return e.defaultPrevented;
  };
  return { contents: contents as unknown as WebContents, navigate, open: (url: string) => openHandler!({ url }) };
}

describe('window security checklist', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security on', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('keeps the window on our page and blocks navigation elsewhere', () => {
    const { contents, navigate } = fakeContents();
    lockNavigation(contents, PAGE, () => {});
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(navigate('will-navigate', `${PAGE}#/plan/1`)).toBe(false);
    expect(navigate('will-attach-webview', 'https://x.example')).toBe(true);
  });

  it('denies every new window and opens only http(s) links in the system browser', () => {
    const opened: string[] = [];
    const { contents, open } = fakeContents();
    lockNavigation(contents, PAGE, (url) => opened.push(url));
    for (const url of ['https://example.com/docs', 'http://intranet/x', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://share/x']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://example.com/docs', 'http://intranet/x']);
    expect(isExternalLink('not a url')).toBe(false);
  });

  it('sends a strict Content-Security-Policy with every response and refuses permission requests', () => {
    let onHeaders: ((d: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | null = null;
    let onPermission: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
    hardenSession({
      webRequest: { onHeadersReceived: (h: typeof onHeaders) => { onHeaders = h; } },
      setPermissionRequestHandler: (h: typeof onPermission) => { onPermission = h; },
    } as unknown as Session);
    let headers: Record<string, string[]> = {};
    onHeaders!({ responseHeaders: { 'content-type': ['text/html'] } }, (r) => { headers = r.responseHeaders; });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-type']).toEqual(['text/html']);
    for (const directive of ["script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    let granted: boolean | null = null;
    onPermission!({}, 'media', (ok) => { granted = ok; });
    expect(granted).toBe(false);
  });
});
