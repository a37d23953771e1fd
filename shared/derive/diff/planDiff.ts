/**
 * The structural diff of two versions of a plan (two editions, an edition and the live plan, or last
 * cycle's plan and this one): goals added, removed or moved to another parent; every changed field of
 * a goal, action or stage row with its values as people read them (target $1,200,000 → $1,500,000,
 * owners Ana Ruiz → Ben Okafor); and the prose of each section as a word diff (proseDiff.ts).
 *
 * The result is a model a diff view renders: sections in reading order, and one flat list of changes
 * in reading order, each with an anchor (the block and path to reveal) for next / previous change.
 * `diffToText` (diffText.ts) writes the same model as plain text.
 */
import {
  GOAL_STATUS_LABELS, type ActionElement, type GoalElement, type PlanContent, type StageElement,
} from '../../model/elements';
import { type PlanSnapshot } from '../../model/planDoc';
import { normalizePlanContent } from '../../model/planOps';
import { type Person } from '../../model/people';
import { teamName, type Team } from '../../model/teams';
import { checkInsByGoal, goalAsOf } from '../checkInState';
import { stageInfo } from '../../model/stages';
import { formatBudget, planCurrency, planNames, type PlanNames } from '../publish/planFacts';
import { formatQuantity } from '../rollup';
import { structuredBlocks, type Located } from '../walk';
import {
  alignSections, diffFieldWords, diffProse, planSections, type PlanSection, type ProseLine, type WordPart,
} from './proseDiff';

export type DiffSide = 'before' | 'after';
/** Where a change is shown: the block (and its Slate path) in one of the two plans. */
export type ChangeAnchor = { side: DiffSide; blockId: string | null; path: number[] };

export type BlockKind = 'goal' | 'action' | 'stage';

type ChangeBase = {
  /** Stable within a diff: a key for lists and for remembering the current change. */
  id: string;
  /** Key of the section (in `PlanDiff.sections`) the change belongs to. */
  section: string;
  anchor: ChangeAnchor;
};

export type FieldChange = {
  field: string;
  label: string;
  before: string;
  after: string;
  /** For text fields, the word diff of the two values. */
  words?: WordPart[];
};

export type PlanChange = ChangeBase & (
  | { kind: 'plan-field'; change: FieldChange }
  | { kind: 'goal-added'; goalId: string; title: string; movedFromPlan?: string }
  | { kind: 'goal-removed'; goalId: string; title: string; movedToPlan?: string }
  /** The goal supports another goal now; `from` / `to` name the parent goals (null: none). */
  | { kind: 'goal-moved'; goalId: string; title: string; from: string | null; to: string | null }
  | { kind: 'block-added' | 'block-removed'; block: 'action' | 'stage-matrix'; blockId: string; title: string }
  /** A goal or action now in another section (`section`), taken from `fromSection`. */
  | { kind: 'block-moved'; block: 'goal' | 'action'; blockId: string; title: string; fromSection: string }
  | { kind: 'field'; block: BlockKind; blockId: string; title: string; change: FieldChange }
  | { kind: 'prose'; lines: ProseLine[]; added: number; removed: number; changed: number }
);

export type DiffSection = {
  key: string;
  title: string;
  /** The section's title before, when it was renamed. */
  renamedFrom?: string;
  status: 'same' | 'changed' | 'added' | 'removed';
  /** How many changes fall in this section. */
  changes: number;
};

export type PlanDiff = {
  before: { id: string; title: string; period: string };
  after: { id: string; title: string; period: string };
  sections: DiffSection[];
  /** Every change, in reading order: the order of next / previous change. */
  changes: PlanChange[];
};

export type PlanDiffOptions = {
  /** The workspace's other plans on each side, to name parent goals in other plans. */
  plans?: { before?: PlanSnapshot[]; after?: PlanSnapshot[] };
  /**
   * How goals of the two plans are paired: by id (two versions of one plan), or through the later
   * plan's link to last cycle's goal (`previousGoalId`, comparing two cycles goal by goal).
   */
  match?: 'id' | 'previous-cycle';
  /** The workspace's teams, to name a goal's team (the default teams when not given). */
  teams?: readonly Team[];
};

