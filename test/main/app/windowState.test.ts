import { DEFAULT_WINDOW_STATE, restoreWindowState } from '../../../main/app/windowState';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  it('restores a stored place that a screen still shows', () => {
    const s = { x: 100, y: 80, width: 1200, height: 800, maximized: false };
    expect(restoreWindowState(s, screen)).toEqual(s);
  });

  it('keeps the size but drops a place no screen shows any more (an unplugged monitor)', () => {
    expect(restoreWindowState({ x: 2500, y: 100, width: 1200, height: 800, maximized: true }, screen))
      .toEqual({ width: 1200, height: 800, maximized: true });
  });

  it('falls back to the default for anything invalid', () => {
    for (const bad of [null, 'x', { width: 10, height: 10, maximized: false }, { width: 'wide' }]) {
      expect(restoreWindowState(bad, screen)).toEqual(DEFAULT_WINDOW_STATE);
    }
  });
});
