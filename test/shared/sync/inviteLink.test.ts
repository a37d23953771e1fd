import { inviteLink, takeInviteToken, takeLaunchKey } from '../../../shared/sync/inviteLink';
import { launchLink } from '../../../shared/sync/launchKey';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJ3b3Jrc3BhY2VJZCI6IndzXzEifQ.c2lnbmF0dXJl';

describe('invite links', () => {
  it('carry the token in the fragment, so it never reaches a server log', () => {
    expect(inviteLink('http://192.168.1.20:4444', TOKEN)).toBe(`http://192.168.1.20:4444/#token=${TOKEN}`);
    expect(inviteLink('http://192.168.1.20:4444/', 'a b&c')).toBe('http://192.168.1.20:4444/#token=a%20b%26c');
  });

  it('round-trip: the page reads back the token the link was built with, and the address bar is left clean', () => {
    const link = new URL(inviteLink('http://127.0.0.1:9', 'a b&c=d'));
    expect(takeInviteToken(link)).toEqual({ token: 'a b&c=d', hash: '', search: '' });
  });

  it('accept the older query form and the workspace hint older links carried', () => {
    expect(takeInviteToken({ hash: '', search: `?token=${TOKEN}` })).toEqual({ token: TOKEN, hash: '', search: '' });
    expect(takeInviteToken({ hash: `#workspace=ws_1&token=${TOKEN}`, search: '' })).toEqual({ token: TOKEN, hash: '', search: '' });
  });

  it('prefer the fragment and keep every other part of the address', () => {
    expect(takeInviteToken({ hash: `#token=${TOKEN}&plan=p_1`, search: '?token=old&lang=en' }))
      .toEqual({ token: TOKEN, hash: '#plan=p_1', search: '?lang=en' });
  });

  it('find nothing in an address without a token and leave it as it is', () => {
    expect(takeInviteToken({ hash: '#plan=p_1', search: '?lang=en' })).toEqual({ token: null, hash: '#plan=p_1', search: '?lang=en' });
    expect(takeInviteToken({ hash: '#token=', search: '' })).toEqual({ token: null, hash: '#token=', search: '' });
    expect(takeInviteToken({ hash: '', search: '' })).toEqual({ token: null, hash: '', search: '' });
  });
});

describe('web mode launch address', () => {
  it('gives the page its launch key and leaves the rest of the address as it was', () => {
    const link = new URL(launchLink('http://127.0.0.1:4321', 'k_1-2'));
    expect(link.href).toBe('http://127.0.0.1:4321/#launch=k_1-2');
    expect(takeLaunchKey(link)).toEqual({ launchKey: 'k_1-2', hash: '', search: '' });
    expect(takeLaunchKey({ hash: '#launch=k&plan=p_1', search: '?lang=en' })).toEqual({ launchKey: 'k', hash: '#plan=p_1', search: '?lang=en' });
    expect(takeLaunchKey({ hash: '', search: '?launch=k' })).toEqual({ launchKey: null, hash: '', search: '?launch=k' });
  });
});
