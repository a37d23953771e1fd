/**
 * One websocket connection: authenticates it, joins it to its room once the room's stored state is
 * loaded (messages that arrive meanwhile are queued, listeners are attached before any await),
 * enforces the frame rate, and closes it with a clear code when anything is wrong.
 */
import { type IncomingMessage } from 'node:http';
import { type WebSocket, type RawData } from 'ws';
import { parseRoom, type TokenClaims, WRITER_ROLES } from '../../shared/sync/rooms';
import { CLOSE, type CloseReason } from './closeCodes';
import { type Log } from './log';
import { decodeMessage, ProtocolError } from './messages';
import { RateLimiter } from './rateLimiter';
import { type Room, type RoomPeer } from './room';
import { type RoomRegistry } from './roomRegistry';
import { TokenError, verifyToken } from './tokens';

export type ConnectionLimits = { messagesPerSecond: number; messageBurst: number };

export type ConnectionContext = {
  registry: RoomRegistry;
  secret: string;
  log: Log;
  limits: ConnectionLimits;
  onOpen(ws: WebSocket): void;
  onClose(ws: WebSocket): void;
};

/** Roles that may change document content; commenters read like viewers until comments exist. */

export function serveConnection(ws: WebSocket, req: IncomingMessage, ctx: ConnectionContext): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const limiter = new RateLimiter(ctx.limits.messagesPerSecond, ctx.limits.messageBurst);
  const queued: Uint8Array[] = [];
  let deliver: ((frame: Uint8Array) => void) | null = null;
  let room: Room | null = null;
  let peer: (RoomPeer & { claims: TokenClaims }) | null = null;
  let done = false;
  ctx.onOpen(ws);

  const close = (reason: CloseReason, detail?: string) => {
    if (done) return;
    done = true;
    ctx.log({ level: reason.code >= 4000 || reason.code === 1009 ? 'warn' : 'info', event: 'connection-closed', room: url.pathname, user: peer?.user, code: reason.code, reason: reason.reason, detail });
    ws.close(reason.code, reason.reason);
  };

  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (done) return;
    if (!limiter.take()) return close(CLOSE.rateLimited);
    if (!isBinary) return close(CLOSE.badFrame, 'text frame');
    const frame = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
    if (deliver) deliver(frame);
    else queued.push(frame);
  });
  ws.on('error', (err) => ctx.log({ level: 'warn', event: 'socket-error', room: url.pathname, error: err.message }));
  ws.on('close', () => {
    done = true;
    if (room) {
      if (peer) room.leave(peer);
      ctx.registry.release(room);
      room = null;
    }
    ctx.onClose(ws);
  });

  void (async () => {
    const target = parseRoom(url.pathname);
    if (!target) return close(CLOSE.unknownRoom);
    const token = url.searchParams.get('token');
    if (!token) return close(CLOSE.unauthorized, 'no token');
    let claims: TokenClaims;
    try {
      claims = await verifyToken(ctx.secret, token);
    } catch (err) {
      return close(CLOSE.unauthorized, err instanceof TokenError ? err.message : 'token check failed');
    }
    if (claims.workspaceId !== target.workspaceId) return close(CLOSE.forbidden, `token of workspace ${claims.workspaceId}`);
    if (done) return;
    const name = `${target.workspaceId}/${target.docId}`;
    const r = ctx.registry.acquire(name);
    room = r;
    const p = {
      claims,
      user: claims.name,
      canWrite: WRITER_ROLES.has(claims.role),
      send: (frame: Uint8Array) => {
        if (ws.readyState === ws.OPEN) ws.send(frame);
      },
      close: (reason: CloseReason) => close(reason),
    };
    try {
      await r.ready;
    } catch {
      return close(CLOSE.loadFailed, 'could not load the document');
    }
    if (done) return;
    peer = p;
    r.join(p);
    ctx.log({ level: 'debug', event: 'connection-joined', room: name, user: claims.name, role: claims.role });
    deliver = (frame) => {
      try {
        r.receive(p, decodeMessage(frame));
      } catch (err) {
        close(CLOSE.badFrame, err instanceof ProtocolError ? err.message : `could not apply: ${err instanceof Error ? err.message : String(err)}`);
      }
    };
    for (const frame of queued.splice(0)) {
      if (done) break;
      deliver(frame);
    }
  })();
}
