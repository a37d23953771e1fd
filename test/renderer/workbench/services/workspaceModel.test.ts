/**
 * The workspace model and the editor service over real Y.Docs (each "session" a document that is
 * ready at once, as one loaded from this machine), with the host's plan list in memory.
 */
import * as Y from 'yjs';
import { type HostServices, type PlanSummary, type Settings } from '../../../../shared/ipc/contract';
import { createPlanDoc } from '../../../../shared/model/planDoc';
import { setPlanIndexEntry, setWorkspaceSettings, upsertTeam, WORKSPACE_DOC_ID } from '../../../../shared/model/workspaceDoc';
import { addCheckIn, checkInsMap } from '../../../../shared/model/checkIns';
import { type CollabSession } from '../../../../renderer/collab/collabSession';
import { registerEditorKind } from '../../../../renderer/workbench/editorKinds';
import { defaultLayout, loadLayout } from '../../../../renderer/workbench/layoutState';
import { EditorService } from '../../../../renderer/workbench/services/editorService';
import { LayoutService } from '../../../../renderer/workbench/services/layoutService';
import { computed } from '../../../../renderer/workbench/services/observable';
import { SNAPSHOT_DEBOUNCE_MS } from '../../../../renderer/workbench/services/planSnapshots';
import { defineDerived, WorkspaceModel } from '../../../../renderer/workbench/services/workspaceModel';
import { SessionPool } from '../../../../renderer/workbench/sessionPool';
import { planEditorKind } from '../../../../renderer/workbench/EditorPane';

const summary = (id: string, title: string): PlanSummary => ({ id, title, templateId: 'campaign-plan', createdAt: '2026-01-01', modifiedAt: '2026-01-01' });
const paragraph = (text: string) => ({ type: 'paragraph' as const, children: [{ text }] });

function workspace(plans: PlanSummary[]) {
  const docs = new Map<string, Y.Doc>();
  for (const p of plans) docs.set(p.id, createPlanDoc({ id: p.id, title: p.title, templateId: p.templateId, period: 'FY27', content: [paragraph(p.title)] }));
  docs.set(WORKSPACE_DOC_ID, new Y.Doc());
  const open: string[] = [];
  const pool = new SessionPool((docId) => {
    open.push(docId);
    return { docId, doc: docs.get(docId) ?? new Y.Doc(), ready: Promise.resolve(), destroy: () => { open.splice(open.indexOf(docId), 1); } } as unknown as CollabSession;
  });
  let listed = plans;
  let listCalls = 0;
  const host = { workspace: { listPlans: async () => { listCalls++; return listed; } } } as unknown as HostServices;
  const events = { on: () => () => {} };
  const model = new WorkspaceModel({ host, events, pool, plans, settings: {} as Settings });
  return {
    model, pool, docs, open,
    setListed: (ps: PlanSummary[]) => { listed = ps; },
    listCalls: () => listCalls,
  };
}

const settle = (ms = SNAPSHOT_DEBOUNCE_MS + 50) => new Promise((r) => setTimeout(r, ms));

