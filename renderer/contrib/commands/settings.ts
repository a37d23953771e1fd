/**
 * Sync settings through the quick input: the server URL and token (empty URL: local only), then
 * the name and colour others see. Each value is checked with the contract's own schema first.
 */
import { SettingsSchema, type SettingsPatch } from '../../../shared/ipc/contract';
import { type CommandContext } from '../../platform/commands';

export const USER_COLORS: { label: string; value: string }[] = [
  { label: 'Blue', value: '#2563eb' }, { label: 'Green', value: '#059669' }, { label: 'Purple', value: '#7c3aed' },
  { label: 'Pink', value: '#db2777' }, { label: 'Orange', value: '#d97706' }, { label: 'Teal', value: '#0d9488' },
  { label: 'Red', value: '#dc2626' }, { label: 'Slate', value: '#475569' },
];

/** The first schema error of a field, said plainly; null when the value is fine. */
export function settingError<K extends 'serverUrl' | 'token' | 'userName'>(key: K, value: string): string | null {
  const r = SettingsSchema.shape[key].safeParse(value);
  return r.success ? null : (r.error.issues[0]?.message ?? 'this value is not valid');
}

async function ask(ctx: CommandContext, key: 'serverUrl' | 'token' | 'userName', title: string, value: string, placeholder?: string): Promise<string | null> {
  let current = value;
  let heading = title;
  for (;;) {
    const answer = await ctx.quickInput.prompt({ title: heading, value: current, placeholder });
    if (answer === null) return null;
    const error = settingError(key, answer.trim());
    if (!error) return answer.trim();
    current = answer;
    heading = `${title} — ${error}`;
  }
}

export async function openSyncSettings(ctx: CommandContext): Promise<void> {
  const s = ctx.model.settings.get();
  const serverUrl = await ask(ctx, 'serverUrl', 'Sync server URL (empty to work local only)', s.serverUrl, 'ws://server:1234');
  if (serverUrl === null) return;
  const token = serverUrl ? await ask(ctx, 'token', 'Access token for the sync server', s.token, 'paste the token you were given') : '';
  if (token === null) return;
  const userName = await ask(ctx, 'userName', 'Your name, as others see it', s.userName);
  if (userName === null) return;
  const userColor = await ctx.quickInput.pick(USER_COLORS.map((c) => ({ ...c, description: c.value === s.userColor ? 'current' : c.value })), { placeholder: 'Your colour' });
  if (userColor === null) return;
  const patch: SettingsPatch = { serverUrl, token, userName, userColor };
  await ctx.host.settings.update(patch);
  ctx.notifications.notify(serverUrl ? `Syncing with ${serverUrl} as ${userName}.` : `Working local only, as ${userName}.`);
}
