/** The packaging configuration is valid for electron-builder and ships what the packaged app looks for. */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
// Read the way `electron-builder --config electron-builder.yml` reads it.
const config = (await getConfig(ROOT, 'electron-builder.yml', null)) as unknown as Record<string, unknown> & {
  linux: { target: string[] }; win: { target: string[] }; mac: { target: string[] };
  extraResources: { from: string; to: string }[]; files: string[]; icon: string;
};

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own schema', async () => {
    await expect(validateConfiguration(config as never, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds Tandem for Linux, Windows and macOS', () => {
    expect(config.appId).toBe('com.tandem.app');
    expect(config.productName).toBe('Tandem');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(existsSync(join(ROOT, config.icon))).toBe(true);
  });

  it('ships the templates where the packaged app reads them, and the entry package.json names', () => {
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'templates', to: 'templates' }));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main/main.mjs');
    expect(JSON.stringify(config.files)).toContain('dist/main/**');
    expect(readFileSync(join(ROOT, 'main/main.ts'), 'utf8')).toContain("join(process.resourcesPath, 'templates')");
  });
});