/** The section key of changes to the plan as a whole (its title, its period). */
export const PLAN_WIDE = '';
/** How a diff writes a value that is not there (no target, no owner). */
export const NONE = '—';
const goalTitle = (g: GoalElement) => g.title.trim() || 'Untitled goal';
const actionTitle = (a: ActionElement) => a.title.trim() || 'Untitled action';
const text = (s: string | null) => (s == null || s.trim() === '' ? NONE : s.trim());
const list = (names: string[]) => (names.length ? names.join(', ') : NONE);

/** One side of the diff: the plan, its names, its sections, and which section each top-level block is in. */
type Side = {
  plan: PlanSnapshot;
  content: PlanContent;
  names: PlanNames;
  currency: string;
  sections: PlanSection[];
  sectionKeyOf: (path: number[]) => string;
  teams: readonly Team[] | undefined;
};

function side(plan: PlanSnapshot, people: Person[], plans: PlanSnapshot[] | undefined, keys: (string | null)[], teams?: readonly Team[]): Side {
  // Goals as they stood: their current value and status are their latest check-in's.
  const checkIns = checkInsByGoal(plan.checkIns);
  const content = normalizePlanContent(plan.content).map((n) => ('type' in n && n.type === 'goal' ? goalAsOf(n, checkIns.get(n.id)) : n));
  const names = planNames({ id: plan.meta.id, content, checkIns: plan.checkIns }, people, plans);
  const byId = new Map(people.map((p) => [p.id, p.name]));
  const sections = planSections(content, (id) => byId.get(id) ?? null);
  const keyAt: string[] = [];
  sections.forEach((s, i) => {
    for (let b = s.start; b < s.end; b++) keyAt[b] = keys[i] ?? '';
  });
  return { plan, content, names, currency: planCurrency(content), sections, sectionKeyOf: (path) => keyAt[path[0] ?? 0] ?? keys[0] ?? '', teams };
}

/**
 * A field as the diff compares and shows it. Fields that hold ids (owners, the goal an action
 * serves) compare by `same` on the ids, so a goal or person renamed elsewhere does not read as a
 * change here; the others compare as shown.
 */
type FieldSpec<T> = { field: keyof T & string; label: string; show: (el: T, s: Side) => string; words?: boolean; same?: (a: T, b: T, sa: Side, sb: Side) => boolean };

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

const GOAL_FIELDS: FieldSpec<GoalElement>[] = [
  { field: 'title', label: 'title', show: (g) => text(g.title) },
  { field: 'team', label: 'team', show: (g, s) => teamName(g.team, s.teams) },
  { field: 'owners', label: 'owners', show: (g, s) => list(g.owners.map((o) => s.names.person(o))), same: (a, b) => sameSet(a.owners, b.owners) },
  { field: 'status', label: 'status', show: (g) => GOAL_STATUS_LABELS[g.status] ?? g.status },
  { field: 'metricName', label: 'metric', show: (g) => text(g.metricName) },
  { field: 'metricUnit', label: 'unit', show: (g) => text(g.metricUnit) },
  { field: 'baseline', label: 'baseline', show: (g) => (g.baseline == null ? NONE : formatQuantity(g.baseline, g.metricUnit)) },
  { field: 'target', label: 'target', show: (g) => (g.target == null ? NONE : formatQuantity(g.target, g.metricUnit)) },
  { field: 'current', label: 'current value', show: (g) => (g.current == null ? NONE : formatQuantity(g.current, g.metricUnit)) },
  { field: 'period', label: 'period', show: (g) => text(g.period) },
  { field: 'due', label: 'due date', show: (g) => text(g.due) },
  { field: 'rationale', label: 'why', show: (g) => text(g.rationale), words: true },
];

