/** The organisation's own teams (old team values keep working) and a plan's period with its dates. */
import * as Y from 'yjs';
import { newGoal, paragraph } from '../../../shared/model/blocks';
import { createPlanDoc, readPlanMeta, setPlanPeriod } from '../../../shared/model/planDoc';
import { periodFromLabel, planPeriod } from '../../../shared/model/period';
import { resolveTeam, teamOptions } from '../../../shared/model/teams';
import {
  initWorkspaceDoc, readTeams, readWorkspaceMeta, readWorkspaceSettings, removeTeam, setWorkspaceSettings, teamsMap, upsertPerson, upsertTeam,
  workspaceMetaMap,
} from '../../../shared/model/workspaceDoc';
import { workspaceDocProblems } from '../../../shared/model/workspaceDocSchema';
import { planToMarkdown } from '../../../shared/derive/markdown';
import { readPeople } from '../../../shared/model/workspaceDoc';

/** A workspace document as Tandem wrote it before teams: schema 1, people with the five fixed team values. */
function oldWorkspace(): Y.Doc {
  const doc = new Y.Doc();
  const meta = workspaceMetaMap(doc);
  meta.set('id', 'ws');
  meta.set('name', 'Acme');
  meta.set('schemaVersion', 1);
  upsertPerson(doc, { id: 'person_ana', name: 'Ana', email: '', team: 'sales', role: 'VP Sales', color: '#336699' });
  upsertPerson(doc, { id: 'person_ben', name: 'Ben', email: '', team: 'marketing', role: 'CMO', color: '#993366' });
  return doc;
}

