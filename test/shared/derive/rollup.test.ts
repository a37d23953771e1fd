import { newGoal } from '../../../shared/model/blocks';
import { formatQuantity, isAdditiveUnit, ownProgress, rollupProgress } from '../../../shared/derive/rollup';
import { withoutFields } from './planFixture';

describe('own progress of a goal', () => {
  it('measures (current − baseline) / (target − baseline)', () => {
    expect(ownProgress(newGoal({ baseline: 10, target: 20, current: 15 }))).toEqual({ ratio: 0.5, basis: 'metric' });
    expect(ownProgress(newGoal({ target: 200, current: 50 })).ratio).toBe(0.25);
  });

  it('handles goals that go down, and clamps to 0..1', () => {
    expect(ownProgress(newGoal({ baseline: 8, target: 5, current: 6.5 })).ratio).toBeCloseTo(0.5);
    expect(ownProgress(newGoal({ baseline: 10, target: 20, current: 30 })).ratio).toBe(1);
    expect(ownProgress(newGoal({ baseline: 10, target: 20, current: 4 })).ratio).toBe(0);
  });

  it('treats a target equal to the baseline as reached or not', () => {
    expect(ownProgress(newGoal({ baseline: 5, target: 5, current: 5 })).ratio).toBe(1);
    expect(ownProgress(newGoal({ baseline: 5, target: 5, current: 4 })).ratio).toBe(0);
  });

  it('counts a done goal as complete, whatever its numbers', () => {
    expect(ownProgress(newGoal({ status: 'done', target: 100, current: 1 }))).toEqual({ ratio: 1, basis: 'status' });
    expect(ownProgress(newGoal({ status: 'done' })).ratio).toBe(1);
  });

  it('says why nothing can be measured', () => {
    expect(ownProgress(newGoal({ current: 3 }))).toEqual({ ratio: null, basis: 'none', note: 'no target set' });
    expect(ownProgress(newGoal({ target: 3 }))).toEqual({ ratio: null, basis: 'none', note: 'no current value yet' });
  });
});

describe('rollup from sub-goals', () => {
  const parent = newGoal({ title: 'Revenue', metricUnit: '$', target: 1000 });

  it('prefers the goal’s own measurement to its sub-goals', () => {
    const measured = newGoal({ metricUnit: '$', target: 1000, current: 900 });
    const child = newGoal({ metricUnit: '$', target: 500, current: 0 });
    expect(rollupProgress(measured, [ownProgress(child)], [child])).toEqual({ ratio: 0.9, basis: 'metric' });
  });

  it('sums sub-goals in the parent’s additive unit toward the parent’s target', () => {
    const a = newGoal({ metricUnit: '$', target: 600, current: 300 });
    const b = newGoal({ metricUnit: ' $ ', target: 400, current: 100 });
    const other = newGoal({ metricUnit: 'leads', target: 10, current: 10 });
    const p = rollupProgress(parent, [a, b, other].map(ownProgress), [a, b, other]);
    expect(p.ratio).toBeCloseTo(0.4);
    expect(p.basis).toBe('children');
    expect(p.note).toBe('$400 from 2 sub-goals toward $1,000');
  });

  it('starts the sum from the sub-goals’ own baselines', () => {
    const a = newGoal({ metricUnit: '$', baseline: 400, target: 600, current: 500 });
    const b = newGoal({ metricUnit: '$', baseline: 200, target: 400, current: 300 });
    expect(rollupProgress(parent, [a, b].map(ownProgress), [a, b]).ratio).toBeCloseTo(0.5);
  });

  it('averages sub-goal ratios, equally weighted, when units differ or are rates', () => {
    const winRate = newGoal({ metricUnit: '%', target: 30 });
    const a = newGoal({ metricUnit: '%', baseline: 20, target: 30, current: 25 });
    const b = newGoal({ metricUnit: 'days', baseline: 10, target: 5, current: 5 });
    const c = newGoal({ title: 'not measurable' });
    const p = rollupProgress(winRate, [a, b, c].map(ownProgress), [a, b, c]);
    expect(p).toEqual({ ratio: 0.75, basis: 'children', note: 'average of 2 sub-goals (1 not measurable yet)' });
  });

  it('uses the sub-goals’ rolled-up progress, not only their own numbers', () => {
    const child = newGoal({ metricUnit: 'leads' });
    const p = rollupProgress(parent, [{ ratio: 0.3, basis: 'children' }], [child]);
    expect(p.ratio).toBeCloseTo(0.3);
  });

  it('is not measurable when no sub-goal is', () => {
    const child = newGoal();
    expect(rollupProgress(newGoal(), [ownProgress(child)], [child])).toEqual({ ratio: null, basis: 'none', note: 'no sub-goal is measurable yet' });
    expect(rollupProgress(newGoal(), [], []).basis).toBe('none');
  });

  it('still counts a done parent as complete', () => {
    const child = newGoal({ metricUnit: '$', target: 10, current: 0 });
    expect(rollupProgress(newGoal({ status: 'done' }), [ownProgress(child)], [child]).ratio).toBe(1);
  });
});