const ACTION_FIELDS: FieldSpec<ActionElement>[] = [
  { field: 'title', label: 'title', show: (a) => text(a.title) },
  { field: 'owner', label: 'owner', show: (a, s) => (a.owner ? s.names.person(a.owner) : NONE), same: (x, y) => x.owner === y.owner },
  { field: 'due', label: 'due date', show: (a) => text(a.due) },
  { field: 'done', label: 'done', show: (a) => (a.done ? 'done' : 'not done') },
  { field: 'budget', label: 'budget', show: (a, s) => (a.budget == null ? NONE : formatBudget(a.budget, s.currency)) },
  { field: 'expectedResult', label: 'expected result', show: (a) => text(a.expectedResult), words: true },
  {
    field: 'goalId', label: 'serves', show: (a, s) => (a.goalId ? (s.names.goal(a.goalId) ?? 'a goal that no longer exists') : NONE),
    // The same goal, still there: renaming it is the goal's change, not the action's.
    same: (x, y, sx, sy) => x.goalId === y.goalId && (sx.names.goal(x.goalId) == null) === (sy.names.goal(y.goalId) == null),
  },
];

const STAGE_FIELDS: FieldSpec<StageElement>[] = [
  { field: 'marketing', label: 'marketing does', show: (r) => text(r.marketing), words: true },
  { field: 'sales', label: 'sales does', show: (r) => text(r.sales), words: true },
  { field: 'marketingOwner', label: 'marketing owner', show: (r, s) => (r.marketingOwner ? s.names.person(r.marketingOwner) : NONE) },
  { field: 'salesOwner', label: 'sales owner', show: (r, s) => (r.salesOwner ? s.names.person(r.salesOwner) : NONE) },
  { field: 'exitCriteria', label: 'exit criteria', show: (r) => text(r.exitCriteria), words: true },
  { field: 'metricName', label: 'metric', show: (r) => text(r.metricName) },
  { field: 'metricTarget', label: 'metric target', show: (r) => (r.metricTarget == null ? NONE : formatQuantity(r.metricTarget, r.metricUnit)) },
  { field: 'metricUnit', label: 'metric unit', show: (r) => text(r.metricUnit) },
  { field: 'assets', label: 'assets', show: (r) => text(r.assets), words: true },
];

function fieldChanges<T>(specs: FieldSpec<T>[], a: T, b: T, sa: Side, sb: Side): FieldChange[] {
  const out: FieldChange[] = [];
  for (const spec of specs) {
    if (spec.same?.(a, b, sa, sb)) continue;
    const before = spec.show(a, sa);
    const after = spec.show(b, sb);
    if (before === after) continue;
    const change: FieldChange = { field: spec.field, label: spec.label, before, after };
    if (spec.words) change.words = diffFieldWords(before === NONE ? '' : before, after === NONE ? '' : after);
    out.push(change);
  }
  return out;
}

/** The goal a goal supports, by name (null when none), read on its own side. */
const parentName = (g: GoalElement, s: Side) => s.names.supports(g);

function unifiedSections(before: PlanSection[], after: PlanSection[]) {
  const pairs = alignSections(before, after);
  const keysBefore: (string | null)[] = before.map(() => null);
  const keysAfter: (string | null)[] = after.map(() => null);
  const sections: DiffSection[] = pairs.map(([i, j], n) => {
    const key = `s${n}`;
    if (i != null) keysBefore[i] = key;
    if (j != null) keysAfter[j] = key;
    const a = i != null ? before[i]! : null;
    const b = j != null ? after[j]! : null;
    const section: DiffSection = { key, title: (b ?? a)!.title, status: !a ? 'added' : !b ? 'removed' : 'same', changes: 0 };
    if (a && b && a.title !== b.title) section.renamedFrom = a.title;
    return section;
  });
  return { pairs, sections, keysBefore, keysAfter };
}

