import { serverClose } from '../../../shared/sync/serverClose';

describe('what a client does when the server closes', () => {
  it('retries closes a retry can fix, 4429 of older servers and 4500–4599 included', () => {
    for (const code of [1000, 1001, 1006, 1011, 4429, 4503, 4529, 4500]) expect(serverClose(code), String(code)).toEqual({ retry: true });
  });

  it('stops, saying why, for the closes a retry cannot fix', () => {
    for (const code of [4400, 4401, 4403, 4404, 4409, 4410, 4422, 4499]) {
      const close = serverClose(code);
      expect(close.retry, String(code)).toBe(false);
      expect(close.retry === false && close.why.length > 10).toBe(true);
    }
  });
});
