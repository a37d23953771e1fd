/**
 * Workspace tokens: standard JWTs (HS256) signed with the workspace secret, carrying the workspace id,
 * the bearer's display name and role, and an expiry. The sync server and the JSON API accept nothing else.
 */
import { SignJWT, jwtVerify, errors } from 'jose';
import { z } from 'zod';
import { ROLES, ROOM_PART, type Role, type TokenClaims } from '../../shared/sync/rooms';

export const DEFAULT_TOKEN_TTL = '30d';
const TTL_FORMAT = /^\d+\s*(s|sec|secs|m|min|mins|h|hr|hrs|d|day|days|w|week|weeks|y|year|years)$/;

const ClaimsSchema = z.object({
  workspaceId: z.string().regex(ROOM_PART),
  name: z.string().trim().min(1).max(80),
  role: z.enum(ROLES),
});

export type TokenRequest = { workspaceId: string; name: string; role: Role; ttl?: string };

/** Why a token was refused, in words a person can act on. */
export class TokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenError';
  }
}

type HmacKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;
const keys = new Map<string, Promise<HmacKey>>();

/** The secret's HMAC key, imported once: importing it for every token took two thirds of a check. */
function key(secret: string): Promise<HmacKey> {
  if (secret.length < 16) throw new TokenError('the workspace secret must be at least 16 characters');
  let imported = keys.get(secret);
  if (!imported) {
    imported = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, imported);
  }
  return imported;
}

export function isValidTtl(ttl: string): boolean {
  return TTL_FORMAT.test(ttl.trim());
}

export async function createToken(secret: string, req: TokenRequest): Promise<string> {
  const claims = ClaimsSchema.parse({ workspaceId: req.workspaceId, name: req.name, role: req.role });
  const ttl = req.ttl ?? DEFAULT_TOKEN_TTL;
  if (!isValidTtl(ttl)) throw new TokenError(`"${ttl}" is not a duration like 30m, 12h, 30d or 1y`);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(ttl.replace(/\s+/g, ''))
    .sign(await key(secret));
}

/** The claims of a valid token; throws TokenError (expired, forged, malformed) otherwise. */
export async function verifyToken(secret: string, token: string): Promise<TokenClaims> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, await key(secret), { algorithms: ['HS256'], requiredClaims: ['exp'] }));
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw new TokenError('the token has expired; ask for a new invite');
    throw new TokenError('the token is not valid for this server');
  }
  const parsed = ClaimsSchema.safeParse(payload);
  if (!parsed.success) throw new TokenError('the token does not name a workspace, a user and a role');
  return parsed.data;
}
