import { copyFile, mkdir, mkdtemp, readdir, readFile, realpath, rename, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as Y from 'yjs';
import { createPlanDoc, planMetaMap, readPlanContent, readPlanMeta } from '../../../shared/model/planDoc';
import { PLAN_TITLE_MAX } from '../../../shared/model/planTitle';
import { peopleMap, planIndexMap, readPeople, readPlanIndex, upsertPerson, WORKSPACE_DOC_ID } from '../../../shared/model/workspaceDoc';
import { WRONG_VALUES } from '../../support/wrongValues';
import { decodePlanFile, encodePlanFile } from '../../../main/storage/planFile';
import { ROOM_PART } from '../../../shared/sync/rooms';
import { loadTemplates } from '../../../main/templates/loadTemplates';
import { UnreadableDocumentError } from '../../../main/storage/documentStore';
import { childPath, OutsideWorkspaceError } from '../../../main/workspace/safePath';
import { WorkspaceFolder, type WorkspaceFolderOptions } from '../../../main/workspace/workspaceFolder';
import { type LogEntry } from '../../../main/server/log';

let base: string;
let root: string;
let trashDir: string;
const open: WorkspaceFolder[] = [];

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'tandem-ws-'));
  root = join(base, 'plans');
  trashDir = join(base, 'trash');
  await mkdir(root);
  await mkdir(trashDir);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
  await rm(base, { recursive: true, force: true });
});

async function openFolder(extra: Partial<WorkspaceFolderOptions> = {}, location = root): Promise<WorkspaceFolder> {
  const f = await WorkspaceFolder.open(location, {
    templates: () => loadTemplates(),
    // The system trash is the platform's; here it is a folder beside the workspace.
    trash: (path) => rename(path, join(trashDir, basename(path))),
    watch: false,
    ...extra,
  });
  open.push(f);
  return f;
}

const docOf = (bytes: Uint8Array) => {
  const d = new Y.Doc();
  Y.applyUpdate(d, bytes);
  return d;
};

