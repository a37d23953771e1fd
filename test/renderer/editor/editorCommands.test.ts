import { Editor, Transforms } from 'slate';
import { heading, newGoal, paragraph } from '../../../shared/model/blocks';
import { type ActionElement, type GoalElement } from '../../../shared/model/elements';
import { readPlanContent } from '../../../shared/model/planDoc';
import {
  insertAction, insertGoal, insertLink, insertStageMatrix, insertSubGoal, revealBlock, setBlockField, setBlockType, toggleMark,
} from '../../../renderer/editor/editorCommands';
import { at, docContent, edit, open } from './harness';

const goals = (children: unknown[]) => children.filter((n): n is GoalElement => (n as GoalElement).type === 'goal');

describe('editorCommands', () => {
  it('insertGoal replaces the empty paragraph the caret is in and returns the new id', () => {
    const b = open([paragraph('Intro'), paragraph()]);
    edit(b, (e) => Transforms.select(e, at([1, 0], 0)));
    let id = '';
    edit(b, (e) => (id = insertGoal(e, { title: 'Win 40 logos' })));
    expect(b.editor.children[1]).toMatchObject({ type: 'goal', id, title: 'Win 40 logos' });
    expect(b.editor.children).toHaveLength(3); // trailing paragraph
  });

  it('insertSubGoal links the new goal to the goal at or above the caret, after its existing sub-goals', () => {
    const top = newGoal({ title: 'Company', team: 'leadership' });
    const first = newGoal({ title: 'First', parentId: top.id });
    const b = open([top, first, paragraph('after')]);
    edit(b, (e) => Transforms.select(e, Editor.start(e, [0])));
    let id: string | null = null;
    edit(b, (e) => (id = insertSubGoal(e)));
    expect(b.editor.children[2]).toMatchObject({ type: 'goal', id, parentId: top.id, team: 'leadership' });
    expect(goals(readPlanContent(b.doc)).map((g) => g.title)).toEqual(['Company', 'First', '']);
  });

  it('insertSubGoal returns null when there is no goal above', () => {
    const b = open([paragraph('x')]);
    edit(b, (e) => Transforms.select(e, at([0, 0], 0)));
    expect(insertSubGoal(b.editor)).toBeNull();
  });

  it('insertAction under a goal serves that goal; elsewhere it serves none', () => {
    const goal = newGoal({ title: 'G' });
    const b = open([paragraph('a'), goal, paragraph('b')]);
    edit(b, (e) => Transforms.select(e, at([2, 0], 1)));
    edit(b, (e) => insertAction(e, { title: 'Webinar' }));
    edit(b, (e) => Transforms.select(e, at([0, 0], 0)));
    edit(b, (e) => insertAction(e, { title: 'Orphan' }));
    const actions = b.editor.children.filter((n): n is ActionElement => (n as ActionElement).type === 'action');
    expect(actions.find((a) => a.title === 'Webinar')?.goalId).toBe(goal.id);
    expect(actions.find((a) => a.title === 'Orphan')?.goalId ?? null).toBeNull();
  });

  it('insertAction in another section than the goals does not silently serve the goal above it', () => {
    const goal = newGoal({ title: 'Company goal' });
    const b = open([heading(2, 'Goals'), goal, paragraph('why'), heading(2, 'Actions'), paragraph('')]);
    edit(b, (e) => Transforms.select(e, at([4, 0], 0)));
    edit(b, (e) => insertAction(e, { title: 'Webinar' }));
    const action = b.editor.children.find((n): n is ActionElement => (n as ActionElement).type === 'action');
    expect(action?.goalId ?? null).toBeNull();
  });

  it('insertStageMatrix inserts the seven stages', () => {
    const b = open([paragraph()]);
    edit(b, (e) => Transforms.select(e, at([0, 0], 0)));
    edit(b, (e) => insertStageMatrix(e));
    expect(docContent(b.doc)[0]).toMatchObject({ type: 'stage-matrix' });
    expect((docContent(b.doc)[0] as { children: unknown[] }).children).toHaveLength(7);
  });

  it('setBlockType makes headings and lists and back', () => {
    const b = open([paragraph('Title'), paragraph('x')]);
    edit(b, (e) => Transforms.select(e, at([0, 0], 2)));
    edit(b, (e) => setBlockType(e, 'heading-2'));
    expect(b.editor.children[0]).toEqual({ type: 'heading', level: 2, children: [{ text: 'Title' }] });
    edit(b, (e) => setBlockType(e, 'numbered-list'));
    expect(b.editor.children[0]).toEqual({ type: 'numbered-list', children: [{ type: 'list-item', children: [{ text: 'Title' }] }] });
    edit(b, (e) => setBlockType(e, 'numbered-list'));
    expect(b.editor.children[0]).toEqual(paragraph('Title'));
  });

  it('toggleMark marks the selected text and unmarks it again', () => {
    const b = open([paragraph('make bold')]);
    edit(b, (e) => Transforms.select(e, { anchor: at([0, 0], 5), focus: at([0, 0], 9) }));
    edit(b, (e) => toggleMark(e, 'bold'));
    expect(b.editor.children[0]).toEqual({ type: 'paragraph', children: [{ text: 'make ' }, { text: 'bold', bold: true }] });
    edit(b, (e) => toggleMark(e, 'bold'));
    expect(b.editor.children[0]).toEqual(paragraph('make bold'));
  });

  it('insertLink accepts only http(s)', () => {
    const b = open([paragraph('site')]);
    edit(b, (e) => Transforms.select(e, { anchor: at([0, 0], 0), focus: at([0, 0], 4) }));
    expect(insertLink(b.editor, 'javascript:alert(1)')).toBe(false);
    let ok = false;
    edit(b, (e) => (ok = insertLink(e, 'https://tandem.example/plan')));
    expect(ok).toBe(true);
    expect(JSON.stringify(docContent(b.doc)[0])).toContain('"url":"https://tandem.example/plan"');
  });

  it('setBlockField writes a cleared field as an explicit null in the document, and undo brings the value back', () => {
    const b = open([newGoal({ title: 'G', target: 12 }), paragraph()]);
    edit(b, (e) => setBlockField(e, [0], 'target', null));
    expect((docContent(b.doc)[0] as GoalElement).target).toBeNull();
    expect((b.editor.children[0] as GoalElement).target ?? null).toBeNull();
    b.editor.undo();
    expect((docContent(b.doc)[0] as GoalElement).target).toBe(12);
    expect((b.editor.children[0] as GoalElement).target).toBe(12);
  });

  it('revealBlock selects the block with that id, and says false for an unknown id', () => {
    const goal = newGoal({ title: 'Far' });
    const b = open([paragraph('a'), paragraph('b'), goal, paragraph()]);
    expect(revealBlock(b.editor, goal.id)).toBe(true);
    expect(b.editor.selection?.anchor.path.slice(0, 1)).toEqual([2]);
    expect(revealBlock(b.editor, 'goal_missing000')).toBe(false);
  });
});