/** The structural diff of two versions of a plan; `people` names owners on both sides. */
export function diffPlans(before: PlanSnapshot, after: PlanSnapshot, people: Person[], options: PlanDiffOptions = {}): PlanDiff {
  const byId = new Map(people.map((p) => [p.id, p.name]));
  const personName = (id: string) => byId.get(id) ?? null;
  const rawBefore = planSections(normalizePlanContent(before.content), personName);
  const rawAfter = planSections(normalizePlanContent(after.content), personName);
  const { pairs, sections, keysBefore, keysAfter } = unifiedSections(rawBefore, rawAfter);
  const a = side(before, people, options.plans?.before, keysBefore, options.teams);
  const b = side(after, people, options.plans?.after, keysAfter, options.teams);
  const order = new Map(sections.map((s, i) => [s.key, i]));
  order.set(PLAN_WIDE, -1);

  // Each change, with where it sorts: its section, then its top-level block on its side.
  const found: Array<{ change: PlanChange; at: number }> = [];
  const push = (change: PlanChange, at: number) => found.push({ change, at });

  for (const [label, field] of [['title', 'title'], ['period', 'period']] as const) {
    const x = text(before.meta[field]);
    const y = text(after.meta[field]);
    if (x !== y) {
      push({ id: `plan:${field}`, kind: 'plan-field', section: PLAN_WIDE, anchor: { side: 'after', blockId: null, path: [] }, change: { field, label: `plan ${label}`, before: x, after: y } }, -1);
    }
  }

  pairs.forEach(([i, j], n) => {
    const x = i != null ? a.sections[i]!.prose : [];
    const y = j != null ? b.sections[j]!.prose : [];
    if (x.length === y.length && x.every((line, k) => line === y[k])) return;
    const lines = diffProse(x, y);
    const count = (s: ProseLine['status']) => lines.filter((l) => l.status === s).length;
    const at = j != null ? b.sections[j]! : a.sections[i!]!;
    push({
      id: `prose:${sections[n]!.key}`, kind: 'prose', section: sections[n]!.key,
      anchor: { side: j != null ? 'after' : 'before', blockId: null, path: at.headingIndex >= 0 ? [at.headingIndex] : [at.start] },
      lines, added: count('added'), removed: count('removed'), changed: count('changed'),
    }, at.start - 0.5);
  });

  diffGoals(a, b, options.match ?? 'id', push);
  diffActions(a, b, push);
  diffStages(a, b, push);

  const changes = found
    .sort((x, y) => (order.get(x.change.section) ?? 0) - (order.get(y.change.section) ?? 0) || x.at - y.at)
    .map((f) => f.change);
  const mark = (key: string, count: boolean) => {
    const s = sections[order.get(key) ?? -1];
    if (!s) return;
    if (count) s.changes++;
    if (s.status === 'same') s.status = 'changed';
  };
  for (const c of changes) {
    mark(c.section, true);
    if (c.kind === 'block-moved') mark(c.fromSection, false);
  }
  return {
    before: { id: before.meta.id, title: before.meta.title, period: before.meta.period },
    after: { id: after.meta.id, title: after.meta.title, period: after.meta.period },
    sections,
    changes,
  };
}

type Push = (change: PlanChange, at: number) => void;

