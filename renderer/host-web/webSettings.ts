/**
 * Settings of the browser host, in localStorage, validated with the contract's SettingsSchema. The
 * first run picks a friendly name and a colour so collaborators can tell cursors apart.
 */
import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsPatch } from '../../shared/ipc/contract';

export const SETTINGS_STORAGE_KEY = 'tandem.settings';

const ADJECTIVES = ['Bright', 'Calm', 'Clever', 'Eager', 'Gentle', 'Keen', 'Lively', 'Quick', 'Steady', 'Swift', 'Witty', 'Bold'];
const ANIMALS = ['Otter', 'Falcon', 'Fox', 'Heron', 'Lynx', 'Panda', 'Robin', 'Seal', 'Tiger', 'Wolf', 'Koala', 'Owl'];
const COLOURS = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#dc2626', '#0891b2', '#65a30d'];

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

export function firstRunSettings(): Settings {
  return { ...DEFAULT_SETTINGS, userName: `${pick(ADJECTIVES)} ${pick(ANIMALS)}`, userColor: pick(COLOURS) };
}

/** The stored settings; malformed or missing ones are replaced (and stored) rather than thrown. */
export function readSettings(): Settings {
  const raw = localStorage.getItem(SETTINGS_STORAGE_KEY);
  if (raw) {
    try {
      const parsed = SettingsSchema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through to a fresh start
    }
  }
  const fresh = firstRunSettings();
  localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(fresh));
  return fresh;
}

export function updateSettings(patch: SettingsPatch): Settings {
  const current = readSettings();
  const next = SettingsSchema.parse({ ...current, ...patch, editor: { ...current.editor, ...patch.editor } });
  localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(next));
  return next;
}

/** Calls `listener` when another tab changes the settings. */
export function onSettingsChangedElsewhere(listener: (settings: Settings) => void): () => void {
  const handler = (e: StorageEvent) => {
    if (e.key === SETTINGS_STORAGE_KEY && e.newValue) listener(readSettings());
  };
  window.addEventListener('storage', handler);
  return () => window.removeEventListener('storage', handler);
}
