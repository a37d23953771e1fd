/**
 * The Electron runtime is the one thing these Node tests cannot have: this is what `vi.mock('electron')`
 * returns. It holds only what electron-store and our modules touch at import time.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const userDataDir = mkdtempSync(join(tmpdir(), 'tandem-userdata-'));

export function electronMock() {
  const app = { getPath: () => userDataDir, getVersion: () => '0.1.0', isPackaged: false };
  const ipcMain = { on: () => {}, handle: () => {}, removeHandler: () => {} };
  const shell = { openExternal: async () => {}, trashItem: async () => {} };
  return { default: { app, ipcMain, shell }, app, ipcMain, shell };
}