describe('units', () => {
  it('knows which units add up', () => {
    expect(['$', 'M$', 'leads', 'customers', 'EUR'].every(isAdditiveUnit)).toBe(true);
    expect(['%', 'NPS', 'days', 'pts', '', ' % '].some(isAdditiveUnit)).toBe(false);
  });

  it('writes quantities the way people do', () => {
    expect(formatQuantity(48000000, '$')).toBe('$48,000,000');
    expect(formatQuantity(33, '%')).toBe('33%');
    expect(formatQuantity(1400, 'leads')).toBe('1,400 leads');
    expect(formatQuantity(null, 'leads')).toBe('? leads');
    expect(formatQuantity(2.5, '')).toBe('2.5');
  });
});

describe('goals with cleared fields', () => {
  it('reads a field the editor removed (set to null) as empty', () => {
    const goal = newGoal({ target: 10, current: 5 }) as Partial<ReturnType<typeof newGoal>>;
    delete goal.baseline;
    expect(ownProgress(goal as ReturnType<typeof newGoal>).ratio).toBe(0.5);
    delete goal.target;
    expect(ownProgress(goal as ReturnType<typeof newGoal>)).toMatchObject({ ratio: null, note: 'no target set' });
  });
});

describe('the worked example of docs/plan-model.md', () => {
  it('rolls $12.5M of new business and $31M of renewals up to 44% of a $48M revenue goal', () => {
    const revenue = newGoal({ metricUnit: '$', baseline: 40e6, target: 48e6 });
    const newBusiness = newGoal({ metricUnit: '$', baseline: 11e6, target: 14e6, current: 12.5e6 });
    const renewals = newGoal({ metricUnit: '$', baseline: 29e6, target: 34e6, current: 31e6 });
    const p = rollupProgress(revenue, [newBusiness, renewals].map(ownProgress), [newBusiness, renewals]);
    expect(p.ratio).toBeCloseTo(0.4375);
    expect(p.note).toBe('$3.5M of the $8M increase, from 2 sub-goals');
  });
});

describe('sub-goals that add up toward a parent with a baseline', () => {
  it('count what they add toward the parent’s increase: $800k of the $2M increase is 40%, not 7%', () => {
    const revenue = newGoal({ metricUnit: '$', baseline: 10e6, target: 12e6 });
    const newLogos = newGoal({ metricUnit: '$', target: 1.2e6, current: 500e3 });
    const upsell = newGoal({ metricUnit: '$', target: 800e3, current: 300e3 });
    const p = rollupProgress(revenue, [newLogos, upsell].map(ownProgress), [newLogos, upsell]);
    expect(p.ratio).toBeCloseTo(0.4);
    expect(p.note).toBe('$800k of the $2M increase, from 2 sub-goals');
  });
});

describe('goals whose empty fields are absent (as Slate keeps them)', () => {
  it('read an absent target, current or baseline as empty', () => {
    const noTarget = withoutFields(newGoal({ current: 3 }), 'target', 'parentId', 'baseline');
    expect(ownProgress(noTarget)).toEqual({ ratio: null, basis: 'none', note: 'no target set' });
    const noBaseline = withoutFields(newGoal({ target: 10, current: 5 }), 'baseline');
    expect(ownProgress(noBaseline)).toEqual({ ratio: 0.5, basis: 'metric' });
    const parent = withoutFields(newGoal({ target: 100, metricUnit: 'deals' }), 'current');
    const kids = [withoutFields(newGoal({ metricUnit: 'deals', current: 40 }), 'baseline', 'target'), withoutFields(newGoal({ metricUnit: 'deals' }), 'current')];
    expect(rollupProgress(parent, kids.map(ownProgress), kids)).toMatchObject({ ratio: 0.4, basis: 'children' });
  });

  it('format an absent value as unknown', () => {
    expect(formatQuantity(withoutFields(newGoal(), 'target').target, 'deals')).toBe('? deals');
  });
});
