/** Share the workspace from this machine (the desktop's embedded sync server), and stop sharing. */
import { type CommandContext } from '../../platform/commands';

export async function shareWorkspace(ctx: CommandContext): Promise<void> {
  const wb = ctx.workbench;
  const address = await wb.prompt({
    title: 'Share on which address? 127.0.0.1 is this machine only; 0.0.0.0 lets colleagues on your network join',
    value: '127.0.0.1',
  });
  if (!address?.trim()) return;
  const info = await wb.host.sync.share({ host: address.trim() });
  wb.notify(`Sharing at ${info.serverUrl}. Invite link: ${info.inviteUrl}`);
}

export async function stopSharing(ctx: CommandContext): Promise<void> {
  await ctx.workbench.host.sync.stopSharing(undefined);
  ctx.workbench.notify('Stopped sharing this workspace.');
}
