/**
 * A plan as a document to print or publish: a cover, a table of contents, and every block in order
 * with people and goals by name, cards as compact facts, actions gathered into tables. Template hints
 * are left out, and so are headings that head nothing. The print view, PDF and Word exports all
 * render this one model.
 */
import { type Descendant } from 'slate';
import {
  GOAL_STATUS_LABELS, type ActionElement, type FormattedText, type GoalElement, type InlineNode, type StageMatrixElement,
} from '../../model/elements';
import { type PlanSnapshot } from '../../model/planDoc';
import { normalizePlanContent } from '../../model/planOps';
import { type Person } from '../../model/people';
import { type Team } from '../../model/teams';
import { stageInfo } from '../../model/stages';
import { formatQuantity } from '../rollup';
import { formatBudget, planCurrency, planNames, progressLabel, withoutEmptySections, type PlanNames } from './planFacts';

export type PrintRun = Omit<FormattedText, 'text'> & { text: string; href?: string };
export type PrintGoal = {
  id: string;
  title: string;
  team: string;
  owners: string;
  /** "New revenue: $11,000,000 → $14,000,000", or null without a metric. */
  metric: string | null;
  current: string | null;
  progress: string | null;
  status: string;
  /** The latest check-in in words, or null. */
  checkIn: string | null;
  due: string | null;
  rationale: string;
  supports: string | null;
};
/** A goal card's rows as label and value, in the order every output shows them; empty facts left out. */
export function goalFacts(g: PrintGoal): [string, string][] {
  const rows: [string, string | null][] = [
    ['Owners', g.owners], ['Metric', g.metric], ['Current', g.current], ['Progress', g.progress], ['Status', g.status], ['Last check-in', g.checkIn],
    ['Due', g.due], ['Supports', g.supports], ['Why', g.rationale || null],
  ];
  return rows.filter((r): r is [string, string] => r[1] != null && r[1] !== '');
}

export type PrintStageRow = {
  stage: string; marketing: string; sales: string; marketingOwner: string; salesOwner: string;
  exitCriteria: string; metric: string; assets: string;
};
export type PrintAction = { title: string; done: boolean; owner: string; due: string; budget: string; goal: string; expectedResult: string };

export type PrintBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; anchor: string }
  | { kind: 'paragraph'; runs: PrintRun[] }
  | { kind: 'list'; ordered: boolean; items: PrintRun[][] }
  | { kind: 'goal'; goal: PrintGoal }
  | { kind: 'stages'; rows: PrintStageRow[] }
  | { kind: 'actions'; actions: PrintAction[] };

export type PrintDocument = {
  title: string;
  period: string;
  /** The day it was published, as 2 December 2026. */
  date: string;
  /** The edition published and its sign-off ("Edition: Approved FY27", "Approved by … on …"); null when the plan was never approved. */
  edition: { edition: string; signoff: string | null } | null;
  toc: { level: 1 | 2 | 3; text: string; anchor: string }[];
  blocks: PrintBlock[];
};

export type PrintOptions = {
  /** Other plans of the workspace, to name (and roll up progress from) goals there. */
  plans?: PlanSnapshot[];
  /** When it is published; today by default. */
  now?: Date;
  /** The workspace's teams, to name goals' teams. */
  teams?: Team[];
  /** What the cover says of the edition and its sign-off (shared/editions/planApproval.ts). */
  edition?: { edition: string; signoff: string | null } | null;
};

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function runs(nodes: Descendant[], names: PlanNames, href?: string): PrintRun[] {
  return (nodes as InlineNode[]).flatMap((n): PrintRun[] => {
    if (!('type' in n)) return n.text === '' ? [] : [{ ...n, ...(href ? { href } : {}) }];
    if (n.type === 'mention') return [{ text: `@${names.person(n.personId) || n.name}`, bold: true }];
    // Only web and mail links stay links in a published plan; any other scheme is its text alone.
    return runs(n.children, names, /^(https?:|mailto:)/i.test(n.url) ? n.url : undefined);
  });
}

const plainText = (rs: PrintRun[]) => rs.map((r) => r.text).join('').trim();

