import { mayWrite, parseDocId, parseRoom, roomName, sideDocId, sideDocIds } from '../../../shared/sync/rooms';

describe('rooms and document ids', () => {
  it('name a plan, the workspace document and the documents beside a plan', () => {
    expect(roomName('ws_1', 'plan_2')).toBe('ws_1/plan_2');
    expect(roomName('ws_1', 'workspace')).toBe('ws_1/workspace');
    expect(roomName('ws_1', sideDocId('plan_2', 'comments'))).toBe('ws_1/plan_2/comments');
    expect(sideDocIds('plan_2')).toEqual(['plan_2/comments', 'plan_2/editions']);
    expect(parseRoom('/ws_1/plan_2')).toEqual({ workspaceId: 'ws_1', docId: 'plan_2', planId: 'plan_2', kind: null });
    expect(parseRoom('/ws_1/plan_2/comments')).toEqual({ workspaceId: 'ws_1', docId: 'plan_2/comments', planId: 'plan_2', kind: 'comments' });
    expect(parseRoom('/ws_1/plan_2/editions')).toMatchObject({ kind: 'editions' });
  });

  it('refuse every other shape: unknown kinds, the workspace document\'s side, extra or empty segments, bad characters', () => {
    for (const path of ['/ws_1', '/ws_1/plan_2/notes', '/ws_1/workspace/comments', '/ws_1/plan_2/comments/x', '/ws_1//comments', '/ws_1/plan_2/', '/ws 1/plan_2', '/ws_1/plan.2/comments', `/ws_1/${'p'.repeat(65)}/comments`]) {
      expect(parseRoom(path), path).toBeNull();
    }
    for (const id of ['plan_2/notes', 'workspace/comments', 'plan_2/comments/x', '/comments', '..', 'plan_2/Comments']) expect(parseDocId(id), id).toBeNull();
    expect(() => roomName('ws_1', 'plan_2/notes')).toThrow(/invalid document id/);
    expect(() => sideDocId('workspace', 'comments')).toThrow(/invalid plan id/);
  });

  it('let editors write everything, commenters only comments, viewers nothing', () => {
    const docs = ['plan_2', 'workspace', 'plan_2/comments', 'plan_2/editions'];
    expect(docs.map((d) => mayWrite('editor', d))).toEqual([true, true, true, true]);
    expect(docs.map((d) => mayWrite('commenter', d))).toEqual([false, false, true, false]);
    expect(docs.map((d) => mayWrite('viewer', d))).toEqual([false, false, false, false]);
  });
});
