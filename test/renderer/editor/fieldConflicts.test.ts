import * as Y from 'yjs';
import { YjsEditor } from '@slate-yjs/core';
import { newGoal, newStageMatrix, paragraph } from '../../../shared/model/blocks';
import { type GoalElement, type StageMatrixElement } from '../../../shared/model/elements';
import { FieldConflicts, setTrackedField } from '../../../renderer/editor/fieldConflicts';
import { bind, docContent, planDocWith } from './harness';

/** Two users of one plan, apart (offline) until `reconnect`. Ben's client id is higher: his value of a field wins. */
function twoApart(content = [newGoal({ title: 'Pipeline', target: 10 }), newStageMatrix(), paragraph()]) {
  const base = planDocWith(content);
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  docA.clientID = 1;
  docB.clientID = 2;
  Y.applyUpdate(docA, Y.encodeStateAsUpdate(base));
  Y.applyUpdate(docB, Y.encodeStateAsUpdate(base));
  const ana = bind(docA, 'Ana');
  const ben = bind(docB, 'Ben');
  const anaConflicts = new FieldConflicts(() => 'Ben');
  const benConflicts = new FieldConflicts(() => 'Ana');
  anaConflicts.watch(ana.editor);
  benConflicts.watch(ben.editor);
  const reconnect = () => {
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB), 'server');
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA), 'server');
  };
  return { ana, ben, anaConflicts, benConflicts, reconnect };
}
const flush = (...eds: Array<{ editor: YjsEditor }>) => eds.forEach((b) => YjsEditor.flushLocalChanges(b.editor));

describe('FieldConflicts', () => {
  it('tells the user whose unconfirmed value was replaced, and restores it on request', () => {
    const { ana, ben, anaConflicts, reconnect } = twoApart();
    const goalId = (ana.editor.children[0] as GoalElement).id;
    setTrackedField(ana.editor, anaConflicts, [0], 'target', 12);
    setTrackedField(ben.editor, new FieldConflicts(() => ''), [0], 'target', 15);
    flush(ana, ben);
    reconnect();
    flush(ana, ben);
    expect((ana.editor.children[0] as GoalElement).target).toBe(15);
    expect(anaConflicts.of(goalId)).toEqual([expect.objectContaining({ field: 'target', mine: 12, theirs: 15, by: 'Ben' })]);

    const [conflict] = anaConflicts.of(goalId);
    setTrackedField(ana.editor, anaConflicts, [0], conflict!.field, conflict!.mine);
    flush(ana);
    expect(anaConflicts.of(goalId)).toEqual([]);
    expect((docContent(ana.doc)[0] as GoalElement).target).toBe(12);
  });

  it('raises nothing when the two changed different fields (they merge)', () => {
    const { ana, ben, anaConflicts, benConflicts, reconnect } = twoApart();
    const goalId = (ana.editor.children[0] as GoalElement).id;
    setTrackedField(ana.editor, anaConflicts, [0], 'target', 12);
    setTrackedField(ben.editor, benConflicts, [0], 'owners', ['p_ben']);
    flush(ana, ben);
    reconnect();
    flush(ana, ben);
    expect(ana.editor.children[0]).toMatchObject({ target: 12, owners: ['p_ben'] });
    expect(anaConflicts.of(goalId)).toEqual([]);
    expect(benConflicts.of(goalId)).toEqual([]);
  });

  it('raises nothing once the server confirmed the change', () => {
    const { ana, ben, anaConflicts, reconnect } = twoApart();
    const goalId = (ana.editor.children[0] as GoalElement).id;
    setTrackedField(ana.editor, anaConflicts, [0], 'target', 12);
    flush(ana);
    anaConflicts.allConfirmed();
    setTrackedField(ben.editor, new FieldConflicts(() => ''), [0], 'target', 15);
    flush(ben);
    reconnect();
    flush(ana, ben);
    expect(anaConflicts.of(goalId)).toEqual([]);
  });

  it('covers stage cells too, keyed by matrix and stage; a cleared owner is a change like any other', () => {
    const { ana, ben, anaConflicts, reconnect } = twoApart();
    const matrixId = (ana.editor.children[1] as StageMatrixElement).id;
    setTrackedField(ben.editor, new FieldConflicts(() => ''), [1, 2], 'salesOwner', 'p_ben');
    flush(ben);
    reconnect();
    flush(ana, ben);
    setTrackedField(ana.editor, anaConflicts, [1, 2], 'salesOwner', null);
    setTrackedField(ben.editor, new FieldConflicts(() => ''), [1, 2], 'salesOwner', 'p_cy');
    flush(ana, ben);
    reconnect();
    flush(ana, ben);
    expect(anaConflicts.of(`${matrixId}:agreement-on-need`)).toEqual([
      expect.objectContaining({ field: 'salesOwner', mine: null, theirs: 'p_cy' }),
    ]);
  });
});
