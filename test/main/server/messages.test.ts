import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { decodeMessage, encodeAwareness, encodeSyncStep1, encodeUpdate, ProtocolError } from '../../../main/server/messages';
import { seededRandom } from './seededRandom';

function clientFrames(): Uint8Array[] {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hello world');
  doc.getMap('goal').set('target', 100);
  const step2 = encoding.createEncoder();
  encoding.writeVarUint(step2, 0);
  syncProtocol.writeSyncStep2(step2, doc);
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalStateField('user', { name: 'Ana' });
  const frames = [encodeSyncStep1(doc), encoding.toUint8Array(step2), encodeUpdate(Y.encodeStateAsUpdate(doc)),
    encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])), new Uint8Array([3])];
  awareness.destroy();
  return frames;
}

describe('decodeMessage', () => {
  it('decodes every message the stock client sends', () => {
    expect(clientFrames().map((f) => decodeMessage(f).kind)).toEqual(['sync-step1', 'sync-step2', 'update', 'awareness', 'query-awareness']);
  });

  it('refuses unknown types, truncation and trailing bytes', () => {
    const [step1, , update] = clientFrames();
    expect(() => decodeMessage(new Uint8Array([])) ).toThrow(ProtocolError);
    expect(() => decodeMessage(new Uint8Array([2]))).toThrow(/unknown message type 2/);
    expect(() => decodeMessage(new Uint8Array([0, 9, 0]))).toThrow(/unknown sync message type 9/);
    expect(() => decodeMessage(update!.subarray(0, update!.length - 3))).toThrow(ProtocolError);
    expect(() => decodeMessage(new Uint8Array([...step1!, 0]))).toThrow(/unexpected bytes/);
  });

  it('throws only ProtocolError on 20,000 seeded random and mutated frames', () => {
    const random = seededRandom(42);
    const valid = clientFrames();
    const kinds = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      let bytes: Uint8Array;
      if (i % 2 === 0) {
        bytes = new Uint8Array(Math.floor(random() * 48));
        for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(random() * 256);
      } else {
        const source = valid[Math.floor(random() * valid.length)]!;
        bytes = source.slice(0, Math.max(1, Math.floor(random() * (source.length + 1))));
        const flips = 1 + Math.floor(random() * 3);
        for (let k = 0; k < flips; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      }
      try {
        const kind = decodeMessage(bytes).kind;
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      } catch (err) {
        if (!(err instanceof ProtocolError)) throw new Error(`frame [${bytes.join(',')}] threw ${String(err)}`);
        kinds.set('refused', (kinds.get('refused') ?? 0) + 1);
      }
    }
    // The corpus exercises both paths, or the test proves nothing.
    expect(kinds.get('refused')).toBeGreaterThan(1000);
    expect([...kinds.keys()].filter((k) => k !== 'refused').length).toBeGreaterThanOrEqual(3);
  });
});
