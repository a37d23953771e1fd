/**
 * Command line of the sync server.
 *   server (default)  tsx main/server/cli.ts [--port 1234] [--host 127.0.0.1] [--data <dir>] [--secret <s>] [--static <dir>]
 *   web               tsx main/server/cli.ts web [--port 4321] [--data ~/.tandem/web-data]
 *   token             tsx main/server/cli.ts token --workspace <id> --role <editor|commenter|viewer> --name <name> [--ttl 30d] [--secret <s> | --data <dir>]
 * Flags fall back to TANDEM_PORT, TANDEM_HOST, TANDEM_DATA, TANDEM_SECRET. Without a secret the server
 * generates one and keeps it in <data>/secret, where the token command finds it too.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inviteLink } from '../../shared/sync/inviteLink';
import { ROLES, ROOM_PART, type Role } from '../../shared/sync/rooms';
import { StoreOpenError } from './docStore';
import { startSyncServer, createToken } from './index';
import { isLogLevel, jsonLineLog } from './log';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_STATIC_DIR = join(REPO_ROOT, 'dist', 'renderer');
export const DEFAULTS = {
  serverPort: 1234,
  webPort: 4321,
  serverData: join(homedir(), '.tandem', 'server-data'),
  webData: join(homedir(), '.tandem', 'web-data'),
  webWorkspaceId: 'local',
  webWorkspaceName: 'My workspace',
};

class UsageError extends Error {}

const env = process.env;

function port(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${value}"`);
  return n;
}

/** The secret given, or the one kept in the data folder (created on first use). */
function secretFor(dataDir: string, given: string | undefined, create: boolean): string {
  if (given) {
    if (given.length < 16) throw new UsageError('--secret must be at least 16 characters');
    return given;
  }
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (!create) throw new UsageError(`no secret: pass --secret, set TANDEM_SECRET, or point --data at a server's data folder (${file} does not exist)`);
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

function defaultUserName(): string {
  try {
    const name = userInfo().username.trim();
    return name ? name.charAt(0).toUpperCase() + name.slice(1) : 'Me';
  } catch {
    return 'Me';
  }
}

const serveOptions = {
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  data: { type: 'string' },
  secret: { type: 'string' },
  static: { type: 'string' },
  'log-level': { type: 'string' },
} as const;

async function serve(args: string[], web: boolean): Promise<void> {
  const { values } = parseArgs({ args, options: serveOptions, strict: true });
  const dataDir = resolve(values.data ?? env.TANDEM_DATA ?? (web ? DEFAULTS.webData : DEFAULTS.serverData));
  const level = values['log-level'] ?? env.TANDEM_LOG_LEVEL ?? 'info';
  if (!isLogLevel(level)) throw new UsageError(`--log-level is debug, info, warn or error, not "${level}"`);
  const staticDir = values.static ?? (existsSync(join(DEFAULT_STATIC_DIR, 'index.html')) ? DEFAULT_STATIC_DIR : undefined);
  if (web && !staticDir) throw new UsageError('the browser UI is not built: run npm run build:renderer (npm run web does it for you)');
  const server = await startSyncServer({
    port: port(values.port ?? env.TANDEM_PORT, web ? DEFAULTS.webPort : DEFAULTS.serverPort),
    host: values.host ?? env.TANDEM_HOST ?? '127.0.0.1',
    dataDir,
    secret: secretFor(dataDir, values.secret ?? env.TANDEM_SECRET, true),
    staticDir,
    web: web ? { workspaceId: DEFAULTS.webWorkspaceId, workspaceName: DEFAULTS.webWorkspaceName, userName: defaultUserName() } : undefined,
    log: jsonLineLog(level, (line) => process.stderr.write(line)),
    limits: { traceWrites: level === 'debug' },
  });
  process.stdout.write(`listening on ${server.url}\n`);
  if (web) process.stdout.write(`open ${server.launchUrl} in your browser; data in ${dataDir}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: storing documents and stopping…\n`);
    server.close().then(() => process.exit(0), (err: unknown) => {
      process.stderr.write(`could not stop cleanly: ${String(err)}\n`);
      process.exit(1);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function token(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      secret: { type: 'string' },
      data: { type: 'string' },
      workspace: { type: 'string', short: 'w' },
      role: { type: 'string', short: 'r' },
      name: { type: 'string', short: 'n' },
      ttl: { type: 'string' },
      url: { type: 'string' },
    },
  });
  const workspaceId = values.workspace ?? DEFAULTS.webWorkspaceId;
  if (!ROOM_PART.test(workspaceId)) throw new UsageError('--workspace is 1–64 letters, digits, _ or -');
  const role = values.role ?? 'editor';
  if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role is one of ${ROLES.join(', ')}, not "${role}"`);
  const name = values.name?.trim();
  if (!name) throw new UsageError('--name is required: whose invite is it?');
  const dataDir = resolve(values.data ?? env.TANDEM_DATA ?? DEFAULTS.serverData);
  const secret = secretFor(dataDir, values.secret ?? env.TANDEM_SECRET, false);
  let jwt: string;
  try {
    jwt = await createToken(secret, { workspaceId, name, role: role as Role, ttl: values.ttl });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  process.stdout.write(jwt + '\n');
  if (values.url) process.stderr.write(`invite link: ${inviteLink(values.url, jwt)}\n`);
}

const USAGE = `usage:
  npm run server -- [--port 1234] [--host 127.0.0.1] [--data <dir>] [--secret <s>] [--static <dir>] [--log-level info]
  npm run web -- [--port 4321] [--data <dir>]
  npm run server -- token --workspace <id> --role <editor|commenter|viewer> --name <name> [--ttl 30d] [--secret <s> | --data <dir>] [--url http://host:port]
`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'web') return serve(rest, true);
  if (command === 'token') return token(rest);
  if (command === 'server') return serve(rest, false);
  if (command === 'help' || command === '--help' || command === '-h') return void process.stdout.write(USAGE);
  return serve(argv, false);
}

/** Exit codes: 1 failed, 2 usage, 3 the data folder holds data the store cannot open (nothing was changed). */
main(process.argv.slice(2)).catch((err: unknown) => {
  const usage = err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'));
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${usage ? USAGE : ''}`);
  process.exit(usage ? 2 : err instanceof StoreOpenError ? 3 : 1);
});
