/** The editions room's write policy, on the change a client's update makes to a scratch copy. */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createPlanDoc } from '../../../shared/model/planDoc';
import { paragraph } from '../../../shared/model/blocks';
import { approveEdition, editionsArray, requestSignoff, saveEdition } from '../../../shared/editions/editionsDoc';
import { editionsWriteProblems, type EditionsWriter } from '../../../shared/editions/editionsPolicy';

const plan = createPlanDoc({ id: 'plan_fy27', title: 'FY27', templateId: 'annual-joint-plan', period: 'FY27', content: [paragraph('We grow.')] });
const clone = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

/** The editions document with one edition by Ana, and what `change` (made on a client's copy) would do to it. */
function attempt(change: (client: Y.Doc, editionId: string) => void, writer: EditionsWriter): string[] {
  const server = new Y.Doc();
  const first = saveEdition(plan, server, { name: 'Board draft', author: 'Ana', id: 'edition_one' });
  approveEdition(server, { editionId: first.id, by: 'Ana' });
  const client = clone(server);
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  change(client, first.id);
  const scratch = clone(server);
  for (const u of updates) Y.applyUpdate(scratch, u);
  return editionsWriteProblems(server, scratch, writer);
}

const marc: EditionsWriter = { name: 'Marc', role: 'editor' };

describe('editionsWriteProblems', () => {
  it('lets an editor save an edition, ask for sign-off and approve in their own name', () => {
    expect(attempt((c, id) => {
      saveEdition(plan, c, { name: 'Approved FY27', author: 'Marc' });
      requestSignoff(c, { editionId: id, people: ['person_ana', 'person_marc'], requestedBy: 'Marc' });
      approveEdition(c, { editionId: id, by: 'Marc' });
    }, marc)).toEqual([]);
  });

  it('refuses commenters and viewers, whatever they write', () => {
    const approve = (c: Y.Doc, id: string) => void approveEdition(c, { editionId: id, by: 'Marc' });
    expect(attempt(approve, { name: 'Marc', role: 'commenter' })).toEqual(['a commenter cannot save editions or sign off; only editors can']);
    expect(attempt(approve, { name: 'Marc', role: 'viewer' })).toEqual(['a viewer cannot save editions or sign off; only editors can']);
  });

  it('refuses an approval, an edition or a request in someone else’s name', () => {
    expect(attempt((c, id) => void approveEdition(c, { editionId: id, by: 'Ana' }), marc)).toEqual([
      expect.stringMatching(/^approvals: “approval_\w+” is written in the name of Ana, but the invite is Marc’s$/),
    ]);
    expect(attempt((c) => void saveEdition(plan, c, { name: 'Forged', author: 'Ana' }), marc)).toHaveLength(1);
    expect(attempt((c, id) => void requestSignoff(c, { editionId: id, people: ['p'], requestedBy: 'Ana' }), marc)).toHaveLength(1);
  });

  it('refuses removing or rewriting a record, reusing an id, and approving an edition that does not exist', () => {
    expect(attempt((c) => editionsArray(c, 'approvals').delete(0, 1), marc)).toEqual(['records of an editions document cannot be changed or removed']);
    expect(attempt((c) => {
      const old = editionsArray(c, 'editions').get(0) as Record<string, unknown>;
      c.transact(() => {
        editionsArray(c, 'editions').delete(0, 1);
        editionsArray(c, 'editions').insert(0, [{ ...old, name: 'Renamed', author: 'Marc' }]);
      });
    }, marc)).toEqual(['records of an editions document cannot be changed or removed']);
    expect(attempt((c) => {
      const old = editionsArray(c, 'editions').get(0) as Record<string, unknown>;
      editionsArray(c, 'editions').push([{ ...old, name: 'Again', author: 'Marc' }]);
    }, marc)).toEqual(['editions: “edition_one” already exists']);
    expect(attempt(() => {}, marc)).toEqual([]);
    expect(attempt((c) => void approveEdition(c, { editionId: 'edition_nope', by: 'Marc' }), marc)).toEqual([expect.stringMatching(/is of an edition that does not exist$/)]);
  });

  it('refuses malformed records and anything outside the three arrays', () => {
    expect(attempt((c) => editionsArray(c, 'approvals').push([{ id: 'approval_x', by: 'Marc' }]), marc)[0]).toMatch(/^approvals: a malformed record/);
    expect(attempt((c) => editionsArray(c, 'approvals').push([new Y.Map()]), marc)[0]).toMatch(/^approvals: a malformed record/);
    expect(attempt((c) => c.getMap('plan').set('hidden', 1), marc)).toEqual(['“plan” is not part of an editions document']);
  });
});
