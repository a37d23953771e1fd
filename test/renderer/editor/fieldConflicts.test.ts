import * as Y from 'yjs';
import { YjsEditor } from '@slate-yjs/core';
import { newGoal, newStageMatrix, paragraph } from '../../../shared/model/blocks';
import { type GoalElement, type StageMatrixElement } from '../../../shared/model/elements';
import { keepSetFieldHistory } from '../../../shared/conflicts/replacedValues';
import { watchConflicts } from '../../../shared/conflicts/watchConflicts';
import { FieldConflicts, setTrackedField } from '../../../renderer/editor/fieldConflicts';
import { clearField } from '../../../renderer/editor/nullFields';
import { bind, docContent, planDocWith } from './harness';

/** One person's device with the plan open as the app opens it: the document watched before it loads. */
function device(name: string, state: Uint8Array, clientID: number) {
  const doc = new Y.Doc({ gcFilter: keepSetFieldHistory });
  doc.clientID = clientID;
  const stop = watchConflicts(doc, { me: { name, device: `device-${name}` } });
  Y.applyUpdate(doc, state, 'disk');
  const bound = bind(doc, name);
  const conflicts = new FieldConflicts(doc, `device-${name}`);
  const set = (path: number[], field: string, value: unknown) => {
    setTrackedField(bound.editor, conflicts, path, field, value);
    YjsEditor.flushLocalChanges(bound.editor);
  };
  const close = () => {
    YjsEditor.disconnect(bound.editor);
    stop();
    return Y.encodeStateAsUpdate(doc);
  };
  return { ...bound, conflicts, set, close, goal: () => bound.editor.children[0] as GoalElement };
}
type Device = ReturnType<typeof device>;

/** A server that garbage-collects replaced values, as the sync server's documents do (all but owners' history). */
function server(content = [newGoal({ title: 'Pipeline', target: 10 }), newStageMatrix(), paragraph()]) {
  const doc = planDocWith(content, new Y.Doc({ gcFilter: keepSetFieldHistory }));
  const sync = (d: Device) => {
    const up = Y.encodeStateAsUpdate(d.doc, Y.encodeStateVector(doc));
    Y.applyUpdate(doc, up, 'client');
    Y.applyUpdate(d.doc, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(d.doc)), 'server');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(d.doc, Y.encodeStateVector(doc)), 'client');
  };
  return { doc, sync, state: () => Y.encodeStateAsUpdate(doc) };
}

describe('FieldConflicts', () => {
  it('tells Ana that Ben, offline, replaced the target she had saved, and restores hers on request', () => {
    const s = server();
    const ana = device('Ana', s.state(), 1);
    const ben = device('Ben', s.state(), 2); // Ben's client id is higher: his value wins the race
    ben.set([0], 'title', 'Pipeline FY27'); // Ben was here before going offline
    s.sync(ben);
    s.sync(ana);
    ana.set([0], 'target', 12);
    s.sync(ana); // the server has Ana's target
    ben.set([0], 'target', 15); // Ben, offline, never saw it
    s.sync(ben);
    s.sync(ana);
    expect(ana.goal().target).toBe(15);
    const goalId = ana.goal().id;
    expect(ana.conflicts.of(goalId)).toEqual([expect.objectContaining({ field: 'target', mine: 12, theirs: 15, by: 'Ben' })]);
    expect(ben.conflicts.of(goalId)).toEqual([]);

    const [c] = ana.conflicts.of(goalId);
    ana.set([0], c!.field, c!.mine);
    expect(ana.conflicts.of(goalId)).toEqual([]);
    s.sync(ana);
    s.sync(ben);
    expect((docContent(ben.doc)[0] as GoalElement).target).toBe(12);
    expect(ben.conflicts.of(goalId)).toEqual([]);
  });

  it('tells the person whose value lost, whichever of the two it is', () => {
    const s = server();
    const ana = device('Ana', s.state(), 1);
    const ben = device('Ben', s.state(), 2);
    const goalId = ana.goal().id;
    ana.set([0], 'status', 'at-risk');
    ben.set([0], 'status', 'off-track');
    ben.set([0], 'rationale', 'Slow quarter');
    ana.set([0], 'rationale', 'Hiring late');
    s.sync(ana);
    s.sync(ben);
    s.sync(ana);
    expect(ana.goal()).toMatchObject({ status: 'off-track', rationale: 'Slow quarter' });
    expect(ana.conflicts.of(goalId).map((c) => [c.field, c.mine, c.theirs])).toEqual(
      expect.arrayContaining([['status', 'at-risk', 'off-track'], ['rationale', 'Hiring late', 'Slow quarter']]));
    expect(ben.conflicts.of(goalId)).toEqual([]);
  });

  it('a notice survives a reload until acted on, and a kept one never comes back', () => {
    const s = server();
    const ana = device('Ana', s.state(), 1);
    const ben = device('Ben', s.state(), 2);
    const goalId = ana.goal().id;
    ana.set([0], 'target', 12);
    ben.set([0], 'target', 15);
    s.sync(ana);
    s.sync(ben);
    s.sync(ana);
    const again = device('Ana', ana.close(), 3);
    expect(again.conflicts.of(goalId)).toEqual([expect.objectContaining({ field: 'target', mine: 12, theirs: 15 })]);
    again.conflicts.keepTheirs(again.conflicts.of(goalId)[0]!);
    s.sync(again);
    const third = device('Ana', again.close(), 4);
    s.sync(third);
    expect(third.conflicts.of(goalId)).toEqual([]);
    expect(third.goal().target).toBe(15);
  });

  it('reaches Ana the next day: she changed the target offline, closed the plan, and Ben’s change arrives after she reopens it', () => {
    const s = server();
    const ana = device('Ana', s.state(), 1);
    ana.set([0], 'title', 'Mine'); // Ana has written to the plan before
    s.sync(ana);
    const ben = device('Ben', s.state(), 9);
    const goalId = ana.goal().id;
    ana.set([0], 'target', 12); // offline
    const stored = ana.close();
    ben.set([0], 'target', 15);
    s.sync(ben);
    const nextDay = device('Ana', stored, 5); // a new session: a new Yjs client id, the same device
    s.sync(nextDay);
    expect(nextDay.goal().target).toBe(15);
    expect(nextDay.conflicts.of(goalId)).toEqual([expect.objectContaining({ field: 'target', mine: 12, theirs: 15, by: 'Ben' })]);
  });

  it('raises nothing when the two changed different fields, or set the same value', () => {
    const s = server();
    const ana = device('Ana', s.state(), 1);
    const ben = device('Ben', s.state(), 2);
    const goalId = ana.goal().id;
    ana.set([0], 'target', 12);
    ben.set([0], 'baseline', 3);
    ana.set([0], 'due', '2027-03-31');
    ben.set([0], 'due', '2027-03-31');
    s.sync(ana);
    s.sync(ben);
    s.sync(ana);
    expect(ana.goal()).toMatchObject({ target: 12, baseline: 3, due: '2027-03-31' });
    expect(ana.conflicts.of(goalId)).toEqual([]);
    expect(ben.conflicts.of(goalId)).toEqual([]);
  });

  it('covers stage cells, keyed by matrix and stage; a cleared owner is a value like any other', () => {
    const s = server();
    const ana = device('Ana', s.state(), 1);
    const ben = device('Ben', s.state(), 2);
    const matrixId = (ana.editor.children[1] as StageMatrixElement).id;
    ben.set([1, 2], 'salesOwner', 'p_ben');
    s.sync(ben);
    s.sync(ana);
    expect(clearField(ana.editor, [1, 2], 'salesOwner')).toBe(true);
    ben.set([1, 2], 'salesOwner', 'p_cy');
    s.sync(ana);
    s.sync(ben);
    s.sync(ana);
    expect(ana.conflicts.of(`${matrixId}:agreement-on-need`)).toEqual([
      expect.objectContaining({ field: 'salesOwner', mine: null, theirs: 'p_cy' }),
    ]);
  });
});

