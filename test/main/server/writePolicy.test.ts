/**
 * The write checker keeps its scratch copy of a room's document between updates; what it shows a
 * policy as "after" must always be the room's document plus the update, whatever changed the room
 * in between (an accepted update, a change of the server's own, a refusal).
 */
import * as Y from 'yjs';
import { WriteChecker, type WriteAttempt } from '../../../main/server/writePolicy';

const writer = { workspaceId: 'ws1', name: 'Ana', role: 'editor' as const };

/** An update of a fresh client, based on `doc`, that does `f`. */
function updateOn(doc: Y.Doc, f: (d: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const sv = Y.encodeStateVector(copy);
  f(copy);
  return Y.encodeStateAsUpdate(copy, sv);
}

describe('write checker', () => {
  it('shows the policy the room\'s document plus the update, across accepted, refused and out-of-band changes', () => {
    const room = new Y.Doc();
    const seen: unknown[] = [];
    const checker = new WriteChecker({
      roots: { m: Y.Map },
      check: ({ after, before, changed }: WriteAttempt) => {
        seen.push({ after: after.getMap('m').toJSON(), before: before.getMap('m').toJSON(), keys: [...(changed.get(after.getMap('m')) ?? [])] });
        return after.getMap('m').get('bad') ? 'no "bad"' : null;
      },
    }, room);
    const peer = {};
    const apply = (u: Uint8Array) => {
      const why = checker.check(writer, u, peer);
      if (!why) Y.applyUpdate(room, u, peer);
      return why;
    };

    expect(apply(updateOn(room, (d) => d.getMap('m').set('a', 1)))).toBeNull();
    expect(apply(updateOn(room, (d) => d.getMap('m').set('bad', true)))).toBe('no "bad"');
    room.getMap('m').set('server', 'changed it'); // the JSON API, another node: not through the checker
    expect(apply(updateOn(room, (d) => d.getMap('m').set('b', 2)))).toBeNull();
    room.getMap('m').delete('a');
    expect(apply(updateOn(room, (d) => d.getMap('m').set('c', 3)))).toBeNull();
    expect(apply(new Uint8Array([0, 0])), 'an empty update is not even looked at').toBeNull();
    const fromAnotherNode = updateOn(room, (d) => d.getMap('m').set('node', 2));
    checker.follow(fromAnotherNode, 'remote');
    Y.applyUpdate(room, fromAnotherNode, 'remote');
    expect(apply(updateOn(room, (d) => d.getMap('m').set('d', 4)))).toBeNull();

    expect(seen).toEqual([
      { before: {}, after: { a: 1 }, keys: ['a'] },
      { before: { a: 1 }, after: { a: 1, bad: true }, keys: ['bad'] },
      { before: { a: 1, server: 'changed it' }, after: { a: 1, server: 'changed it', b: 2 }, keys: ['b'] },
      { before: { server: 'changed it', b: 2 }, after: { server: 'changed it', b: 2, c: 3 }, keys: ['c'] },
      { before: { server: 'changed it', b: 2, c: 3, node: 2 }, after: { server: 'changed it', b: 2, c: 3, node: 2, d: 4 }, keys: ['d'] },
    ]);
    checker.dispose();
  });
});
