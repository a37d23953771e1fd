import { describe, expect, it } from 'vitest';
import {
  comparesCycles, DIFF_EDITOR, diffId, EDITION_EDITOR, parseDiffId, parseVersion, planOfTab, versionId,
} from '../../../../renderer/contrib/editions/editionRefs';

describe('the editions tabs’ ids', () => {
  it('name an edition and a comparison, and read them back', () => {
    expect(versionId({ planId: 'plan_a', editionId: 'edition_1' })).toBe('plan_a@edition_1');
    expect(versionId({ planId: 'plan_a', editionId: null })).toBe('plan_a');
    const ref = { before: { planId: 'plan_a', editionId: 'edition_1' }, after: { planId: 'plan_a', editionId: null } };
    expect(diffId(ref)).toBe('plan_a@edition_1..plan_a');
    expect(parseDiffId(diffId(ref))).toEqual(ref);
    expect(comparesCycles(ref)).toBe(false);
    expect(comparesCycles(parseDiffId('plan_fy26..plan_fy27')!)).toBe(true);
  });

  it('refuse what they do not know rather than guess', () => {
    for (const bad of ['', '@edition_1', 'plan_a@', 'plan_a@b@c', 'plan/a', 'plan a']) expect(parseVersion(bad)).toBeNull();
    for (const bad of ['plan_a', 'plan_a..', '..plan_a', 'a..b..c', 'plan_a@x..bad id']) expect(parseDiffId(bad)).toBeNull();
  });

  it('say which plan a tab shows: the plan, an edition’s plan, a comparison’s later side', () => {
    expect(planOfTab({ kind: 'plan', id: 'plan_a' })).toBe('plan_a');
    expect(planOfTab({ kind: EDITION_EDITOR, id: 'plan_a@edition_1' })).toBe('plan_a');
    expect(planOfTab({ kind: DIFF_EDITOR, id: 'plan_fy26..plan_fy27' })).toBe('plan_fy27');
    expect(planOfTab({ kind: 'review', id: 'all' })).toBeNull();
    expect(planOfTab(null)).toBeNull();
  });
});
