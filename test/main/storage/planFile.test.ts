import * as Y from 'yjs';
import { CorruptFileError, decodeHeader, decodePlanFile, encodePlanFile } from '../../../main/storage/planFile';

const header = { docId: 'plan_abc123', kind: 'plan' as const, writtenAt: '2026-01-01T00:00:00.000Z' };

function sampleState(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hello plan');
  return Y.encodeStateAsUpdate(doc);
}

describe('plan file format', () => {
  it('round-trips header and Yjs state', () => {
    const state = sampleState();
    const { header: h, state: s } = decodePlanFile(encodePlanFile(header, state));
    expect(h).toEqual(header);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, s);
    expect(doc.getText('t').toString()).toBe('hello plan');
  });

  it('reads the header alone from the first bytes', () => {
    const file = encodePlanFile(header, sampleState());
    expect(decodeHeader(file.subarray(0, 100)).header.docId).toBe('plan_abc123');
  });

  it('refuses every truncation with a readable reason', () => {
    const file = encodePlanFile(header, sampleState());
    for (let cut = 0; cut < file.length; cut++) {
      expect(() => decodePlanFile(file.subarray(0, cut)), `cut at ${cut}`).toThrow(CorruptFileError);
    }
  });

  it('detects a flipped byte in the state by its checksum', () => {
    const file = encodePlanFile(header, sampleState());
    file[file.length - 3]! ^= 0xff;
    expect(() => decodePlanFile(file)).toThrow(/checksum/);
  });

  it('refuses other files and newer formats', () => {
    expect(() => decodePlanFile(Buffer.from('{"not":"a plan"}'))).toThrow(/not a Tandem document/);
    const newer = encodePlanFile(header, sampleState());
    newer.writeUInt16LE(99, 8);
    expect(() => decodePlanFile(newer)).toThrow(/newer Tandem/);
  });
});
