/**
 * The sync server's JSON API, called with the session's Bearer token. Server refusals become
 * HostErrors carrying the server's message; a rejected token is refreshed once from web mode.
 */
import { HostError } from '../../shared/ipc/dispatch';
import { fetchLocalSession, forgetSession, type WebSession } from './webSession';

export class ServerApi {
  constructor(private session: WebSession) {}

  get current(): WebSession {
    return this.session;
  }

  /** `path` is relative to /api/workspaces/<workspaceId> when it starts with `./`, else to /api. */
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = path.startsWith('./') ? `/api/workspaces/${this.session.workspaceId}/${path.slice(2)}` : `/api/${path}`;
    let res = await this.send(method, url, body);
    if (res.status === 401) {
      const fresh = await fetchLocalSession();
      if (fresh && fresh.workspaceId === this.session.workspaceId) {
        this.session = fresh;
        res = await this.send(method, url, body);
      } else if (res.status === 401) {
        forgetSession();
      }
    }
    if (res.status === 204) return undefined as T;
    const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (!res.ok) {
      const message = json?.error?.message ?? `the server answered ${res.status}`;
      throw new HostError(res.status === 400 ? 'invalid-argument' : res.status === 403 || res.status === 401 ? 'forbidden' : 'failed', message);
    }
    return json as T;
  }

  private async send(method: string, url: string, body: unknown): Promise<Response> {
    try {
      return await fetch(url, {
        method,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${this.session.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new HostError('failed', 'the Tandem server cannot be reached; your changes stay on this computer until it is back');
    }
  }
}