describe('owners merge as a set', () => {
  it('keeps both people’s additions and only the removal that was made, without a notice', () => {
    const s = server([newGoal({ title: 'Pipeline', owners: ['p_ana', 'p_old'] }), paragraph()]);
    const ana = device('Ana', s.state(), 1);
    const ben = device('Ben', s.state(), 2);
    const goalId = ana.goal().id;
    ana.set([0], 'owners', ['p_ana', 'p_old', 'p_cy']); // adds Cy
    ben.set([0], 'owners', ['p_ana', 'p_ben']); // removes Old, adds Ben
    s.sync(ana);
    s.sync(ben);
    s.sync(ana);
    s.sync(ben);
    for (const d of [ana, ben]) expect([...(d.editor.children[0] as GoalElement).owners].sort()).toEqual(['p_ana', 'p_ben', 'p_cy']);
    expect(ana.conflicts.of(goalId)).toEqual([]);
    expect(ben.conflicts.of(goalId)).toEqual([]);
  });

  it('works on a plan saved by an earlier version, whose replaced owners were already discarded', () => {
    // An earlier version: a plain Y.Doc, which threw replaced owner lists away.
    const old = planDocWith([newGoal({ title: 'Pipeline', owners: ['p_a'] }), paragraph()]);
    const plainEditor = bind(old, 'Earlier');
    plainEditor.editor.apply({ type: 'set_node', path: [0], properties: { owners: ['p_a'] }, newProperties: { owners: ['p_a', 'p_b'] } } as never);
    YjsEditor.flushLocalChanges(plainEditor.editor);
    const state = Y.encodeStateAsUpdate(old);
    const ana = device('Ana', state, 11);
    const ben = device('Ben', state, 12);
    ana.set([0], 'owners', ['p_a', 'p_b', 'p_c']);
    ben.set([0], 'owners', ['p_b', 'p_d']); // removes A, adds D
    const srv = new Y.Doc({ gcFilter: keepSetFieldHistory });
    Y.applyUpdate(srv, state);
    for (const d of [ana, ben, ana, ben]) {
      Y.applyUpdate(srv, Y.encodeStateAsUpdate(d.doc));
      Y.applyUpdate(d.doc, Y.encodeStateAsUpdate(srv));
      Y.applyUpdate(srv, Y.encodeStateAsUpdate(d.doc));
    }
    for (const d of [ana, ben]) expect([...(d.editor.children[0] as GoalElement).owners].sort()).toEqual(['p_b', 'p_c', 'p_d']);
  });
});
