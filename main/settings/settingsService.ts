/**
 * User settings, stored with electron-store and validated with the contract's SettingsSchema.
 * Stored values that no longer validate (hand-edited file, older version) are reset field by field
 * to their defaults; the rest of the settings survive.
 */
import Store from 'electron-store';
import {
  DEFAULT_SETTINGS, SettingsPatchSchema, SettingsSchema, type Settings, type SettingsPatch,
} from '../../shared/ipc/contract';

/** Where settings live: electron-store in the app, anything with the same two calls elsewhere. */
export type SettingsBackend = { read(): unknown; write(settings: Settings): void };

export function electronStoreBackend(options: { cwd?: string; name?: string } = {}): SettingsBackend {
  const store = new Store<{ settings: unknown }>({ name: options.name ?? 'settings', cwd: options.cwd, clearInvalidConfig: true });
  return { read: () => store.get('settings'), write: (s) => store.set('settings', s) };
}

/** Keeps every stored field that validates and replaces each one that does not with its default. */
export function repairSettings(raw: unknown): Settings {
  const source = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (key === 'editor') continue;
    const parsed = SettingsSchema.shape[key].safeParse(source[key]);
    out[key] = parsed.success ? parsed.data : DEFAULT_SETTINGS[key];
  }
  const rawEditor = source.editor && typeof source.editor === 'object' ? (source.editor as Record<string, unknown>) : {};
  const editor: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS.editor) as (keyof Settings['editor'])[]) {
    const parsed = SettingsSchema.shape.editor.shape[key].safeParse(rawEditor[key]);
    editor[key] = parsed.success ? parsed.data : DEFAULT_SETTINGS.editor[key];
  }
  out.editor = editor;
  return SettingsSchema.parse(out);
}

export class SettingsService {
  private current: Settings;

  constructor(private readonly backend: SettingsBackend, private readonly onChanged: (s: Settings) => void = () => {}) {
    this.current = repairSettings(backend.read());
    backend.write(this.current);
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  /** Validates the patch and the result, stores it and announces it. */
  update(patch: SettingsPatch): Settings {
    const valid = SettingsPatchSchema.parse(patch);
    const next = SettingsSchema.parse({ ...this.current, ...valid, editor: { ...this.current.editor, ...valid.editor } });
    this.current = next;
    this.backend.write(next);
    this.onChanged(this.get());
    return this.get();
  }

  /** Puts a workspace folder first in the recent list. */
  rememberWorkspace(location: string): void {
    const recent = [location, ...this.current.recentWorkspaces.filter((l) => l !== location)].slice(0, 10);
    this.update({ recentWorkspaces: recent });
  }

  forgetWorkspace(location: string): void {
    this.update({ recentWorkspaces: this.current.recentWorkspaces.filter((l) => l !== location) });
  }
}
