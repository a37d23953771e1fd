/**
 * Share the workspace from this machine (the desktop's embedded sync server), and stop sharing. The
 * invite link stays at hand while sharing: on its notification until dismissed (the window rebuilds
 * its workbench when sharing starts, the notification stays), and through "Copy Invite Link".
 */
import { type ShareInfo } from '../../../shared/ipc/contract';
import { type Role } from '../../../shared/sync/rooms';
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
  await copyText(ctx, link, 'Invite link copied. Anyone with it can edit this workspace until you stop sharing.');
}

const ROLE_CHOICES: { label: string; description: string; value: Role }[] = [
  { label: 'Editor', description: 'writes the plan with you', value: 'editor' },
  { label: 'Commenter', description: 'reads the plan and comments on it', value: 'commenter' },
  { label: 'Viewer', description: 'reads the plan only', value: 'viewer' },
];
const SOMEONE_ELSE = Symbol('someone else');

/**
 * An invite for one colleague by name: the name on it is the one everyone sees beside their cursor,
 * and the role is what the server lets them do. Shares the workspace first when it is not shared yet.
 */
export async function inviteColleague(ctx: CommandContext): Promise<void> {
  if (!currentInvite()) {
    await shareWorkspace(ctx);
    if (!currentInvite()) return;
  }
  const people = ctx.model.people.get();
  const picked = people.length === 0 ? SOMEONE_ELSE : await ctx.quickInput.pick<string | typeof SOMEONE_ELSE>(
    [...people.map((p) => ({ label: p.name, description: p.role || p.email, value: p.name })), { label: 'Someone else…', value: SOMEONE_ELSE }],
    { title: 'Invite whom?', placeholder: 'A person from the directory, or someone else' },
  );
  if (picked === null) return;
  const name = picked === SOMEONE_ELSE ? (await ctx.quickInput.prompt({ title: 'Their name, as colleagues will see it' }))?.trim() : picked;
  if (!name) return;
  const role = await ctx.quickInput.pick(ROLE_CHOICES, { title: `${name} may…` });
  if (!role) return;
  const invite = await ctx.host.sync.invite({ name, role });
  const what = ROLE_CHOICES.find((r) => r.value === role)!.label.toLowerCase();
  ctx.notifications.notify(`Invite for ${name} (${what}): ${invite.inviteUrl}`, 'info', {
    actions: [{ label: 'Copy Link', run: () => void copyText(ctx, invite.inviteUrl, `Link for ${name} copied.`) }],
  });
}

async function copyText(ctx: CommandContext, text: string, done: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    ctx.notifications.notify(done);
  } catch {
    await ctx.quickInput.prompt({ title: 'Press Ctrl+C (⌘C) to copy it, then Escape', value: text });
  }
}
