/**
 * One of every kind of value an editor can write into a Yjs map over sync, none of them what Tandem's
 * readers expect. Each is built fresh, because a Yjs type can sit in one place of one document only.
 */
import * as Y from 'yjs';

export const WRONG_VALUES: { kind: string; make: () => unknown }[] = [
  { kind: 'a number', make: () => 42 },
  { kind: 'a negative fraction', make: () => -1.5 },
  { kind: 'a huge number', make: () => 2 ** 53 },
  { kind: 'a string', make: () => 'not what you expect' },
  { kind: 'an empty string', make: () => '' },
  { kind: 'true', make: () => true },
  { kind: 'false', make: () => false },
  { kind: 'null', make: () => null },
  { kind: 'a list', make: () => [1, 'two', { three: 3 }] },
  { kind: 'a plain object', make: () => ({ title: 7, name: ['x'], nested: { deep: true } }) },
  { kind: 'bytes', make: () => new Uint8Array([1, 2, 3]) },
  { kind: 'a Y.Array', make: () => Y.Array.from([1, 2]) },
  { kind: 'a Y.Text', make: () => new Y.Text('text') },
  { kind: 'a Y.XmlText', make: () => new Y.XmlText('xml') },
  { kind: 'an empty Y.Map', make: () => new Y.Map() },
  {
    kind: 'a Y.Map whose fields have the wrong types',
    make: () => {
      const m = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ title: 5, templateId: ['x'], createdAt: null, name: 9, email: false, team: 'pirates', role: 3, color: 'red' })) m.set(k, v);
      m.set('nested', new Y.Map());
      return m;
    },
  },
];
