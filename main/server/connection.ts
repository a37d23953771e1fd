/**
 * One websocket connection: authenticates it, joins it to its room once the room's stored state is
 * loaded (messages that arrive meanwhile are queued, listeners are attached before any await),
 * throttles its reading, bounds what waits to be sent to it, and closes it with a clear code when
 * anything is wrong.
 */
import { type IncomingMessage } from 'node:http';
import { type WebSocket, type RawData } from 'ws';
import { planIndexMap, WORKSPACE_DOC_ID } from '../../shared/model/workspaceDoc';
import { mayWrite, parseRoom, roomName, type TokenClaims } from '../../shared/sync/rooms';
import { type Admission } from './admission';
import { CLOSE, type CloseReason } from './closeCodes';
import { type ConnectionLimits } from './limits';
import { type Log } from './log';
import { decodeMessage, ProtocolError } from './messages';
import { ReadThrottle } from './readThrottle';
import { type Room, type RoomPeer } from './room';
import { type RoomRegistry } from './roomRegistry';
import { TokenError, verifyToken } from './tokens';

export type ConnectionContext = {
  registry: RoomRegistry;
  secret: string;
  log: Log;
  limits: ConnectionLimits;
  admission: Admission;
  onOpen(ws: WebSocket): void;
  onClose(ws: WebSocket): void;
};

export function serveConnection(ws: WebSocket, req: IncomingMessage, ctx: ConnectionContext): void {
  // The closures below live as long as the connection: they hold the path as a string of its own, never
  // the URL or the request (a slice of the URL's text would keep it all, token and query included).
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = ownCopy(url.pathname);
  const query = url.searchParams.get('token');
  const token = query === null ? null : ownCopy(query);
  const throttle = new ReadThrottle(ctx.limits);
  const queued: Uint8Array[] = [];
  /** Frames read while the connection is in debt (ws parses a whole socket read at once); handled once it is paid. */
  const held: Uint8Array[] = [];
  const releases: (() => void)[] = [];
  let deliver: ((frame: Uint8Array) => void) | null = null;
  let room: Room | null = null;
  let peer: (RoomPeer & { claims: TokenClaims }) | null = null;
  let done = false;
  let resumeTimer: NodeJS.Timeout | null = null;
  let graceTimer: NodeJS.Timeout | null = null;
  ctx.onOpen(ws);

  const closed = (reason: CloseReason | { code: number; reason: string }, detail?: string) => {
    done = true;
    ctx.log({ level: reason.code >= 4000 || reason.code === 1009 ? 'warn' : 'info', event: 'connection-closed', room: path, user: peer?.user, code: reason.code, reason: reason.reason, detail });
  };
  const close = (reason: CloseReason, detail?: string) => {
    if (done) return;
    closed(reason, detail);
    ws.close(reason.code, reason.reason);
    // ws waits 30 s for the client's answer to a close; a client that never answers is not held that long.
    graceTimer = setTimeout(() => ws.terminate(), ctx.limits.closeGraceMs);
    graceTimer.unref();
  };
  /** A client that does not read what it is sent: its frames would pile up in this process. */
  const dropSlowReader = () => {
    if (done) return;
    closed({ code: 1006, reason: 'dropped: not reading' }, `more than ${ctx.limits.maxBufferedBytes} bytes waiting to be sent`);
    ws.terminate();
  };

  const address = req.socket.remoteAddress ?? 'unknown';
  const admitted = ctx.admission.admitAddress(address);
  if (typeof admitted === 'string') close(CLOSE.overCapacity, admitted);
  else releases.push(admitted);

  const handle = (frame: Uint8Array) => {
    if (deliver) deliver(frame);
    else queued.push(frame);
  };
  /** The debt is paid: handle what was held and read on. */
  const release = () => {
    const wait = throttle.debt();
    if (wait > 0) {
      resumeTimer = setTimeout(release, wait);
      return;
    }
    resumeTimer = null;
    for (const frame of held.splice(0)) {
      if (done) return;
      handle(frame);
    }
    ws.resume();
  };

  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (done) return;
    if (!isBinary) return close(CLOSE.badFrame, 'text frame');
    const frame = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
    const wait = throttle.charge(frame.byteLength);
    if (wait === 0 && !resumeTimer) return handle(frame);
    held.push(frame);
    if (!resumeTimer) {
      ws.pause();
      resumeTimer = setTimeout(release, wait);
    }
  });
  ws.on('error', (err) => ctx.log({ level: 'warn', event: 'socket-error', room: path, error: err.message }));
  ws.on('close', () => {
    done = true;
    if (resumeTimer) clearTimeout(resumeTimer);
    if (graceTimer) clearTimeout(graceTimer);
    if (room) {
      if (peer) room.leave(peer);
      ctx.registry.release(room);
      room = null;
    }
    for (const release of releases.splice(0)) release();
    ctx.onClose(ws);
  });

  void (async () => {
    if (done) return;
    const target = parseRoom(path);
    if (!target) return close(CLOSE.unknownRoom);
    if (!token) return close(CLOSE.unauthorized, 'no token');
    let claims: TokenClaims;
    try {
      claims = await verifyToken(ctx.secret, token);
    } catch (err) {
      return close(CLOSE.unauthorized, err instanceof TokenError ? err.message : 'token check failed');
    }
    if (claims.workspaceId !== target.workspaceId) return close(CLOSE.forbidden, `token of workspace ${claims.workspaceId}`);
    if (done) return;
    const canWrite = mayWrite(claims.role, target.docId);
    const name = roomName(target.workspaceId, target.docId);
    const tokenUse = ctx.admission.admitToken(token, name);
    if (typeof tokenUse === 'string') return close(CLOSE.overCapacity, tokenUse);
    releases.push(tokenUse);
    // A document beside a plan exists only while its plan is listed, for every role; a plan room is
    // made up only by an editor (a reader opens the plans the index lists).
    const mustBeListed = target.kind !== null || (!canWrite && target.docId !== WORKSPACE_DOC_ID);
    if (mustBeListed && !(await isListedPlan(ctx.registry, target.workspaceId, target.planId))) {
      return close(CLOSE.unknownRoom, target.kind ? `the ${target.kind} of a plan the workspace's index does not list` : `a ${claims.role} opens only the plans of the workspace's index`);
    }
    if (done) return;
    const r = ctx.registry.acquire(name);
    room = r;
    const p = {
      claims,
      user: claims.name,
      canWrite,
      send: (frame: Uint8Array) => {
        if (ws.readyState !== ws.OPEN) return;
        if (ws.bufferedAmount > ctx.limits.maxBufferedBytes) return dropSlowReader();
        ws.send(frame);
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
      if (done) return;
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

/** A string with its own characters, not a slice that keeps the longer text it came from alive. */
function ownCopy(text: string): string {
  return Buffer.from(text).toString();
}

/** Whether the workspace's plan index lists `planId` (a reader may not make up rooms, nobody makes up a plan's side documents). */
function isListedPlan(registry: RoomRegistry, workspaceId: string, planId: string): Promise<boolean> {
  return registry.read(roomName(workspaceId, WORKSPACE_DOC_ID), (doc) => planIndexMap(doc).has(planId)).catch(() => false);
}