describe('workspace folder', () => {
  it('creates its .tandem folder and keeps one workspace id across openings', async () => {
    const f = await openFolder();
    expect(f.info.id).toMatch(ROOM_PART);
    expect(f.info.name).toBe('plans');
    await f.close();
    open.length = 0;
    expect((await openFolder()).info.id).toBe(f.info.id);
    expect(await readdir(join(root, '.tandem'))).toContain('workspace.tandem');
  });

  it('creates a plan from a template as one <slug>.tandem file, and lists it', async () => {
    const f = await openFolder();
    const plan = await f.createPlan({ templateId: 'annual-joint-plan', title: 'FY27 Joint Plan' });
    expect(plan).toMatchObject({ title: 'FY27 Joint Plan', templateId: 'annual-joint-plan' });
    expect(await readdir(root)).toContain('fy27-joint-plan.tandem');
    expect((await f.listPlans()).map((p) => p.id)).toEqual([plan.id]);
    const doc = docOf(await f.load(plan.id));
    expect(readPlanMeta(doc).title).toBe('FY27 Joint Plan');
    expect(readPlanContent(doc).length).toBeGreaterThan(3);
    expect(readPlanIndex(docOf(await f.load(WORKSPACE_DOC_ID))).map((e) => e.title)).toEqual(['FY27 Joint Plan']);
  });

  it('cascades: a plan created under a goal of another plan links its top goals to it', async () => {
    const f = await openFolder();
    const parent = await f.createPlan({ templateId: 'annual-joint-plan', title: 'Company' });
    const child = await f.createPlan({
      templateId: 'team-cascade-plan', title: 'EMEA team', parent: { planId: parent.id, goalId: 'goal_parent1', team: 'marketing' },
    });
    const goals = readPlanContent(docOf(await f.load(child.id))).filter((n) => 'type' in n && n.type === 'goal');
    const linked = goals.filter((g) => 'parentId' in g && g.parentId === 'goal_parent1' && g.parentPlanId === parent.id);
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.map((g) => 'team' in g && g.team)).toEqual(linked.map(() => 'marketing'));
  });

  it('lists plans from their file headers without opening them', async () => {
    const f = await openFolder();
    const plan = await f.createPlan({ templateId: 'campaign-plan', title: 'Listed' });
    await f.close();
    open.length = 0;
    const again = await openFolder();
    expect(await again.listPlans()).toEqual([expect.objectContaining({ id: plan.id, title: 'Listed', templateId: 'campaign-plan' })]);
    expect(again.store.isOpen(plan.id)).toBe(false);
  });

  it('refuses an unknown template with a clear error', async () => {
    const f = await openFolder();
    await expect(f.createPlan({ templateId: 'no-such', title: 'x' })).rejects.toThrow(/no template "no-such"/);
  });

  it('renames a plan and its file, duplicates it, and deletes it to the trash', async () => {
    const f = await openFolder();
    const plan = await f.createPlan({ templateId: 'campaign-plan', title: 'Spring launch' });
    const renamed = await f.renamePlan(plan.id, 'Summer launch');
    expect(renamed.title).toBe('Summer launch');
    expect(await readdir(root)).toContain('summer-launch.tandem');
    expect(await readdir(root)).not.toContain('spring-launch.tandem');
    expect(readPlanMeta(docOf(await f.load(plan.id))).title).toBe('Summer launch');

    const copy = await f.duplicatePlan(plan.id);
    expect(copy.id).not.toBe(plan.id);
    expect(copy.title).toBe('Summer launch (copy)');
    expect((await f.listPlans()).map((p) => p.title)).toEqual(['Summer launch', 'Summer launch (copy)']);

    await f.deletePlan(plan.id);
    expect(await readdir(trashDir)).toEqual(['summer-launch.tandem']);
    expect((await f.listPlans()).map((p) => p.id)).toEqual([copy.id]);
    await expect(f.load(plan.id)).rejects.toThrow(/no plan/);
  });

  it('saves updates durably and loads them after reopening', async () => {
    const f = await openFolder();
    const plan = await f.createPlan({ templateId: 'campaign-plan', title: 'Launch' });
    const renderer = docOf(await f.load(plan.id));
    let update: Uint8Array | null = null;
    renderer.once('update', (u: Uint8Array) => { update = u; });
    renderer.getMap('meta').set('period', 'Q3 2027');
    await f.save(plan.id, update!);
    await f.close();
    open.length = 0;
    expect(readPlanMeta(docOf(await (await openFolder()).load(plan.id))).period).toBe('Q3 2027');
  });

  it('re-indexes and announces a plan retitled in the editor', async () => {
    const announced: string[][] = [];
    const f = await openFolder({ onPlansChanged: (p) => announced.push(p.map((x) => x.title)) });
    const plan = await f.createPlan({ templateId: 'campaign-plan', title: 'Draft' });
    const renderer = docOf(await f.load(plan.id));
    let update: Uint8Array | null = null;
    renderer.once('update', (u: Uint8Array) => { update = u; });
    renderer.getMap('meta').set('title', 'Final');
    await f.save(plan.id, update!);
    await vi.waitFor(() => expect(announced.at(-1)).toEqual(['Final']));
    expect(readPlanIndex(docOf(await f.load(WORKSPACE_DOC_ID))).map((e) => e.title)).toEqual(['Final']);
  });

  it('refuses bytes that are not a Yjs update and keeps the plan as it was', async () => {
    const f = await openFolder();
    const plan = await f.createPlan({ templateId: 'campaign-plan', title: 'Launch' });
    const before = await f.load(plan.id);
    await expect(f.save(plan.id, new Uint8Array([255, 255, 255, 255, 1]))).rejects.toThrow(/not a valid Yjs update; nothing was saved/);
    expect(await f.load(plan.id)).toEqual(before);
  });
});