function diffGoals(a: Side, b: Side, match: 'id' | 'previous-cycle', push: Push): void {
  const beforeGoals = structuredBlocks(a.content).goals;
  const afterGoals = structuredBlocks(b.content).goals;
  const keyOf = (g: GoalElement) => (match === 'previous-cycle' && g.previousGoalId && (g.previousPlanId ?? a.plan.meta.id) === a.plan.meta.id ? g.previousGoalId : g.id);
  const earlier = new Map<string, Located<GoalElement>>();
  for (const g of beforeGoals) if (!earlier.has(g.el.id)) earlier.set(g.el.id, g);
  const matched = new Set<string>();
  for (const { el, path } of afterGoals) {
    const key = keyOf(el);
    const old = matched.has(key) ? undefined : earlier.get(key);
    const anchor: ChangeAnchor = { side: 'after', blockId: el.id, path };
    const section = b.sectionKeyOf(path);
    if (!old) {
      push({ id: `goal-added:${el.id}`, kind: 'goal-added', section, anchor, goalId: el.id, title: goalTitle(el) }, path[0]!);
      continue;
    }
    matched.add(key);
    const was = a.sectionKeyOf(old.path);
    if (was !== section) push({ id: `goal-section:${el.id}`, kind: 'block-moved', block: 'goal', section, anchor, blockId: el.id, title: goalTitle(el), fromSection: was }, path[0]!);
    const from = parentName(old.el, a);
    const to = parentName(el, b);
    // Same parent named the same way is no move; a cycle's goals support next cycle's parents, which count as the same.
    const sameParent = match === 'previous-cycle' ? from === to : old.el.parentId === el.parentId && (old.el.parentPlanId ?? a.plan.meta.id) === (el.parentPlanId ?? b.plan.meta.id);
    if (!sameParent) push({ id: `goal-moved:${el.id}`, kind: 'goal-moved', section, anchor, goalId: el.id, title: goalTitle(el), from, to }, path[0]!);
    for (const change of fieldChanges(GOAL_FIELDS, old.el, el, a, b)) {
      push({ id: `goal:${el.id}:${change.field}`, kind: 'field', block: 'goal', section, anchor, blockId: el.id, title: goalTitle(el), change }, path[0]!);
    }
  }
  for (const { el, path } of beforeGoals) {
    if (matched.has(el.id)) continue;
    push({ id: `goal-removed:${el.id}`, kind: 'goal-removed', section: a.sectionKeyOf(path), anchor: { side: 'before', blockId: el.id, path }, goalId: el.id, title: goalTitle(el) }, path[0]!);
  }
}

function diffActions(a: Side, b: Side, push: Push): void {
  const earlier = new Map(structuredBlocks(a.content).actions.map((x) => [x.el.id, x]));
  const seen = new Set<string>();
  for (const { el, path } of structuredBlocks(b.content).actions) {
    const old = seen.has(el.id) ? undefined : earlier.get(el.id);
    const anchor: ChangeAnchor = { side: 'after', blockId: el.id, path };
    const section = b.sectionKeyOf(path);
    if (!old) {
      push({ id: `action-added:${el.id}`, kind: 'block-added', block: 'action', section, anchor, blockId: el.id, title: actionTitle(el) }, path[0]!);
      continue;
    }
    seen.add(el.id);
    const was = a.sectionKeyOf(old.path);
    if (was !== section) push({ id: `action-section:${el.id}`, kind: 'block-moved', block: 'action', section, anchor, blockId: el.id, title: actionTitle(el), fromSection: was }, path[0]!);
    for (const change of fieldChanges(ACTION_FIELDS, old.el, el, a, b)) {
      push({ id: `action:${el.id}:${change.field}`, kind: 'field', block: 'action', section, anchor, blockId: el.id, title: actionTitle(el), change }, path[0]!);
    }
  }
  for (const [id, { el, path }] of earlier) {
    if (seen.has(id)) continue;
    push({ id: `action-removed:${id}`, kind: 'block-removed', block: 'action', section: a.sectionKeyOf(path), anchor: { side: 'before', blockId: id, path }, blockId: id, title: actionTitle(el) }, path[0]!);
  }
}

const MATRIX_TITLE = 'Track-selling stages';

