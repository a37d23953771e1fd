import { SessionPool } from '../../../renderer/workbench/sessionPool';

describe('session pool', () => {
  it('shares one session per document and destroys it when the last holder releases it', () => {
    const destroyed: string[] = [];
    let opened = 0;
    const pool = new SessionPool((docId) => {
      opened++;
      return { docId, destroy: () => destroyed.push(docId) };
    });
    const a1 = pool.acquire('a');
    const a2 = pool.acquire('a');
    expect(a1).toBe(a2);
    expect(opened).toBe(1);
    pool.release('a');
    expect(destroyed).toEqual([]);
    expect(pool.peek('a')).toBe(a1);
    pool.release('a');
    expect(destroyed).toEqual(['a']);
    expect(pool.peek('a')).toBeUndefined();
    pool.release('a');
    expect(destroyed).toEqual(['a']);
  });

  it('destroys everything it holds on shutdown', () => {
    const destroyed: string[] = [];
    const pool = new SessionPool((docId) => ({ destroy: () => destroyed.push(docId) }));
    pool.acquire('a');
    pool.acquire('b');
    pool.destroyAll();
    expect(destroyed.sort()).toEqual(['a', 'b']);
    expect(pool.size).toBe(0);
  });
});