export function printGoal(element: GoalElement, names: PlanNames): PrintGoal {
  const g = names.now(element);
  let metric: string | null = null;
  if (g.metricName.trim() || g.target != null) {
    const span = g.baseline != null
      ? `${formatQuantity(g.baseline, g.metricUnit)} → ${formatQuantity(g.target, g.metricUnit)}`
      : formatQuantity(g.target, g.metricUnit);
    metric = `${g.metricName.trim() || 'Target'}: ${span}`;
  }
  return {
    id: g.id,
    title: g.title.trim() || 'Untitled goal',
    team: names.team(g.team),
    owners: g.owners.length ? g.owners.map((o) => names.person(o)).join(', ') : 'No owner yet',
    metric,
    current: g.current != null ? formatQuantity(g.current, g.metricUnit) : null,
    progress: progressLabel(names.progress(g)),
    status: GOAL_STATUS_LABELS[g.status],
    checkIn: names.lastCheckIn(element),
    due: g.due ?? (g.period.trim() || null),
    rationale: g.rationale.trim(),
    supports: names.supports(g),
  };
}

function stageRows(m: StageMatrixElement, names: PlanNames): PrintStageRow[] {
  return m.children.map((s) => ({
    stage: stageInfo(s.stage).name,
    marketing: s.marketing.trim(),
    sales: s.sales.trim(),
    marketingOwner: s.marketingOwner ? names.person(s.marketingOwner) : '',
    salesOwner: s.salesOwner ? names.person(s.salesOwner) : '',
    exitCriteria: s.exitCriteria.trim(),
    metric: s.metricName.trim() ? `${s.metricName.trim()}${s.metricTarget != null ? `: ${formatQuantity(s.metricTarget, s.metricUnit)}` : ''}` : '',
    assets: s.assets.trim(),
  }));
}

export function printAction(a: ActionElement, names: PlanNames, currency: string): PrintAction {
  const goal = names.goal(a.goalId);
  return {
    title: a.title.trim() || 'Untitled action',
    done: a.done,
    owner: a.owner ? names.person(a.owner) : 'No owner yet',
    due: a.due ?? '',
    budget: a.budget != null ? formatBudget(a.budget, currency) : '',
    goal: goal ?? (a.goalId ? 'a goal that no longer exists' : 'no goal yet'),
    expectedResult: a.expectedResult.trim(),
  };
}

/** An anchor id from a heading's text and position: stable, unique, safe in HTML and Word bookmarks. */
const anchorFor = (text: string, i: number) => `s${i}-${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40)}`;

export function planToPrintDocument(snapshot: PlanSnapshot, people: Person[], options: PrintOptions = {}): PrintDocument {
  const content = normalizePlanContent(snapshot.content);
  const names = planNames({ id: snapshot.meta.id, content, checkIns: snapshot.checkIns }, people, options.plans, options.teams);
  const currency = planCurrency(content);
  const blocks: PrintBlock[] = [];
  for (const node of content) {
    if (!('type' in node)) continue;
    switch (node.type) {
      case 'heading': {
        const text = plainText(runs(node.children, names));
        if (text) blocks.push({ kind: 'heading', level: node.level, text, anchor: anchorFor(text, blocks.length) });
        break;
      }
      case 'paragraph': {
        const rs = runs(node.children, names);
        if (plainText(rs)) blocks.push({ kind: 'paragraph', runs: rs });
        break;
      }
      case 'bulleted-list':
      case 'numbered-list': {
        const items = node.children.map((li) => runs(li.children, names)).filter((rs) => plainText(rs));
        if (items.length) blocks.push({ kind: 'list', ordered: node.type === 'numbered-list', items });
        break;
      }
      case 'goal':
        blocks.push({ kind: 'goal', goal: printGoal(node, names) });
        break;
      case 'stage-matrix':
        blocks.push({ kind: 'stages', rows: stageRows(node, names) });
        break;
      case 'action': {
        const last = blocks[blocks.length - 1];
        const action = printAction(node, names, currency);
        if (last?.kind === 'actions') last.actions.push(action);
        else blocks.push({ kind: 'actions', actions: [action] });
        break;
      }
      // Template hints (guidance) are for the author, not the reader.
    }
  }
  const kept = withoutEmptySections(blocks, (b) => (b.kind === 'heading' ? b.level : null));
  return {
    title: snapshot.meta.title.trim() || 'Untitled plan',
    period: snapshot.meta.period.trim(),
    date: DATE_FORMAT.format(options.now ?? new Date()),
    edition: options.edition ?? null,
    toc: kept.flatMap((b) => (b.kind === 'heading' ? [{ level: b.level, text: b.text, anchor: b.anchor }] : [])),
    blocks: kept,
  };
}
