/**
 * Seeded random edits between two snapshots of a plan: goal, action and stage fields set to new
 * values, goals added, removed and re-parented, prose words replaced and paragraphs added. The diff,
 * read back as a description (change ids with their before → after values), must say exactly
 * what was done: nothing missing, nothing invented.
 */
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import { heading, newAction, newGoal, newStageMatrix, paragraph } from '../../../../shared/model/blocks';
import {
  GOAL_STATUSES, GOAL_STATUS_LABELS, type ActionElement, type GoalElement, type PlanContent, type StageMatrixElement,
} from '../../../../shared/model/elements';
import { STAGE_IDS } from '../../../../shared/model/stages';
import { diffPlans, type PlanChange } from '../../../../shared/derive/diff/planDiff';
import { ana, ben, plan } from '../planFixture';

const people = [ana, ben];
const WORDS = ['pipeline', 'revenue', 'leads', 'handover', 'quota', 'campaign', 'region', 'customer', 'deal', 'funnel'];
const num = (n: number) => n.toLocaleString('en-US');

function randomPlan(gen: prng.PRNG): PlanContent {
  const content: PlanContent = [];
  let goalN = 0;
  for (let s = 0; s < 6; s++) {
    content.push(heading(2, `Section ${s}`));
    for (let p = 0; p < prng.int32(gen, 1, 3); p++) content.push(paragraph(`${s}.${p} ${Array.from({ length: 8 }, () => prng.oneOf(gen, WORDS)).join(' ')}.`));
    for (let g = 0; g < prng.int32(gen, 0, 3); g++) content.push(newGoal({ id: `goal_${goalN++}`, title: `Goal ${goalN}`, target: 100 * goalN, owners: [ana.id] }));
    if (prng.bool(gen)) content.push(newAction({ title: `Action ${s}`, owner: ben.id, budget: 1000 * (s + 1) }));
  }
  content.push(heading(2, 'Stages'), newStageMatrix());
  return content;
}

type Expected = Map<string, string>;
const blocks = <T extends { type: string }>(c: PlanContent, type: T['type']) => c.filter((n): n is T & PlanContent[number] => 'type' in n && n.type === type) as unknown as T[];

/** Applies random edits to `content` (in place) and returns what the diff should say, by change id. */
function randomEdits(gen: prng.PRNG, content: PlanContent): Expected {
  const expected: Expected = new Map();
  let serial = 0;
  const goals = blocks<GoalElement>(content, 'goal');
  const pick = <T,>(xs: T[]): T | undefined => (xs.length ? xs.splice(prng.int32(gen, 0, xs.length - 1), 1)[0] : undefined);
  const pool = [...goals];
  const removed = new Set<string>();

  for (let i = prng.int32(gen, 0, 2); i > 0; i--) {
    const g = pick(pool);
    if (!g) break;
    content.splice(content.indexOf(g as never), 1);
    removed.add(g.id);
    expected.set(`goal-removed:${g.id}`, '');
  }
  for (let i = prng.int32(gen, 1, 4); i > 0; i--) {
    const g = pick(pool);
    if (!g) break;
    const field = prng.oneOf(gen, ['target', 'owners', 'status', 'title', 'parent'] as const);
    if (field === 'target') {
      const to = 100_000 + serial++;
      expected.set(`goal:${g.id}:target`, `${g.target == null ? '—' : num(g.target)} → ${num(to)}`);
      g.target = to;
    } else if (field === 'owners') {
      g.owners = [ben.id];
      expected.set(`goal:${g.id}:owners`, 'Ana Ruiz → Ben Okafor');
    } else if (field === 'status') {
      const to = prng.oneOf(gen, GOAL_STATUSES.filter((s) => s !== g.status));
      expected.set(`goal:${g.id}:status`, `${GOAL_STATUS_LABELS[g.status]} → ${GOAL_STATUS_LABELS[to]}`);
      g.status = to;
    } else if (field === 'title') {
      const to = `Renamed goal ${serial++}`;
      expected.set(`goal:${g.id}:title`, `${g.title} → ${to}`);
      g.title = to;
    } else {
      const parent = goals.find((p) => p !== g && !removed.has(p.id) && p.id !== g.parentId);
      if (!parent) continue;
      g.parentId = parent.id;
      expected.set(`goal-moved:${g.id}`, '');
    }
  }
  for (let i = prng.int32(gen, 0, 2); i > 0; i--) {
    const at = prng.int32(gen, 1, content.length - 2);
    const g = newGoal({ id: `goal_new${serial++}`, title: 'New goal' });
    content.splice(at, 0, g);
    expected.set(`goal-added:${g.id}`, '');
  }
  const actions = blocks<ActionElement>(content, 'action');
  const a = pick(actions);
  if (a) {
    const to = 77_000 + serial++;
    expected.set(`action:${a.id}:budget`, `$${num(a.budget!)} → $${num(to)}`);
    a.budget = to;
  }
  const matrix = blocks<StageMatrixElement>(content, 'stage-matrix')[0]!;
  const stage = prng.oneOf(gen, [...STAGE_IDS]);
  const row = matrix.children.find((r) => r.stage === stage)!;
  row.salesOwner = ana.id;
  expected.set(`stage:${matrix.id}:${stage}:salesOwner`, '— → Ana Ruiz');

  // Prose: a word replaced in one paragraph, a paragraph added in another section.
  const paragraphs = content.filter((n) => 'type' in n && n.type === 'paragraph') as ReturnType<typeof paragraph>[];
  const p = prng.oneOf(gen, paragraphs);
  const t = p.children[0] as { text: string };
  t.text = t.text.replace(/ \w+/, ` edited${serial++}`);
  const sectionOf = (node: object) => {
    const i = content.indexOf(node as never);
    const h = content.slice(0, i).reverse().find((n) => 'type' in n && n.type === 'heading') as ReturnType<typeof heading>;
    return (h.children[0] as { text: string }).text;
  };
  expected.set(`prose:${sectionOf(p)}`, '');
  if (prng.bool(gen)) {
    const at = prng.int32(gen, 1, content.length - 2);
    const added = paragraph(`Added paragraph ${serial++}.`);
    content.splice(at, 0, added);
    expected.set(`prose:${sectionOf(added)}`, '');
  }
  return expected;
}

/** The diff read back as a description, in the test's terms. */
function described(changes: PlanChange[], sectionTitle: (key: string) => string): Expected {
  const out: Expected = new Map();
  for (const c of changes) {
    if (c.kind === 'prose') out.set(`prose:${sectionTitle(c.section)}`, '');
    else if (c.kind === 'field') out.set(c.id, `${c.change.before} → ${c.change.after}`);
    else out.set(c.id, '');
  }
  return out;
}

describe('diffPlans on random edits', () => {
  it('describes exactly what was done, for 200 seeds', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const gen = prng.create(seed);
      const before = randomPlan(gen);
      const after = structuredClone(before);
      const expected = randomEdits(gen, after);
      const diff = diffPlans(plan('plan_r', before), plan('plan_r', after), people);
      const titles = new Map(diff.sections.map((s) => [s.key, s.title]));
      const got = described(diff.changes, (k) => titles.get(k) ?? k);
      expect(Object.fromEntries([...got].sort()), `seed ${seed}`).toEqual(Object.fromEntries([...expected].sort()));
    }
  });
});
