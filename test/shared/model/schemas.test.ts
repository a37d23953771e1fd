import { newAction, newGoal, newStageMatrix } from '../../../shared/model/blocks';
import { parsePlanContent } from '../../../shared/model/schemas';
import { withoutFields } from '../derive/planFixture';

describe('plan content schema', () => {
  it('reads an empty field that Slate left out (a property set to null is dropped) as null', () => {
    const goal = withoutFields(newGoal({ id: 'g1', title: 'Grow revenue' }), 'target', 'parentId', 'parentPlanId', 'due');
    const action = withoutFields(newAction({ id: 'a1', title: 'Webinar' }), 'goalId', 'owner', 'budget');
    const matrix = newStageMatrix();
    matrix.children[0] = withoutFields(matrix.children[0]!, 'marketingOwner', 'metricTarget');
    const [g, a, m] = parsePlanContent([goal, action, matrix]) as [typeof goal, typeof action, typeof matrix];
    expect(g).toMatchObject({ id: 'g1', target: null, parentId: null, parentPlanId: null, due: null, title: 'Grow revenue' });
    expect(a).toMatchObject({ id: 'a1', goalId: null, owner: null, budget: null });
    expect(m.children[0]).toMatchObject({ marketingOwner: null, metricTarget: null });
  });

  it('still names a field of the wrong type, and a field that is not nullable when it is missing', () => {
    expect(() => parsePlanContent([{ ...newGoal(), target: 'lots' }])).toThrow(/target/);
    expect(() => parsePlanContent([withoutFields(newGoal(), 'title')])).toThrow(/title/);
  });
});
