import * as Y from 'yjs';
import { planToMarkdown } from '../../../shared/derive/markdown';
import { createPlanDoc, migratePlanDoc, planMetaMap, readPlanMeta, snapshotPlan } from '../../../shared/model/planDoc';
import { paragraph } from '../../../shared/model/blocks';
import {
  peopleMap, planIndexMap, readPeople, readPlanIndex, readWorkspaceMeta, setPlanIndexEntry, upsertPerson, workspaceMetaMap,
  type SkippedEntry,
} from '../../../shared/model/workspaceDoc';
import { WRONG_VALUES } from '../../support/wrongValues';

const ana = { id: 'person_ana', name: 'Ana', email: 'ana@example.com', team: 'sales' as const, role: 'VP Sales', color: '#3366cc' };
const plan = { id: 'plan_good', title: 'FY27', templateId: 'annual', createdAt: '2026-01-01T00:00:00.000Z' };

function workspaceWith(key: string, make: () => unknown): Y.Doc {
  const doc = new Y.Doc();
  upsertPerson(doc, ana);
  setPlanIndexEntry(doc, plan);
  peopleMap(doc).set(key, make());
  planIndexMap(doc).set(key, make());
  return doc;
}

describe('readers of the workspace document, with entries of every wrong type', () => {
  for (const { kind, make } of WRONG_VALUES.filter((v) => !(v.make() instanceof Y.Map))) {
    it(`skips ${kind} in the people directory and the plan index, reports it, and keeps the good entries`, () => {
      const skipped: SkippedEntry[] = [];
      const doc = workspaceWith('plan_bad', make);
      expect(readPeople(doc, (s) => skipped.push(s))).toEqual([ana]);
      expect(readPlanIndex(doc, (s) => skipped.push(s))).toEqual([plan]);
      expect(skipped.map((s) => [s.map, s.key])).toEqual([['people', 'plan_bad'], ['plans', 'plan_bad']]);
      expect(skipped.every((s) => s.reason.length > 0)).toBe(true);
    });
  }

  for (const { kind, make } of WRONG_VALUES.filter((v) => v.make() instanceof Y.Map)) {
    it(`skips a person that is ${kind}, and reads such a plan entry with blank fields`, () => {
      const skipped: SkippedEntry[] = [];
      const doc = workspaceWith('plan_bad', make);
      expect(readPeople(doc, (s) => skipped.push(s))).toEqual([ana]);
      expect(skipped).toEqual([expect.objectContaining({ map: 'people', key: 'plan_bad', reason: expect.stringMatching(/name/) })]);
      expect(readPlanIndex(doc)).toEqual([{ id: 'plan_bad', title: '', templateId: '', createdAt: '' }, plan]);
    });
  }

  it('skips plan-index keys that are not plan ids (the workspace document itself, paths)', () => {
    const doc = new Y.Doc();
    setPlanIndexEntry(doc, plan);
    for (const key of ['workspace', '../etc', '', 'a/b']) planIndexMap(doc).set(key, new Y.Map());
    const skipped: SkippedEntry[] = [];
    expect(readPlanIndex(doc, (s) => skipped.push(s))).toEqual([plan]);
    expect(skipped.map((s) => s.key).sort()).toEqual(['', '../etc', 'a/b', 'workspace']);
  });

  for (const { kind, make } of WRONG_VALUES) {
    it(`writes over ${kind} where a person or a plan entry belongs`, () => {
      const doc = workspaceWith('plan_good', make);
      peopleMap(doc).set(ana.id, make());
      upsertPerson(doc, ana);
      setPlanIndexEntry(doc, plan);
      expect(readPeople(doc)).toEqual([ana]);
      expect(readPlanIndex(doc)).toEqual([plan]);
    });

    it(`reads the workspace identity with ${kind} in its fields`, () => {
      const doc = new Y.Doc();
      for (const key of ['id', 'name', 'schemaVersion']) workspaceMetaMap(doc).set(key, make());
      const meta = readWorkspaceMeta(doc);
      expect(typeof meta.id).toBe('string');
      expect(typeof meta.name).toBe('string');
      expect(Number.isFinite(meta.schemaVersion)).toBe(true);
      expect(meta.id).not.toMatch(/object/);
    });
  }
});

describe('readers of a plan document, with meta entries of every wrong type', () => {
  for (const { kind, make } of WRONG_VALUES) {
    it(`reads, migrates and exports a plan with ${kind} in every meta field`, () => {
      const doc = createPlanDoc({ id: 'plan_x', title: 'T', templateId: 'annual', period: 'FY27', content: [paragraph('Body')] });
      for (const key of ['id', 'title', 'templateId', 'period', 'schemaVersion', 'createdAt']) planMetaMap(doc).set(key, make());
      const meta = readPlanMeta(doc);
      for (const key of ['id', 'title', 'templateId', 'period', 'createdAt'] as const) expect(typeof meta[key]).toBe('string');
      expect(Number.isFinite(meta.schemaVersion)).toBe(true);
      expect(() => migratePlanDoc(doc)).not.toThrow();
      expect(planToMarkdown(snapshotPlan(doc), [ana])).toContain('Body');
    });
  }
});
