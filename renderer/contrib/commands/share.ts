/**
 * Share the workspace from this machine (the desktop's embedded sync server), and stop sharing. The
 * invite link stays at hand while sharing: on its notification until dismissed (the window rebuilds
 * its workbench when sharing starts, the notification stays), and through "Copy Invite Link".
 */
import { type ShareInfo } from '../../../shared/ipc/contract';
import { runCommand, type CommandContext } from '../../platform/commands';

let sharing: ShareInfo | null = null;

/** The invite of the workspace shared from this window, if it is shared. */
export const currentInvite = (): string | null => sharing?.inviteUrl ?? null;

export async function shareWorkspace(ctx: CommandContext): Promise<void> {
  const address = await ctx.quickInput.prompt({
    title: 'Share on which address? 127.0.0.1 is this machine only; 0.0.0.0 lets colleagues on your network join',
    value: '127.0.0.1',
  });
  if (!address?.trim()) return;
  sharing = await ctx.host.sync.share({ host: address.trim() });
  ctx.notifications.notify(`Sharing at ${sharing.serverUrl}. Invite link: ${sharing.inviteUrl}`, 'info', {
    // Through the registry: the workbench this notification outlives is not the one that copies.
    actions: [{ label: 'Copy Invite Link', run: () => runCommand('sync.copyInviteLink').catch((err: unknown) => void ctx.notifications.notify(String(err), 'error')) }],
  });
}

export async function stopSharing(ctx: CommandContext): Promise<void> {
  await ctx.host.sync.stopSharing(undefined);
  sharing = null;
  ctx.notifications.notify('Stopped sharing this workspace.');
}

/** Puts the invite link on the clipboard; where the clipboard is refused, shows it selected to copy by hand. */
export async function copyInviteLink(ctx: CommandContext): Promise<void> {
  const link = currentInvite();
  if (!link) {
    ctx.notifications.notify('This workspace is not shared from here: Share › Share Workspace on My Network… first.', 'error');
    return;
  }
  try {
    await navigator.clipboard.writeText(link);
    ctx.notifications.notify('Invite link copied. Anyone with it can edit this workspace until you stop sharing.');
  } catch {
    await ctx.quickInput.prompt({ title: 'Invite link: press Ctrl+C (⌘C) to copy it, then Escape', value: link });
  }
}