describe('teams', () => {
  it('an old workspace gets the five teams its goals and people already name', () => {
    const doc = oldWorkspace();
    expect(readTeams(doc).map((t) => t.id)).toEqual(['sales', 'marketing', 'joint', 'leadership', 'other']); // read before migrating
    initWorkspaceDoc(doc, { id: 'ws', name: 'Acme' });
    expect(readWorkspaceMeta(doc).schemaVersion).toBe(2);
    expect(teamsMap(doc).size).toBe(5);
    const teams = readTeams(doc);
    expect(readPeople(doc).map((p) => [p.name, resolveTeam(p.team, teams).name, resolveTeam(p.team, teams).kind])).toEqual([
      ['Ana', 'Sales', 'sales'], ['Ben', 'Marketing', 'marketing'],
    ]);
    expect(workspaceDocProblems(doc)).toEqual([]);
    // Migrating again, or by two people at once, changes nothing.
    const twin = new Y.Doc();
    Y.applyUpdate(twin, Y.encodeStateAsUpdate(oldWorkspace()));
    initWorkspaceDoc(twin, { id: 'ws', name: 'Acme' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(twin));
    expect(readTeams(doc)).toEqual(teams);
  });

  it('the organisation names its own; an old value it no longer defines still reads as before', () => {
    const doc = initWorkspaceDoc(new Y.Doc(), { id: 'ws', name: 'Acme' });
    upsertTeam(doc, { id: 'team_west', name: 'West Sales', kind: 'sales' });
    upsertTeam(doc, { id: 'team_demand', name: 'Demand Gen', kind: 'marketing' });
    removeTeam(doc, 'sales');
    const teams = readTeams(doc);
    expect(teams.map((t) => t.name)).toEqual(['Marketing', 'Joint', 'Leadership', 'Other', 'Demand Gen', 'West Sales']);
    expect(resolveTeam('sales', teams)).toEqual({ id: 'sales', name: 'Sales', kind: 'sales' });
    expect(resolveTeam('team_gone', teams)).toEqual({ id: 'team_gone', name: 'team_gone', kind: 'other' });
    expect(teamOptions(teams, 'sales').map((t) => t.id)).toContain('sales');
    const plan = { meta: readPlanMeta(createPlanDoc({ id: 'p', title: 'West Q3', templateId: '', period: '', content: [] })), content: [newGoal({ title: 'West revenue', team: 'team_west' }), paragraph()] };
    expect(planToMarkdown(plan, [], { teams })).toContain('West Sales goal');
  });

  it('skips a malformed team, and the server’s schema check refuses one', () => {
    const doc = initWorkspaceDoc(new Y.Doc(), { id: 'ws', name: 'Acme' });
    const bad = new Y.Map<unknown>();
    teamsMap(doc).set('team_bad', bad);
    bad.set('name', 'Nameless kind');
    bad.set('kind', 'finance');
    teamsMap(doc).set('team_text', 'West');
    const skipped: string[] = [];
    expect(readTeams(doc, (s) => skipped.push(s.key)).map((t) => t.id)).not.toContain('team_bad');
    expect(skipped.sort()).toEqual(['team_bad', 'team_text']);
    expect(workspaceDocProblems(doc).join('\n')).toMatch(/teams\.team_bad: kind/);
    expect(() => upsertTeam(doc, { id: 'team_x', name: ' ', kind: 'sales' })).toThrow(/needs a name/);
  });
});

describe('workspace settings', () => {
  it('default to 30 days without a check-in and a January fiscal year; bad values are refused or read as the default', () => {
    const doc = initWorkspaceDoc(new Y.Doc(), { id: 'ws', name: 'Acme' });
    expect(readWorkspaceSettings(doc)).toEqual({ staleCheckInDays: 30, fiscalYearStartMonth: 1 });
    setWorkspaceSettings(doc, { staleCheckInDays: 14, fiscalYearStartMonth: 2 });
    expect(readWorkspaceSettings(doc)).toEqual({ staleCheckInDays: 14, fiscalYearStartMonth: 2 });
    expect(() => setWorkspaceSettings(doc, { fiscalYearStartMonth: 13 })).toThrow(/1 to 12/);
    workspaceMetaMap(doc).set('staleCheckInDays', 'soon');
    expect(readWorkspaceSettings(doc).staleCheckInDays).toBe(30);
    expect(workspaceDocProblems(doc)).toEqual(['meta.staleCheckInDays is not a valid setting']);
  });
});

describe('a plan’s period', () => {
  it('reads the labels people write, with the workspace’s fiscal year', () => {
    expect(periodFromLabel('FY2027')).toMatchObject({ start: '2027-01-01', end: '2027-12-31' });
    expect(periodFromLabel('FY27', 2)).toMatchObject({ start: '2026-02-01', end: '2027-01-31' });
    expect(periodFromLabel('Q3 FY2027', 2)).toMatchObject({ start: '2026-08-01', end: '2026-10-31' });
    expect(periodFromLabel('FY27 Q4', 7)).toMatchObject({ start: '2027-04-01', end: '2027-06-30' });
    expect(periodFromLabel('Q2 2027')).toMatchObject({ start: '2027-04-01', end: '2027-06-30' });
    expect(periodFromLabel('H2 2027')).toMatchObject({ start: '2027-07-01', end: '2027-12-31' });
    expect(periodFromLabel('Q1 2028')).toMatchObject({ start: '2028-01-01', end: '2028-03-31' });
    expect(periodFromLabel('Spring push')).toBeNull();
    expect(periodFromLabel('Q5 2027')).toBeNull();
  });

  it('keeps its own dates in the plan’s meta, which win over the label', () => {
    const doc = createPlanDoc({ id: 'p', title: 'T', templateId: '', period: 'FY2027', content: [paragraph()] });
    expect(planPeriod(readPlanMeta(doc))).toMatchObject({ start: '2027-01-01', end: '2027-12-31' });
    setPlanPeriod(doc, { label: 'FY2027', start: '2026-11-01', end: '2027-10-31' });
    expect(readPlanMeta(doc)).toMatchObject({ period: 'FY2027', periodStart: '2026-11-01', periodEnd: '2027-10-31' });
    expect(planPeriod(readPlanMeta(doc))).toEqual({ label: 'FY2027', start: '2026-11-01', end: '2027-10-31' });
    setPlanPeriod(doc, { label: 'Q1', start: '2027-03-31', end: '2027-01-01' }); // out of order: the label alone
    expect(readPlanMeta(doc)).toMatchObject({ period: 'Q1', periodStart: null, periodEnd: null });
  });
});
