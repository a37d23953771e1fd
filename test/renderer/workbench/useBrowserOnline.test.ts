import { shownConnection } from '../../../renderer/workbench/useBrowserOnline';

describe('shown connection', () => {
  it('is offline as soon as the browser says so, whatever the socket still claims', () => {
    expect(shownConnection('connected', false)).toBe('offline');
    expect(shownConnection('connecting', false)).toBe('offline');
    expect(shownConnection('connected', true)).toBe('connected');
  });

  it('leaves a local-only workspace local-only', () => {
    expect(shownConnection('local-only', false)).toBe('local-only');
  });
});
