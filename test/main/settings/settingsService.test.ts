import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/ipc/contract';

vi.mock('electron', async () => (await import('../electronMock')).electronMock());

const { electronStoreBackend, repairSettings, SettingsService } = await import('../../../main/settings/settingsService');

describe('settings', () => {
  it('starts from the defaults and persists updates in the electron-store file', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tandem-settings-'));
    const changed: Settings[] = [];
    const s = new SettingsService(electronStoreBackend({ cwd }), (x) => changed.push(x));
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    s.update({ userName: 'Dana', theme: 'dark', editor: { fontSize: 18 } });
    expect(changed.at(-1)).toMatchObject({ userName: 'Dana', theme: 'dark', editor: { fontSize: 18, spellcheck: true } });
    const reread = new SettingsService(electronStoreBackend({ cwd }));
    expect(reread.get()).toMatchObject({ userName: 'Dana', theme: 'dark', editor: { fontSize: 18, spellcheck: true } });
  });

  it('refuses an invalid update and keeps what was there', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tandem-settings-'));
    const s = new SettingsService(electronStoreBackend({ cwd }));
    expect(() => s.update({ serverUrl: 'http://not-a-socket' })).toThrow(/ws:\/\/ or wss:\/\//);
    expect(() => s.update({ editor: { fontSize: 99 } })).toThrow();
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('resets only the stored fields that no longer validate', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tandem-settings-'));
    new SettingsService(electronStoreBackend({ cwd })).update({ userName: 'Lee', serverUrl: 'wss://sync.example.com' });
    const file = join(cwd, 'settings.json');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.settings.theme = 'neon';
    stored.settings.userColor = 42;
    stored.settings.editor.fontSize = 'huge';
    writeFileSync(file, JSON.stringify(stored));
    expect(new SettingsService(electronStoreBackend({ cwd })).get()).toEqual({
      ...DEFAULT_SETTINGS, userName: 'Lee', serverUrl: 'wss://sync.example.com',
    });
  });

  it('survives a settings file that is not JSON at all', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tandem-settings-'));
    writeFileSync(join(cwd, 'settings.json'), '{{{ not json');
    expect(new SettingsService(electronStoreBackend({ cwd })).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('repairs anything into valid settings', () => {
    for (const raw of [null, 7, 'x', [], { editor: null }, { recentWorkspaces: 'nope' }]) {
      expect(repairSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('keeps the ten most recent workspaces, newest first, without duplicates', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tandem-settings-'));
    const s = new SettingsService(electronStoreBackend({ cwd }));
    for (let i = 0; i < 12; i++) s.rememberWorkspace(`/plans/${i}`);
    s.rememberWorkspace('/plans/5');
    const recent = s.get().recentWorkspaces;
    expect(recent[0]).toBe('/plans/5');
    expect(recent).toHaveLength(10);
    expect(new Set(recent).size).toBe(10);
  });
});