function diffStages(a: Side, b: Side, push: Push): void {
  const earlier = new Map(structuredBlocks(a.content).matrices.map((m) => [m.el.id, m]));
  const seen = new Set<string>();
  for (const { el, path } of structuredBlocks(b.content).matrices) {
    const old = seen.has(el.id) ? undefined : earlier.get(el.id);
    const section = b.sectionKeyOf(path);
    if (!old) {
      push({ id: `matrix-added:${el.id}`, kind: 'block-added', block: 'stage-matrix', section, anchor: { side: 'after', blockId: el.id, path }, blockId: el.id, title: MATRIX_TITLE }, path[0]!);
      continue;
    }
    seen.add(el.id);
    el.children.forEach((row, i) => {
      const prev = old.el.children.find((r) => r.stage === row.stage);
      if (!prev) return;
      const anchor: ChangeAnchor = { side: 'after', blockId: el.id, path: [...path, i] };
      for (const change of fieldChanges(STAGE_FIELDS, prev, row, a, b)) {
        push({
          id: `stage:${el.id}:${row.stage}:${change.field}`, kind: 'field', block: 'stage', section, anchor, blockId: el.id,
          title: stageInfo(row.stage).name, change,
        }, path[0]! + i / 10);
      }
    });
  }
  for (const [id, { path }] of earlier) {
    if (seen.has(id)) continue;
    push({ id: `matrix-removed:${id}`, kind: 'block-removed', block: 'stage-matrix', section: a.sectionKeyOf(path), anchor: { side: 'before', blockId: id, path }, blockId: id, title: MATRIX_TITLE }, path[0]!);
  }
}

/** The change after (or before) the one at `index`, wrapping around; -1 when there are none. */
export function adjacentChange(diff: PlanDiff, index: number, direction: 'next' | 'previous'): number {
  const n = diff.changes.length;
  if (n === 0) return -1;
  if (index < 0 || index >= n) return direction === 'next' ? 0 : n - 1;
  return (index + (direction === 'next' ? 1 : n - 1)) % n;
}

/** The ids of the sections whose content differs, by title (what "changed since approval" marks). */
export function changedSections(diff: PlanDiff): DiffSection[] {
  return diff.sections.filter((s) => s.status !== 'same');
}

export type CascadeDiff = {
  plans: Array<{ planId: string; title: string; status: 'added' | 'removed' | 'changed' | 'same'; diff: PlanDiff | null }>;
};

const emptyPlan = (p: PlanSnapshot): PlanSnapshot => ({ meta: p.meta, content: [] });

/**
 * The cascade's changes across the plans of a workspace: each plan's diff (parent goals named across
 * plans on each side), plans added and removed, and a goal that went from one plan to another told
 * as such in both plans' diffs.
 */
export function diffCascade(before: PlanSnapshot[], after: PlanSnapshot[], people: Person[]): CascadeDiff {
  const earlier = new Map(before.map((p) => [p.meta.id, p]));
  const later = new Map(after.map((p) => [p.meta.id, p]));
  const plans: CascadeDiff['plans'] = [];
  const ids = [...after.map((p) => p.meta.id), ...before.map((p) => p.meta.id).filter((id) => !later.has(id))];
  for (const id of ids) {
    const a = earlier.get(id);
    const b = later.get(id);
    const diff = diffPlans(a ?? emptyPlan(b!), b ?? emptyPlan(a!), people, { plans: { before, after } });
    const status = !a ? 'added' : !b ? 'removed' : diff.changes.length ? 'changed' : 'same';
    plans.push({ planId: id, title: (b ?? a)!.meta.title, status, diff });
  }
  const addedIn = new Map<string, { title: string; change: PlanChange & { kind: 'goal-added' } }>();
  for (const p of plans) for (const c of p.diff!.changes) if (c.kind === 'goal-added') addedIn.set(c.goalId, { title: p.title, change: c });
  for (const p of plans) {
    for (const c of p.diff!.changes) {
      if (c.kind !== 'goal-removed') continue;
      const there = addedIn.get(c.goalId);
      if (!there || there.title === p.title) continue;
      c.movedToPlan = there.title;
      there.change.movedFromPlan = p.title;
    }
  }
  return { plans };
}
