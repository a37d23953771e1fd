import { createToken, verifyToken } from '../../../main/server/index';
import { TokenError } from '../../../main/server/tokens';
import { SECRET } from './helpers';

describe('workspace tokens', () => {
  it('carries workspace, name and role, and verifies with the same secret only', async () => {
    const token = await createToken(SECRET, { workspaceId: 'ws1', name: 'Ana', role: 'viewer', ttl: '2h' });
    expect(await verifyToken(SECRET, token)).toEqual({ workspaceId: 'ws1', name: 'Ana', role: 'viewer' });
    await expect(verifyToken('a-different-secret-entirely', token)).rejects.toThrow(TokenError);
    const [h, , sig] = token.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ workspaceId: 'ws1', name: 'Ana', role: 'editor', exp: 9e9 })).toString('base64url')}.${sig}`;
    await expect(verifyToken(SECRET, tampered)).rejects.toThrow(/not valid/);
  });

  it('refuses bad requests with a clear message', async () => {
    await expect(createToken(SECRET, { workspaceId: 'ws1', name: 'Ana', role: 'editor', ttl: 'forever' })).rejects.toThrow(/duration/);
    await expect(createToken('short', { workspaceId: 'ws1', name: 'Ana', role: 'editor' })).rejects.toThrow(/at least 16/);
    await expect(createToken(SECRET, { workspaceId: '../etc', name: 'Ana', role: 'editor' })).rejects.toThrow();
  });
});