describe('workspace folder refuses to leave the folder', () => {
  it('rejects traversing ids and names', async () => {
    const f = await openFolder();
    for (const bad of ['../x', '..', '/etc/passwd', 'a/b', 'C:\\x', '']) {
      await expect(f.load(bad), bad).rejects.toThrow(/not a valid document id/);
      await expect(f.save(bad, new Uint8Array()), bad).rejects.toThrow(/not a valid document id/);
    }
    for (const name of ['../x.tandem', '/etc/passwd', 'a/b.tandem', '..', '.']) {
      expect(() => childPath(root, '', name), name).toThrow(OutsideWorkspaceError);
    }
  });

  it('keeps a title full of path characters inside the folder', async () => {
    const f = await openFolder();
    await f.createPlan({ templateId: 'campaign-plan', title: '../../etc/passwd' });
    expect(await readdir(root)).toContain('etc-passwd.tandem');
    expect(await readdir(base)).toEqual(['plans', 'trash']);
  });

  it('ignores a plan file that is a symbolic link to outside, and never reads or writes through it', async () => {
    const f = await openFolder();
    const plan = await f.createPlan({ templateId: 'campaign-plan', title: 'Real' });
    const outside = join(base, 'outside.tandem');
    await copyFile(join(root, 'real.tandem'), outside);
    await rm(join(root, 'real.tandem'));
    await symlink(outside, join(root, 'real.tandem'));
    const before = await readFile(outside);
    await f.close();
    open.length = 0;
    const again = await openFolder();
    expect(await again.listPlans()).toEqual([]);
    await expect(again.load(plan.id)).rejects.toThrow(/no plan/);
    expect(await readFile(outside)).toEqual(before);
  });

  it('refuses a workspace whose .tandem folder links outside', async () => {
    const elsewhere = join(base, 'elsewhere');
    await mkdir(elsewhere);
    await symlink(elsewhere, join(root, '.tandem'));
    await expect(openFolder()).rejects.toThrow(OutsideWorkspaceError);
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('refuses a location that is not a folder', async () => {
    await writeFile(join(base, 'file.txt'), 'x');
    await expect(openFolder({}, join(base, 'file.txt'))).rejects.toThrow(/not a folder Tandem can open/);
  });
});

describe('damaged files and files changed by other programs', () => {
  it('moves a truncated plan aside with a clear message; the other plans keep working', async () => {
    const unreadable: UnreadableDocumentError[] = [];
    const f = await openFolder({ onUnreadable: (e) => unreadable.push(e) });
    const good = await f.createPlan({ templateId: 'campaign-plan', title: 'Good' });
    const bad = await f.createPlan({ templateId: 'campaign-plan', title: 'Bad' });
    await f.close();
    open.length = 0;
    const bytes = await readFile(join(root, 'bad.tandem'));
    await writeFile(join(root, 'bad.tandem'), bytes.subarray(0, Math.floor(bytes.length / 2)));

    const again = await openFolder({ onUnreadable: (e) => unreadable.push(e) });
    // Listed from its intact header until someone opens it; opening finds the damage.
    await expect(again.load(bad.id)).rejects.toThrow(UnreadableDocumentError);
    expect((await again.listPlans()).map((p) => p.id)).toEqual([good.id]);
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]!.message).toMatch(/"bad\.tandem" could not be opened: the file is truncated.*moved it aside to "bad\.tandem\.corrupt-/);
    const aside = (await readdir(root)).find((n) => n.startsWith('bad.tandem.corrupt-'))!;
    expect(await readFile(join(root, aside))).toEqual(bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(again.load(bad.id)).rejects.toThrow(/no plan/);
    // The rest of the workspace keeps working.
    const renderer = docOf(await again.load(good.id));
    let update: Uint8Array | null = null;
    renderer.once('update', (u: Uint8Array) => { update = u; });
    renderer.getMap('meta').set('period', 'H2');
    await again.save(good.id, update!);
    await again.createPlan({ templateId: 'campaign-plan', title: 'Another' });
    expect((await again.listPlans()).map((p) => p.title)).toEqual(['Another', 'Good']);
  });

  it('leaves a plan file being written (cut short a moment ago) for the next listing; one that stays cut short is moved aside', async () => {
    const unreadable: UnreadableDocumentError[] = [];
    const f = await openFolder({ onUnreadable: (e) => unreadable.push(e) });
    const plan = await f.createPlan({ templateId: 'campaign-plan', title: 'Source' });
    const bytes = await readFile(join(root, 'source.tandem'));
    // Another program has just started writing a copy: only its first bytes are there.
    await writeFile(join(root, 'copy.tandem'), bytes.subarray(0, 8));
    expect((await f.listPlans()).map((p) => p.id)).toEqual([plan.id]);
    expect(unreadable).toEqual([]);
    expect(await readdir(root)).toContain('copy.tandem');
    // The same bytes a minute later: not being written any more, so damaged.
    const aMinuteAgo = new Date(Date.now() - 60_000);
    await utimes(join(root, 'copy.tandem'), aMinuteAgo, aMinuteAgo);
    await f.listPlans();
    expect(unreadable.map((e) => e.message)).toEqual([expect.stringMatching(/"copy\.tandem" could not be opened: the file is too short/)]);
    expect((await readdir(root)).some((n) => n.startsWith('copy.tandem.corrupt-'))).toBe(true);
  });

  it('moves aside a .tandem file that is not a Tandem document at all', async () => {
    await writeFile(join(root, 'notes.tandem'), 'my notes, not a plan');
    const unreadable: UnreadableDocumentError[] = [];
    const logged: LogEntry[] = [];
    const f = await openFolder({ onUnreadable: (e) => unreadable.push(e), log: (e) => logged.push(e) });
    expect(await f.listPlans()).toEqual([]);
    expect(unreadable.map((e) => e.message)).toEqual([expect.stringMatching(/"notes\.tandem" could not be opened: the file is not a Tandem document/)]);
    expect(logged).toContainEqual(expect.objectContaining({ level: 'warn', event: 'workspace.file_moved_aside', file: join(await realpath(root), 'notes.tandem') }));
    const aside = (await readdir(root)).find((n) => n.startsWith('notes.tandem.corrupt-'))!;
    expect(await readFile(join(root, aside), 'utf8')).toBe('my notes, not a plan');
  });

  it('merges a copy edited elsewhere that a sync tool writes over the open plan, and sends the renderer what it lacks', async () => {
    let external: (value: { docId: string; update: Uint8Array }) => void = () => {};
    const gotExternal = new Promise<{ docId: string; update: Uint8Array }>((resolve) => { external = resolve; });
    const f = await openFolder({ watch: true, onExternalUpdate: (docId, update) => external({ docId, update }) });
    const plan = await f.createPlan({ templateId: 'campaign-plan', title: 'Shared' });

    // A second machine: a copy of the plan file in its own folder, edited there.
    const other = join(base, 'other');
    await mkdir(other);
    await copyFile(join(root, 'shared.tandem'), join(other, 'shared.tandem'));
    const theirs = await WorkspaceFolder.open(other, { templates: () => loadTemplates(), trash: async () => {}, watch: false });
    const theirRenderer = docOf(await theirs.load(plan.id));
    let u: Uint8Array | null = null;
    theirRenderer.once('update', (x: Uint8Array) => { u = x; });
    theirRenderer.getMap('meta').set('period', 'edited elsewhere');
    await theirs.save(plan.id, u!);
    await theirs.close();

    // Here: a local edit, saved (journaled, not yet in the file).
    const renderer = docOf(await f.load(plan.id));
    renderer.once('update', (x: Uint8Array) => { u = x; });
    renderer.getMap('meta').set('title', 'Shared (edited here)');
    await f.save(plan.id, u!);

    // The sync tool replaces our file with theirs while the plan is open.
    await copyFile(join(other, 'shared.tandem'), join(root, 'shared.tandem.sync-tmp'));
    await rename(join(root, 'shared.tandem.sync-tmp'), join(root, 'shared.tandem'));

    const { docId, update } = await gotExternal;
    expect(docId).toBe(plan.id);
    Y.applyUpdate(renderer, update);
    const both = { title: 'Shared (edited here)', period: 'edited elsewhere' };
    expect(readPlanMeta(renderer)).toMatchObject(both);
    expect(readPlanMeta(docOf(await f.load(plan.id)))).toMatchObject(both);
  });

  it('merges a workspace document (people directory) rewritten by a sync tool', async () => {
    let external: (docId: string) => void = () => {};
    const got = new Promise<string>((resolve) => { external = resolve; });
    const f = await openFolder({ watch: true, onExternalUpdate: (docId) => external(docId) });
    const elsewhere = docOf(await f.load(WORKSPACE_DOC_ID));
    upsertPerson(elsewhere, { id: 'person_dana1', name: 'Dana Ruiz', email: 'dana@example.com', team: 'sales', role: 'VP Sales', color: '#ef4444' });
    const fileDoc = docOf(await f.load(WORKSPACE_DOC_ID));
    Y.applyUpdate(fileDoc, Y.encodeStateAsUpdate(elsewhere));
    const tmp = join(root, '.tandem', 'incoming');
    await writeFile(tmp, encodePlanFile({ docId: WORKSPACE_DOC_ID, kind: 'workspace', writtenAt: '' }, Y.encodeStateAsUpdate(fileDoc)));
    await rename(tmp, join(root, '.tandem', 'workspace.tandem'));
    expect(await got).toBe(WORKSPACE_DOC_ID);
    expect(readPeople(docOf(await f.load(WORKSPACE_DOC_ID))).map((p) => p.name)).toEqual(['Dana Ruiz']);
  });

  it('keeps both plans when another plan\'s file is copied over an open one', async () => {
    const f = await openFolder();
    const a = await f.createPlan({ templateId: 'campaign-plan', title: 'Alpha' });
    const b = await f.createPlan({ templateId: 'campaign-plan', title: 'Beta' });
    await f.load(a.id);
    await copyFile(join(root, 'beta.tandem'), join(root, 'alpha.tandem'));
    await f.syncFromDisk(['alpha.tandem']);
    const plans = await f.listPlans();
    expect(plans.map((p) => [p.id, p.title])).toEqual([[a.id, 'Alpha'], [b.id, 'Beta']]);
    expect(readPlanMeta(docOf(await f.load(a.id))).title).toBe('Alpha');
    expect(await readdir(root)).toEqual(expect.arrayContaining(['alpha.tandem', `alpha-${a.id}.tandem`, 'beta.tandem']));
  });

  it('keeps both plans when a listing runs between the copy over an open plan and the sync', async () => {
    const f = await openFolder();
    const a = await f.createPlan({ templateId: 'campaign-plan', title: 'Alpha' });
    const b = await f.createPlan({ templateId: 'campaign-plan', title: 'Beta' });
    await f.load(a.id);
    await copyFile(join(root, 'beta.tandem'), join(root, 'alpha.tandem'));
    await f.listPlans(); // e.g. the explorer refreshing: it now finds Beta's id under alpha.tandem
    await f.syncFromDisk(['alpha.tandem']);
    expect((await f.listPlans()).map((p) => [p.id, p.title])).toEqual([[a.id, 'Alpha'], [b.id, 'Beta']]);
    expect(readPlanMeta(docOf(await f.load(a.id))).title).toBe('Alpha');
    expect(await readdir(root)).toEqual(expect.arrayContaining([`alpha-${a.id}.tandem`]));
  });
});

describe('workspace folder with a very long title', () => {
  const longTitle = 'Q'.repeat(70_000);

  it('lists a plan whose file header holds a 70,000-character title, and never moves it aside', async () => {
    const doc = createPlanDoc({ id: 'plan_longtitle1', title: 'x', templateId: 'campaign-plan', period: 'FY27', content: [] });
    planMetaMap(doc).set('title', longTitle); // as a colleague can over sync
    const path = join(root, 'long.tandem');
    await writeFile(path, encodePlanFile({ docId: 'plan_longtitle1', kind: 'plan', writtenAt: '2026-01-01T00:00:00.000Z', title: longTitle }, Y.encodeStateAsUpdate(doc)));
    await utimes(path, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const unreadable: UnreadableDocumentError[] = [];
    const f = await openFolder({ onUnreadable: (e) => unreadable.push(e) });
    const plans = await f.listPlans();
    expect(plans.map((p) => p.id)).toEqual(['plan_longtitle1']);
    expect(plans[0]!.title).toBe('Q'.repeat(PLAN_TITLE_MAX));
    expect(unreadable).toEqual([]);
    expect(await readdir(root)).toEqual(expect.not.arrayContaining([expect.stringContaining('.corrupt-')]));
    expect(readPlanMeta(docOf(await f.load('plan_longtitle1'))).title).toHaveLength(PLAN_TITLE_MAX);
  });

  it('keeps the title limit for a title set over sync: the index, the file header and the listing stay short', async () => {
    const f = await openFolder();
    const plan = await f.createPlan({ templateId: 'campaign-plan', title: 'Draft' });
    const renderer = docOf(await f.load(plan.id));
    let update: Uint8Array | null = null;
    renderer.once('update', (u: Uint8Array) => { update = u; });
    planMetaMap(renderer).set('title', longTitle);
    await f.save(plan.id, update!);
    await f.store.compact(plan.id);
    expect(readPlanIndex(docOf(await f.load(WORKSPACE_DOC_ID)))[0]!.title).toHaveLength(PLAN_TITLE_MAX);
    const file = (await readdir(root)).find((n) => n !== '.tandem' && n.endsWith('.tandem'))!;
    expect(decodePlanFile(await readFile(join(root, file))).header.title).toHaveLength(PLAN_TITLE_MAX);
    await f.close();
    open.length = 0;
    expect((await (await openFolder()).listPlans()).map((p) => p.id)).toEqual([plan.id]);
  });

  it('refuses to rename a plan to a title over the limit', async () => {
    const f = await openFolder();
    const plan = await f.createPlan({ templateId: 'campaign-plan', title: 'Draft' });
    await expect(f.renamePlan(plan.id, 'x'.repeat(PLAN_TITLE_MAX + 1))).rejects.toThrow(/at most 200 characters/);
    expect((await f.listPlans())[0]!.title).toBe('Draft');
  });
});

describe('workspace folder with a plan that claims a newer schema', () => {
  it('keeps saving the user\'s edits after a colleague set meta.schemaVersion to 999 over sync, and opens it again', async () => {
    const f = await openFolder();
    const plan = await f.createPlan({ templateId: 'campaign-plan', title: 'Launch' });
    const renderer = docOf(await f.load(plan.id));
    const updates: Uint8Array[] = [];
    renderer.on('update', (u: Uint8Array) => updates.push(u));
    planMetaMap(renderer).set('schemaVersion', 999);
    await f.save(plan.id, updates.at(-1)!);
    planMetaMap(renderer).set('period', 'Q4 2027');
    await expect(f.save(plan.id, updates.at(-1)!)).resolves.toBeUndefined();
    await f.close();
    open.length = 0;
    const again = await openFolder();
    expect((await again.listPlans()).map((p) => p.id)).toEqual([plan.id]);
    expect(readPlanMeta(docOf(await again.load(plan.id)))).toMatchObject({ period: 'Q4 2027', schemaVersion: 999 });
  });
});

describe('workspace folder with a workspace document holding entries of every wrong type', () => {
  for (const { kind, make } of WRONG_VALUES) {
    it(`keeps indexing, renaming and reopening plans when a plan's index entry is ${kind}`, async () => {
      const f = await openFolder();
      const plan = await f.createPlan({ templateId: 'campaign-plan', title: 'Launch' });
      const renderer = docOf(await f.load(WORKSPACE_DOC_ID));
      const updates: Uint8Array[] = [];
      renderer.on('update', (u: Uint8Array) => updates.push(u));
      renderer.transact(() => {
        planIndexMap(renderer).set(plan.id, make());
        peopleMap(renderer).set('person_bad', make());
      });
      await f.save(WORKSPACE_DOC_ID, updates.at(-1)!);
      await f.renamePlan(plan.id, 'Launch v2');
      expect(readPlanIndex(docOf(await f.load(WORKSPACE_DOC_ID))).map((e) => e.title)).toEqual(['Launch v2']);
      await f.close();
      open.length = 0;
      expect((await (await openFolder()).listPlans()).map((p) => p.title)).toEqual(['Launch v2']);
    });
  }
});

describe('documents beside a plan in a workspace folder', () => {
  /** An update of a fresh renderer-side copy of `docId` that does `f`. */
  const edit = async (f: WorkspaceFolder, docId: string, change: (d: Y.Doc) => void) => {
    const copy = docOf(await f.load(docId));
    let update: Uint8Array | null = null;
    copy.once('update', (u: Uint8Array) => { update = u; });
    change(copy);
    await f.save(docId, update!);
  };

  it('keeps a plan\'s comments in .tandem/comments/<planId>.tandem, journaled, across reopening and renaming', async () => {
    const f = await openFolder({ compactEvery: 2 });
    const plan = await f.createPlan({ templateId: 'campaign-plan', title: 'Launch' });
    const docId = `${plan.id}/comments`;
    expect(docOf(await f.load(docId)).getMap('threads').size).toBe(0);
    expect(await readdir(join(root, '.tandem', 'comments')), 'nothing is written before a comment is').toEqual([]);

    await edit(f, docId, (d) => d.getMap('threads').set('t1', 'first'));
    expect(await readdir(join(root, '.tandem', 'journal'))).toContain(`${plan.id}.comments.journal`);
    await edit(f, docId, (d) => d.getMap('threads').set('t2', 'second')); // the second save compacts into the file
    const file = decodePlanFile(await readFile(join(root, '.tandem', 'comments', `${plan.id}.tandem`)));
    expect(file.header).toMatchObject({ docId, kind: 'comments' });
    await f.renamePlan(plan.id, 'Renamed launch');
    await edit(f, docId, (d) => d.getMap('threads').set('t3', 'third, journaled only'));
    await f.close();
    open.length = 0;

    const again = await openFolder();
    expect(docOf(await again.load(docId)).getMap('threads').toJSON()).toEqual({ t1: 'first', t2: 'second', t3: 'third, journaled only' });
    // The plan is untouched by its comments, and lists as before.
    expect(docOf(await again.load(plan.id)).getMap('threads').size).toBe(0);
    expect((await again.listPlans()).map((p) => p.title)).toEqual(['Renamed launch']);
  });

  it('refuses the side documents of a plan the folder does not hold, and kinds it does not know', async () => {
    const f = await openFolder();
    await expect(f.load('plan_nothere/comments')).rejects.toThrow(/no plan "plan_nothere"/);
    await expect(f.save('plan_nothere/comments', Y.encodeStateAsUpdate(new Y.Doc()))).rejects.toThrow(/no plan "plan_nothere"/);
    const plan = await f.createPlan({ templateId: 'campaign-plan', title: 'Launch' });
    for (const bad of [`${plan.id}/notes`, 'workspace/comments', `${plan.id}/comments/x`, `../${plan.id}/comments`]) {
      await expect(f.load(bad), bad).rejects.toThrow(/not a valid document id/);
    }
    expect(await readdir(join(root, '.tandem', 'comments'))).toEqual([]);
  });

  it('deletes a plan\'s comments to the trash with the plan, and does not copy them into a duplicate', async () => {
    const f = await openFolder();
    const plan = await f.createPlan({ templateId: 'campaign-plan', title: 'Launch' });
    await edit(f, `${plan.id}/comments`, (d) => d.getMap('threads').set('t1', 'on the original'));
    const copy = await f.duplicatePlan(plan.id);
    expect(docOf(await f.load(`${copy.id}/comments`)).getMap('threads').size).toBe(0);

    await f.deletePlan(plan.id);
    expect((await readdir(trashDir)).sort()).toEqual(['launch.tandem', `${plan.id}.tandem`]);
    expect(await readdir(join(root, '.tandem', 'comments'))).toEqual([]);
    expect((await readdir(join(root, '.tandem', 'journal'))).filter((n) => n.startsWith(plan.id))).toEqual([]);
    await expect(f.load(`${plan.id}/comments`)).rejects.toThrow(/no plan/);
  });

  it('merges comments a sync tool writes over the open comments file, and sends the renderer what it lacks', async () => {
    let external: (value: { docId: string; update: Uint8Array }) => void = () => {};
    const gotExternal = new Promise<{ docId: string; update: Uint8Array }>((resolve) => { external = resolve; });
    const f = await openFolder({ watch: true, onExternalUpdate: (docId, update) => external({ docId, update }) });
    const plan = await f.createPlan({ templateId: 'campaign-plan', title: 'Shared' });
    const docId = `${plan.id}/comments`;
    await edit(f, docId, (d) => d.getMap('threads').set('here', 'written here'));

    const theirs = new Y.Doc();
    theirs.getMap('threads').set('there', 'written on another machine');
    const path = join(root, '.tandem', 'comments', `${plan.id}.tandem`);
    await writeFile(`${path}.sync-tmp`, encodePlanFile({ docId, kind: 'comments', writtenAt: new Date().toISOString() }, Y.encodeStateAsUpdate(theirs)));
    await rename(`${path}.sync-tmp`, path);

    const got = await gotExternal;
    expect(got.docId).toBe(docId);
    expect(docOf(got.update).getMap('threads').toJSON()).toEqual({ there: 'written on another machine' });
    expect(docOf(await f.load(docId)).getMap('threads').toJSON()).toEqual({ here: 'written here', there: 'written on another machine' });
  });
});
