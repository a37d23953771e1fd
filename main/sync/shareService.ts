/**
 * Sync from the desktop. With a server URL and invite token in the settings, the renderer syncs the
 * open workspace there (`target`). "Share this workspace on my network" starts the embedded sync
 * server on an address of this machine the user picks, and hands out an invite: the server URL and
 * an editor token signed with the workspace's own secret (kept in its `.tandem/` folder). When
 * sharing stops, that secret is replaced, so every invite handed out stops working: sharing again
 * hands out new ones.
 */
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { type Invite, type ShareInfo, type SyncTarget } from '../../shared/ipc/contract';
import { inviteLink } from '../../shared/sync/inviteLink';
import { type Role } from '../../shared/sync/rooms';
import { createToken, startSyncServer, type SyncServer } from '../server/index';
import { type SettingsService } from '../settings/settingsService';
import { type WorkspaceManager } from '../workspace/workspaceManager';
import { WorkspaceError, type WorkspaceFolder } from '../workspace/workspaceFolder';

export type ShareServiceOptions = {
  settings: SettingsService;
  workspaces: WorkspaceManager;
  /** Where the shared server keeps its store (inside the user data folder). */
  dataDir: string;
  /** The built browser UI, served to invitees who open the link in a browser. */
  staticDir?: string;
  onSharing: (info: ShareInfo | null) => void;
};

/** The IPv4 addresses of this machine a user may share on (loopback included, for one-machine use). */
export function shareableAddresses(): string[] {
  const out = ['127.0.0.1'];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  }
  return out;
}

/** Every interface: allowed when the user asks for it, never the default. */
const ALL_ADDRESSES = '0.0.0.0';

/**
 * The address an invite names for a bind address the user chose: the address itself, or for 0.0.0.0
 * (which cannot be dialled) the first network address. Anything not of this computer is refused.
 */
export function advertisedHost(host: string, addresses: string[]): string {
  if (host === ALL_ADDRESSES) return addresses.find((a) => a !== '127.0.0.1') ?? '127.0.0.1';
  if (addresses.includes(host)) return host;
  throw new WorkspaceError(`"${host}" is not an address of this computer; choose one of ${[...addresses, ALL_ADDRESSES].join(', ')}`);
}

type Sharing = { server: SyncServer; folder: WorkspaceFolder; workspaceId: string; info: ShareInfo; ownerToken: string };

export class ShareService {
  private sharing: Sharing | null = null;

  constructor(private readonly options: ShareServiceOptions) {}

  /** Where the renderer syncs: our own shared server while sharing, else the configured server, else nowhere. */
  target(): SyncTarget | null {
    const folder = this.options.workspaces.current;
    if (!folder) return null;
    if (this.sharing && this.sharing.workspaceId === folder.info.id) {
      return { serverUrl: this.sharing.info.serverUrl, token: this.sharing.ownerToken, workspaceId: folder.info.id };
    }
    const { serverUrl, token } = this.options.settings.get();
    return serverUrl && token ? { serverUrl, token, workspaceId: folder.info.id } : null;
  }

  async share(args: { host: string; port?: number }): Promise<ShareInfo> {
    const folder = this.options.workspaces.require();
    const advertised = advertisedHost(args.host, shareableAddresses());
    await this.stopSharing();
    const secret = await folder.shareSecret();
    const workspaceId = folder.info.id;
    const server = await startSyncServer({
      host: args.host,
      port: args.port ?? 0,
      dataDir: join(this.options.dataDir, workspaceId),
      secret,
      staticDir: this.options.staticDir,
    });
    const token = await createToken(secret, { workspaceId, name: 'Guest', role: 'editor' });
    const ownerToken = await createToken(secret, { workspaceId, name: this.options.settings.get().userName, role: 'editor' });
    const info: ShareInfo = {
      serverUrl: `ws://${advertised}:${server.port}`,
      inviteUrl: inviteLink(`http://${advertised}:${server.port}`, token),
      token,
    };
    this.sharing = { server, folder, workspaceId, info, ownerToken };
    this.options.onSharing(info);
    return info;
  }

  /** An invite for one person to the workspace shared from here: their name and role are on it. */
  async invite(args: { name: string; role: Role }): Promise<Invite> {
    const s = this.sharing;
    if (!s || s.workspaceId !== this.options.workspaces.current?.info.id) {
      throw new WorkspaceError('this workspace is not shared from here: Share › Share Workspace on My Network… first');
    }
    const token = await createToken(await s.folder.shareSecret(), { workspaceId: s.workspaceId, name: args.name, role: args.role });
    const site = s.info.serverUrl.replace(/^ws/, 'http');
    return { inviteUrl: inviteLink(site, token), token, name: args.name, role: args.role };
  }

  /** Stores everything and closes the shared server, then retires its invites (a new share secret). */
  async stopSharing(): Promise<void> {
    const s = this.sharing;
    if (!s) return;
    this.sharing = null;
    try {
      await s.server.close();
    } finally {
      await s.folder.rotateShareSecret();
      this.options.onSharing(null);
    }
  }
}