describe('workspace model', () => {
  it('keeps a snapshot of every plan, says it is loading until each has arrived, and replaces only the plan that changed', async () => {
    const w = workspace([summary('plan_aaaa', 'Alpha'), summary('plan_bbbb', 'Beta')]);
    expect(w.model.loading.get()).toBe(true);
    await settle();
    expect(w.model.loading.get()).toBe(false);
    const [a, b] = w.model.snapshots.get();
    expect([a!.meta.title, b!.meta.title]).toEqual(['Alpha', 'Beta']);

    w.docs.get('plan_bbbb')!.getMap('meta').set('title', 'Beta 2');
    await settle();
    const [a2, b2] = w.model.snapshots.get();
    expect(a2).toBe(a);
    expect(b2!.meta.title).toBe('Beta 2');
    w.model.dispose();
  });

  it('carries every check-in in the snapshots, reading again only those that changed', async () => {
    const w = workspace([summary('plan_aaaa', 'Alpha')]);
    const doc = w.docs.get('plan_aaaa')!;
    addCheckIn(doc, { goalId: 'goal_a', value: 10, status: 'on-track', confidence: null, note: '', date: '2027-01-31', author: 'Ana' });
    await settle();
    expect(w.model.snapshots.get()[0]!.checkIns!.map((c) => c.value)).toEqual([10]);
    const before = w.model.snapshots.get()[0]!.checkIns;
    doc.getMap('meta').set('title', 'Alpha 2'); // not a check-in: the same list
    await settle();
    expect(w.model.snapshots.get()[0]!.meta.title).toBe('Alpha 2');
    expect(w.model.snapshots.get()[0]!.checkIns).toBe(before);
    addCheckIn(doc, { goalId: 'goal_a', value: 12, status: 'at-risk', confidence: null, note: 'slipped', date: '2027-02-28', author: 'Ben' });
    checkInsMap(doc).set('checkin_bad', { goalId: 'goal_a' }); // unreadable: skipped
    await settle();
    expect(w.model.snapshots.get()[0]!.checkIns!.map((c) => c.value).sort()).toEqual([10, 12]);
    w.model.dispose();
  });

  it('follows the workspace’s teams and settings, and today', async () => {
    const w = workspace([]);
    expect(w.model.teams.get().map((t) => t.name)).toEqual(['Sales', 'Marketing', 'Joint', 'Leadership', 'Other']);
    const ws = w.docs.get(WORKSPACE_DOC_ID)!;
    await settle(10);
    upsertTeam(ws, { id: 'team_west', name: 'West Sales', kind: 'sales' });
    setWorkspaceSettings(ws, { staleCheckInDays: 7 });
    expect(w.model.teams.get().map((t) => t.name)).toContain('West Sales');
    expect(w.model.workspaceSettings.get()).toEqual({ staleCheckInDays: 7, fiscalYearStartMonth: 1 });
    expect(w.model.today.get()).toBe(new Date().toISOString().slice(0, 10));
    w.model.dispose();
  });

  it('computes a derived value once for all its readers, and only when what it reads changed', async () => {
    const w = workspace([summary('plan_aaaa', 'Alpha')]);
    let runs = 0;
    const titles = defineDerived('test.titles', (m) => computed([m.snapshots], (s) => { runs++; return s.map((x) => x.meta.title); }));
    await settle();
    const first = w.model.get(titles).get();
    expect(w.model.get(titles)).toBe(w.model.get(titles));
    expect(w.model.get(titles).get()).toBe(first);
    expect(runs).toBe(1);
    w.model.people.set([]);
    expect(w.model.get(titles).get()).toBe(first);
    expect(runs).toBe(1);
    w.model.dispose();
  });

  it('re-reads the plan list from the host when the workspace doc\'s plan index changes', async () => {
    const w = workspace([summary('plan_aaaa', 'Alpha')]);
    await settle(0);
    const before = w.listCalls();
    w.setListed([summary('plan_aaaa', 'Alpha'), summary('plan_cccc', 'Gamma')]);
    setPlanIndexEntry(w.docs.get(WORKSPACE_DOC_ID)!, { id: 'plan_cccc', title: 'Gamma', templateId: 'campaign-plan', createdAt: '2026-01-01' });
    await settle(100);
    expect(w.listCalls()).toBe(before + 1);
    expect(w.model.plans.get().map((p) => p.title)).toEqual(['Alpha', 'Gamma']);
    w.model.dispose();
  });
});

describe('editor service', () => {
  const offs: (() => void)[] = [];
  afterAll(() => offs.forEach((off) => off()));
  offs.push(registerEditorKind(planEditorKind));
  offs.push(registerEditorKind({ kind: 'review', useTitle: () => 'Plan Review', component: () => null, exists: (id) => id === 'all' }));

  function editors(w: ReturnType<typeof workspace>) {
    const store = new Map<string, string>();
    const layout = new LayoutService(defaultLayout(), { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) }, 'ws');
    return { layout, editors: new EditorService(layout, w.pool, w.model), stored: () => loadLayout({ getItem: (k) => store.get(k) ?? null, setItem: () => {} }, 'ws') };
  }

  it('stores the layout it starts with (a plan opened by a link is there after a reload)', () => {
    const store = new Map<string, string>();
    const start = { ...defaultLayout(), editors: { groups: [{ tabs: ['plan_aaaa'], active: 'plan_aaaa' }], activeGroup: 0, recentlyClosed: [] } };
    new LayoutService(start, { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) }, 'ws');
    expect(loadLayout({ getItem: (k) => store.get(k) ?? null, setItem: () => {} }, 'ws').editors.groups[0]!.tabs).toEqual(['plan_aaaa']);
  });

  it('opens a tab of another kind than a plan, by kind and id, and stores it with the layout', () => {
    const w = workspace([summary('plan_aaaa', 'Alpha')]);
    const { editors: e, stored } = editors(w);
    e.open({ kind: 'review', id: 'all' });
    expect(e.activeInput.get()).toEqual({ kind: 'review', id: 'all' });
    expect(e.activePlanId.get()).toBeNull();
    expect(stored().editors.groups[0]!.tabs).toEqual(['review:all']);
    e.openPlan('plan_aaaa');
    expect(e.activePlanId.get()).toBe('plan_aaaa');
    expect(stored().editors.groups[0]!.tabs).toEqual(['review:all', 'plan_aaaa']);
  });

  it('holds the document of each open plan tab while it is open, and closes the tab of a plan deleted elsewhere', () => {
    const w = workspace([summary('plan_aaaa', 'Alpha'), summary('plan_bbbb', 'Beta')]);
    const { editors: e, layout } = editors(w);
    e.openPlan('plan_aaaa');
    e.openPlan('plan_bbbb', { toSide: true });
    expect([...e.sessions.get().keys()].sort()).toEqual(['plan_aaaa', 'plan_bbbb']);
    e.closeActive();
    expect([...e.sessions.get().keys()]).toEqual(['plan_aaaa']);
    e.open({ kind: 'review', id: 'all' });
    w.model.plans.set([]);
    expect(layout.state.get().editors.groups.flatMap((g) => g.tabs)).toEqual(['review:all']);
    expect(e.sessions.get().size).toBe(0);
    e.reopenClosed();
    expect(e.activeInput.get()).toEqual({ kind: 'review', id: 'all' }); // deleted plans are not offered again
  });
});
