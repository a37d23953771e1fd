/**
 * The small JSON API the browser host needs. Every route but /api/session needs
 * `Authorization: Bearer <token>` for the workspace in the path; changes need the editor role.
 * Bodies are validated with the host contract's schemas; errors are `{ error: { code, message } }`.
 */
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type z } from 'zod';
import { CreatePlanArgs, HOST_CONTRACT, StartNextCycleArgs } from '../../shared/ipc/contract';
import { ROOM_PART, type TokenClaims } from '../../shared/sync/rooms';
import { createToken, TokenError, verifyToken } from './tokens';
import { type WebGuard } from './webGuard';
import { ApiError, type WorkspacePlans } from './workspacePlans';

export const MAX_JSON_BODY_BYTES = 64 * 1024;
const RenameBody = HOST_CONTRACT.workspace.renamePlan.args.omit({ planId: true });

export type WebSession = { workspaceId: string; workspaceName: string; userName: string; guard: WebGuard };

export type ApiContext = {
  secret: string;
  /** The plan operations, loaded on first use. */
  plans: () => Promise<WorkspacePlans>;
  /** Web mode: the browser that opened the printed address gets an editor token for this workspace from GET /api/session. */
  web: WebSession | null;
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) throw new ApiError(415, 'invalid-body', 'send the body as application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_JSON_BODY_BYTES) throw new ApiError(413, 'invalid-body', `the body is larger than ${MAX_JSON_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ApiError(400, 'invalid-body', 'the body is not valid JSON');
  }
}

async function body<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await readJson(req));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(400, 'invalid-body', `${issue?.path.length ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid body'}`);
  }
  return parsed.data;
}

async function authorize(req: IncomingMessage, ctx: ApiContext, workspaceId: string | null, needsEditor: boolean): Promise<TokenClaims> {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new ApiError(401, 'unauthorized', 'send Authorization: Bearer <token>');
  let claims: TokenClaims;
  try {
    claims = await verifyToken(ctx.secret, match[1]!);
  } catch (err) {
    throw new ApiError(401, 'unauthorized', err instanceof TokenError ? err.message : 'invalid token');
  }
  if (workspaceId !== null && claims.workspaceId !== workspaceId) throw new ApiError(403, 'forbidden', 'this token is for another workspace');
  if (needsEditor && claims.role !== 'editor') throw new ApiError(403, 'forbidden', `a ${claims.role} cannot change plans`);
  return claims;
}

/** Handles /api/*; resolves once the response is sent. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, ctx: ApiContext): Promise<void> {
  try {
    const method = req.method ?? 'GET';
    const seg = path.split('/').filter(Boolean).slice(1);
    if (seg.some((s, i) => i % 2 === 1 && !ROOM_PART.test(s))) throw new ApiError(404, 'not-found', 'workspace and plan ids are 1–64 letters, digits, _ or -');
    const route = `${method} ${seg.map((s, i) => (i % 2 === 1 ? ':' : s)).join('/')}`;
    const [, ws, , planId] = seg;
    switch (route) {
      case 'GET session': {
        if (!ctx.web) throw new ApiError(404, 'not-found', 'sessions are only handed out in web mode (npm run web)');
        const refused = ctx.web.guard.refuseSession(req);
        if (refused) throw new ApiError(403, 'forbidden', refused);
        const { workspaceId, workspaceName, userName } = ctx.web;
        const token = await createToken(ctx.secret, { workspaceId, name: userName, role: 'editor' });
        return sendJson(res, 200, { token, workspaceId, workspaceName, name: userName, role: 'editor' });
      }
      case 'GET templates':
        await authorize(req, ctx, null, false);
        return sendJson(res, 200, await (await ctx.plans()).listTemplates());
      case 'GET workspaces/:':
        await authorize(req, ctx, ws!, false);
        return sendJson(res, 200, { id: ws, name: await (await ctx.plans()).workspaceName(ws!) });
      case 'GET workspaces/:/plans':
        await authorize(req, ctx, ws!, false);
        return sendJson(res, 200, await (await ctx.plans()).list(ws!));
      case 'POST workspaces/:/plans': {
        await authorize(req, ctx, ws!, true);
        return sendJson(res, 201, await (await ctx.plans()).create(ws!, await body(req, CreatePlanArgs)));
      }
      case 'PATCH workspaces/:/plans/:': {
        await authorize(req, ctx, ws!, true);
        const { title } = await body(req, RenameBody);
        return sendJson(res, 200, await (await ctx.plans()).rename(ws!, planId!, title));
      }
      case 'POST workspaces/:/plans/:/duplicate':
        await authorize(req, ctx, ws!, true);
        return sendJson(res, 201, await (await ctx.plans()).duplicate(ws!, planId!));
      case 'POST workspaces/:/plans/:/next-cycle': {
        await authorize(req, ctx, ws!, true);
        const next = await body(req, StartNextCycleArgs.omit({ planId: true }));
        return sendJson(res, 201, await (await ctx.plans()).startNextCycle(ws!, { planId: planId!, ...next }));
      }
      case 'DELETE workspaces/:/plans/:':
        await authorize(req, ctx, ws!, true);
        await (await ctx.plans()).delete(ws!, planId!);
        res.writeHead(204).end();
        return;
      default:
        throw new ApiError(404, 'not-found', `no API route ${method} ${path}`);
    }
  } catch (err) {
    if (res.headersSent) return;
    if (err instanceof ApiError) return sendJson(res, err.status, { error: { code: err.code, message: err.message } });
    sendJson(res, 500, { error: { code: 'failed', message: err instanceof Error ? err.message : 'internal error' } });
  }
}
