import { heading, newAction, newGoal, newStageMatrix, paragraph } from '../../../shared/model/blocks';
import { fieldPath, parseTemplate, TemplateError, templateSummary } from '../../../shared/templates/templateSchema';

const valid = () => ({
  id: 'mini-plan',
  name: 'Mini plan',
  description: 'A small plan for the tests.',
  content: [
    heading(1, 'Goals'),
    { type: 'guidance', children: [{ text: 'Write the goals.' }] },
    newGoal({ id: 'top', title: 'Top' }),
    newGoal({ id: 'sub', title: 'Sub', parentId: 'top' }),
    heading(2, 'Actions'),
    newAction({ id: 'act', title: 'Do it', goalId: 'sub' }),
    heading(3, 'Detail'),
    newStageMatrix(),
    paragraph('end'),
  ],
});

/** The TemplateError a bad template throws. */
function errorOf(json: unknown, file = 'mini-plan.json'): TemplateError {
  try {
    parseTemplate(json, file);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return e as TemplateError;
  }
  throw new Error('the template was accepted');
}

describe('template schema', () => {
  it('accepts a well-formed template and summarises its H1/H2 sections', () => {
    const t = parseTemplate(valid(), 'templates/mini-plan.json');
    expect(templateSummary(t)).toEqual({ id: 'mini-plan', name: 'Mini plan', description: 'A small plan for the tests.', sections: ['Goals', 'Actions'] });
  });

  it('names the file and the field of a missing field', () => {
    const { name: _name, ...noName } = valid();
    const e = errorOf(noName);
    expect([e.file, e.field]).toEqual(['mini-plan.json', 'name']);
    expect(e.message).toMatch(/^mini-plan\.json: name: is missing/);
  });

  it('names the stage field of a stage matrix out of order', () => {
    const t = valid();
    const m = t.content[7] as ReturnType<typeof newStageMatrix>;
    [m.children[2], m.children[3]] = [m.children[3]!, m.children[2]!];
    const e = errorOf(t);
    expect(e.field).toBe('content[7].children');
    expect(e.message).toContain('stages must appear once each, in track-selling order');
  });

  it('names an unknown block type', () => {
    const t = valid() as { content: unknown[] };
    t.content[4] = { type: 'kanban', children: [{ text: '' }] };
    const e = errorOf(t);
    expect(e.field).toBe('content[4].type');
    expect(e.message).toBe('mini-plan.json: content[4].type: unknown block type “kanban”');
  });

  it('names a parent link that points nowhere, and an action goal that points nowhere', () => {
    const t = valid();
    (t.content[3] as ReturnType<typeof newGoal>).parentId = 'gone';
    expect(errorOf(t).message).toBe('mini-plan.json: content[3].parentId: points to goal “gone”, which is not in this template');
    const u = valid();
    (u.content[5] as ReturnType<typeof newAction>).goalId = 'gone';
    expect(errorOf(u).field).toBe('content[5].goalId');
  });

  it('refuses owners, mentions, links to other plans and duplicate ids', () => {
    const owners = valid();
    (owners.content[2] as ReturnType<typeof newGoal>).owners = ['person_ana'];
    expect(errorOf(owners).field).toBe('content[2].owners');

    const stageOwner = valid();
    (stageOwner.content[7] as ReturnType<typeof newStageMatrix>).children[4]!.salesOwner = 'person_ana';
    expect(errorOf(stageOwner).field).toBe('content[7].children[4].salesOwner');

    const mention = valid() as { content: unknown[] };
    mention.content[8] = { type: 'paragraph', children: [{ text: '' }, { type: 'mention', personId: 'p', name: 'P', children: [{ text: '' }] }, { text: '' }] };
    expect(errorOf(mention).field).toBe('content[8].children[1]');

    const crossPlan = valid();
    Object.assign(crossPlan.content[3]!, { parentPlanId: 'other-plan' });
    expect(errorOf(crossPlan).field).toBe('content[3].parentPlanId');

    const dup = valid();
    (dup.content[5] as ReturnType<typeof newAction>).id = 'top';
    expect(errorOf(dup).message).toContain('the id “top” is used by more than one block');
  });

  it('requires the id to match the file name, and a readable id', () => {
    expect(errorOf(valid(), 'other.json').message).toBe('other.json: id: is “mini-plan”, but a template\'s id must match its file name (“other”)');
    expect(errorOf({ ...valid(), id: 'Mini Plan' }, 'Mini Plan.json').field).toBe('id');
  });

  it('rejects bad values inside blocks and unknown keys, counting further problems', () => {
    const t = valid() as { content: Record<string, unknown>[] };
    t.content[2]!.target = 'twelve';
    t.content[2]!.status = 'great';
    const e = errorOf(t);
    expect(e.field).toBe('content[2].target');
    expect(e.message).toMatch(/\(and 1 more problem\)$/);
    expect(errorOf({ ...valid(), extra: true }).message).toContain('extra');
    expect(errorOf(null).field).toBe('');
    expect(errorOf({ ...valid(), content: [] }).message).toBe('mini-plan.json: content: a plan needs at least one block');
  });

  it('writes field paths the way people read them', () => {
    expect(fieldPath(['content', 3, 'children', 0, 'stage'])).toBe('content[3].children[0].stage');
    expect(fieldPath([])).toBe('');
  });
});
