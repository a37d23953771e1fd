/**
 * The plan command line on real files in a temp workspace folder: `show` prints Markdown, `diff` the
 * structural diff; bad and non-plan files get one error line and exit code 2. Then git, in a real
 * temp repository, with the two settings the README gives: `git diff` and `git log -p` show plans
 * as readable text.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heading, newGoal, paragraph } from '../../../shared/model/blocks';
import { type PlanContent } from '../../../shared/model/elements';
import { createPlanDoc } from '../../../shared/model/planDoc';
import { initWorkspaceDoc, upsertPerson } from '../../../shared/model/workspaceDoc';
import { encodePlanFile } from '../../../main/storage/planFile';
import { runTandemCli } from '../../../main/cli/tandemCli';

const ROOT = resolve(__dirname, '../../..');
const SCRIPT = join(ROOT, 'scripts', 'tandem.js');
const ana = { id: 'person_ana', name: 'Ana Ruiz', email: 'ana@example.com', team: 'sales' as const, role: 'VP Sales', color: '#3366cc' };
const ben = { id: 'person_ben', name: 'Ben Okafor', email: 'ben@example.com', team: 'marketing' as const, role: 'CMO', color: '#cc6633' };

function planBytes(content: PlanContent, title = 'FY27 joint plan'): Buffer {
  const doc = createPlanDoc({ id: 'plan_fy27', title, templateId: 'annual-joint-plan', period: 'FY27', content });
  return encodePlanFile({ docId: 'plan_fy27', kind: 'plan', writtenAt: new Date().toISOString(), title }, Y.encodeStateAsUpdate(doc));
}

const v1 = (): PlanContent => [
  heading(1, 'Goals'),
  paragraph('We grow revenue by a fifth.'),
  newGoal({ id: 'goal_rev', title: 'Grow revenue', metricName: 'Revenue', metricUnit: '$', target: 1_200_000, owners: [ana.id] }),
];
const v2 = (): PlanContent => [
  heading(1, 'Goals'),
  paragraph('We grow revenue by a quarter.'),
  newGoal({ id: 'goal_rev', title: 'Grow revenue', metricName: 'Revenue', metricUnit: '$', target: 1_500_000, owners: [ben.id] }),
];

function run(argv: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = runTandemCli(argv, { out: (s) => { out += s; }, err: (s) => { err += s; }, cwd });
  return { code, out, err };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-cli-'));
  mkdirSync(join(dir, '.tandem'));
  const ws = initWorkspaceDoc(new Y.Doc(), { id: 'ws_cli', name: 'CLI' });
  upsertPerson(ws, ana);
  upsertPerson(ws, ben);
  writeFileSync(join(dir, '.tandem', 'workspace.tandem'), encodePlanFile({ docId: 'workspace', kind: 'workspace', writtenAt: new Date().toISOString() }, Y.encodeStateAsUpdate(ws)));
  writeFileSync(join(dir, 'a.tandem'), planBytes(v1()));
  writeFileSync(join(dir, 'b.tandem'), planBytes(v2()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tandem show / diff', () => {
  it('show prints the plan as Markdown, owners by name from the workspace', () => {
    const { code, out, err } = run(['show', 'a.tandem'], dir);
    expect([code, err]).toEqual([0, '']);
    expect(out).toContain('# FY27 joint plan');
    expect(out).toContain('We grow revenue by a fifth.');
    expect(out).toContain('owned by Ana Ruiz');
    expect(out).toContain('$1,200,000');
  });

  it('diff prints the structural diff: the target, the owner, the prose', () => {
    const { code, out } = run(['diff', 'a.tandem', 'b.tandem'], dir);
    expect(code).toBe(0);
    expect(out).toContain('--- a.tandem: FY27 joint plan (FY27)');
    expect(out).toContain('~ goal “Grow revenue”: target $1,200,000 → $1,500,000');
    expect(out).toContain('~ goal “Grow revenue”: owners Ana Ruiz → Ben Okafor');
    expect(out).toContain('~ We grow revenue by a [-fifth-]{+quarter+}.');
    expect(run(['diff', 'a.tandem', 'a.tandem'], dir).out).toContain('No changes.');
  });

  it('bad and non-plan files get one clear error line and exit code 2', () => {
    writeFileSync(join(dir, 'notes.tandem'), 'just some text, not a plan\n');
    const good = planBytes(v1());
    writeFileSync(join(dir, 'cut.tandem'), good.subarray(0, good.length - 10));
    const flipped = Buffer.from(good);
    flipped[flipped.length - 5]! ^= 0xff;
    writeFileSync(join(dir, 'flipped.tandem'), flipped);
    const cases: Array<[string[], RegExp]> = [
      [['show', 'missing.tandem'], /^tandem: missing\.tandem: no such file$/],
      [['show', 'notes.tandem'], /^tandem: notes\.tandem: the file is not a Tandem document \(wrong signature\)$/],
      [['show', 'cut.tandem'], /^tandem: cut\.tandem: the file is truncated/],
      [['diff', 'a.tandem', 'flipped.tandem'], /^tandem: flipped\.tandem: the file is damaged \(checksum mismatch\)$/],
      [['show', '.tandem/workspace.tandem'], /^tandem: \.tandem\/workspace\.tandem: is a Tandem workspace file, not a plan$/],
      [['show', '.tandem'], /^tandem: \.tandem: is a folder, not a plan file$/],
      [['show'], /^usage: tandem show/],
      [['frobnicate', 'a.tandem'], /^usage: tandem show/],
    ];
    for (const [argv, message] of cases) {
      const { code, out, err } = run(argv, dir);
      expect({ argv, code, out }).toEqual({ argv, code: 2, out: '' });
      expect(err.trimEnd().split('\n')).toHaveLength(1);
      expect(err.trimEnd()).toMatch(message);
    }
  });

  it('runs as a command from any folder, with exit code 2 on a bad file', () => {
    const ok = spawnSync(process.execPath, [SCRIPT, 'show', join(dir, 'b.tandem')], { cwd: tmpdir(), encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('owned by Ben Okafor');
    const bad = spawnSync(process.execPath, [SCRIPT, 'show', join(dir, 'notes.tandem')], { cwd: tmpdir(), encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('git with the textconv driver', () => {
  it('git diff and git log -p show a plan’s change as text', () => {
    const repo = mkdtempSync(join(tmpdir(), 'tandem-git-'));
    try {
      const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo } });
      git('init', '-q');
      git('config', 'user.email', 'ana@example.com');
      git('config', 'user.name', 'Ana');
      // The two settings of the README.
      writeFileSync(join(repo, '.gitattributes'), '*.tandem diff=tandem\n.tandem/** -diff\n');
      git('config', 'diff.tandem.textconv', `${SCRIPT} show`);
      mkdirSync(join(repo, '.tandem'));
      const ws = initWorkspaceDoc(new Y.Doc(), { id: 'ws_git', name: 'Git' });
      upsertPerson(ws, ana);
      upsertPerson(ws, ben);
      writeFileSync(join(repo, '.tandem', 'workspace.tandem'), encodePlanFile({ docId: 'workspace', kind: 'workspace', writtenAt: '' }, Y.encodeStateAsUpdate(ws)));
      writeFileSync(join(repo, 'fy27.tandem'), planBytes(v1()));
      git('add', '-A');
      git('commit', '-qm', 'Board draft');
      writeFileSync(join(repo, 'fy27.tandem'), planBytes(v2()));

      const diff = git('diff');
      expect(diff).toContain('-We grow revenue by a fifth.');
      expect(diff).toContain('+We grow revenue by a quarter.');
      expect(diff).toMatch(/^-.*owned by Ana Ruiz/m);
      expect(diff).toMatch(/^\+.*owned by Ben Okafor/m);
      expect(diff).toMatch(/^\+.*\$1,500,000/m);
      expect(diff).not.toContain('Binary files');

      git('commit', '-qam', 'Re-plan');
      const log = git('log', '-p', '--', 'fy27.tandem');
      expect(log).toContain('Re-plan');
      expect(log).toMatch(/^-.*\$1,200,000/m);
      expect(log).toMatch(/^\+.*\$1,500,000/m);
      expect(log).toContain('+# FY27 joint plan'); // the first commit, as text too

      // Without the settings, git sees only bytes.
      rmSync(join(repo, '.gitattributes'));
      expect(git('log', '-p', '-1', '--', 'fy27.tandem')).toContain('Binary files');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
