/**
 * A whole plan as Markdown that reads well on its own: prose as written, goals as short readable
 * blocks, the stage matrix as a table, actions as a task list. People appear by name.
 * Every field is text someone typed (or set over sync) and is escaped, so a Markdown renderer never
 * turns it into HTML or syntax; only http(s) and mailto links stay links.
 */
import { type Descendant } from 'slate';
import {
  GOAL_STATUS_LABELS, type ActionElement, type FormattedText, type GoalElement, type InlineNode, type StageMatrixElement,
} from '../model/elements';
import { type PlanSnapshot } from '../model/planDoc';
import { normalizePlanContent } from '../model/planOps';
import { type Person } from '../model/people';
import { type Team } from '../model/teams';
import { stageInfo } from '../model/stages';
import { formatQuantity } from './rollup';
import { formatBudget, planCurrency, planNames, progressLabel, withoutEmptySections, type PlanNames, type PlanSource } from './publish/planFacts';

type Names = PlanNames & { currency: string };

/** Characters that would turn plain text into Markdown syntax. */
const escapeText = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');
/** Text inside a table cell: one line, pipes escaped. */
const cell = (s: string) => escapeText(s.trim()).replace(/\r?\n+/g, '<br>') || '—';

function text(t: FormattedText): string {
  if (t.text === '') return '';
  if (t.code) return `\`${t.text.replace(/`/g, 'ˋ')}\``;
  // Keep marks off surrounding spaces, which Markdown would not recognise as emphasis.
  const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/s.exec(t.text)!;
  if (!core) return t.text;
  let out = escapeText(core!);
  if (t.bold) out = `**${out}**`;
  if (t.italic) out = `*${out}*`;
  if (t.underline) out = `<u>${out}</u>`;
  return `${lead}${out}${trail}`;
}

/** A URL safe inside Markdown's (…): parentheses, spaces and angle brackets percent-encoded. */
const linkTarget = (url: string) => url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
/** Only web and mail links stay links; any other scheme (javascript:, data:) is written as its text alone. */
const SAFE_LINK = /^(https?:|mailto:)/i;
/** A number with its unit, the unit being field text like any other. */
const quantity = (n: number | null, unit: string) => escapeText(formatQuantity(n, unit));

function inlines(nodes: Descendant[], names: Names): string {
  return (nodes as InlineNode[]).map((n) => {
    if (!('type' in n)) return text(n);
    if (n.type === 'mention') return `**@${escapeText(names.person(n.personId) || n.name)}**`;
    const label = inlines(n.children, names);
    return SAFE_LINK.test(n.url) ? `[${label}](${linkTarget(n.url)})` : label;
  }).join('').trim();
}


function goalBlock(element: GoalElement, names: Names): string {
  const g = names.now(element);
  const lines = [`> **🎯 ${escapeText(g.title.trim() || 'Untitled goal')}**`];
  const facts = [
    `${escapeText(names.team(g.team))} goal`,
    g.owners.length ? `owned by ${g.owners.map((o) => escapeText(names.person(o))).join(', ')}` : 'no owner yet',
    GOAL_STATUS_LABELS[g.status] ?? 'No status',
  ];
  if (g.due) facts.push(`due ${escapeText(g.due)}`);
  else if (g.period.trim()) facts.push(escapeText(g.period.trim()));
  const progress = progressLabel(names.progress(g));
  const hasMetric = g.metricName.trim() !== '' || g.target != null;
  if (progress && !hasMetric) facts.push(`progress ${progress}`);
  lines.push(`> ${facts.join(' · ')}`);
  if (hasMetric) {
    let metric = `> **Metric:** ${escapeText(g.metricName.trim() || 'Target')}: `;
    metric += g.baseline != null ? `${quantity(g.baseline, g.metricUnit)} → ${quantity(g.target, g.metricUnit)}` : quantity(g.target, g.metricUnit);
    if (g.current != null) metric += ` (now ${quantity(g.current, g.metricUnit)})`;
    if (progress) metric += ` · progress ${progress}`;
    lines.push(metric);
  }
  const checkIn = names.lastCheckIn(g);
  if (checkIn) lines.push(`> **Last check-in:** ${escapeText(checkIn)}`);
  const supports = names.supports(g);
  if (supports) lines.push(`> **Supports:** ${escapeText(supports)}`);
  if (g.rationale.trim()) lines.push(`> **Why:** ${escapeText(g.rationale.trim())}`);
  return lines.join('  \n');
}

function stageTable(m: StageMatrixElement, names: Names): string {
  const rows = [
    '| Stage | Marketing does | Sales does | Owners | Exit criteria | Metric |',
    '|---|---|---|---|---|---|',
  ];
  for (const s of m.children) {
    const owners = [
      `Marketing: ${s.marketingOwner ? cell(names.person(s.marketingOwner)) : '—'}`,
      `Sales: ${s.salesOwner ? cell(names.person(s.salesOwner)) : '—'}`,
    ].join('<br>');
    const metric = s.metricName.trim()
      ? `${s.metricName.trim()}${s.metricTarget != null ? `: ${formatQuantity(s.metricTarget, s.metricUnit)}` : ''}`
      : '';
    const stageCell = `**${stageInfo(s.stage).name}**${s.assets.trim() ? `<br>*Assets:* ${cell(s.assets)}` : ''}`;
    rows.push(`| ${stageCell} | ${cell(s.marketing)} | ${cell(s.sales)} | ${owners} | ${cell(s.exitCriteria)} | ${cell(metric)} |`);
  }
  return rows.join('\n');
}

function actionItem(a: ActionElement, names: Names): string {
  const facts: string[] = [];
  facts.push(a.owner ? escapeText(names.person(a.owner)) : 'no owner yet');
  if (a.due) facts.push(`due ${escapeText(a.due)}`);
  if (a.budget != null) facts.push(`budget ${escapeText(formatBudget(a.budget, names.currency))}`);
  const goal = names.goal(a.goalId);
  facts.push(goal ? `serves ‘${escapeText(goal)}’` : a.goalId ? 'serves a goal that no longer exists' : 'serves no goal yet');
  let line = `- [${a.done ? 'x' : ' '}] **${escapeText(a.title.trim() || 'Untitled action')}** — ${facts.join(' · ')}`;
  if (a.expectedResult.trim()) line += `  \n  Expected result: ${escapeText(a.expectedResult.trim())}`;
  return line;
}

export type MarkdownOptions = {
  /** Keep the template's writing hints (guidance blocks); off by default, since readers of a plan do not need them. */
  guidance?: boolean;
  /** Other plans of the workspace, to name the goals this plan's goals support there. */
  plans?: PlanSnapshot[];
  /** The workspace's teams, to name goals' teams (the five default teams without it). */
  teams?: Team[];
};

function namesFor(source: PlanSource, people: Person[], plans: PlanSnapshot[] = [], teams?: Team[]): Names {
  return { ...planNames(source, people, plans, teams), currency: planCurrency(source.content) };
}

/** A Markdown block, and its heading level when it is a heading. */
type MdBlock = { md: string; level: number | null };

function blocksToMarkdown(content: Descendant[], names: Names, guidance: boolean): MdBlock[] {
  const blocks: MdBlock[] = [];
  const push = (md: string, level: number | null = null) => blocks.push({ md, level });
  let tasks: string[] = [];
  const flushTasks = () => {
    if (tasks.length) push(tasks.join('\n'));
    tasks = [];
  };
  for (const node of content) {
    if (!('type' in node)) continue;
    if (node.type !== 'action') flushTasks();
    switch (node.type) {
      case 'heading':
        // The plan title is the document's H1, so the plan's own headings sit one level below it.
        push(`${'#'.repeat(node.level + 1)} ${inlines(node.children, names)}`, node.level);
        break;
      case 'paragraph': {
        const body = inlines(node.children, names);
        if (body) push(body);
        break;
      }
      case 'guidance': {
        const body = inlines(node.children, names);
        if (body && guidance) push(`> 💡 *${body}*`);
        break;
      }
      case 'bulleted-list':
      case 'numbered-list':
        push(node.children.map((li, i) => `${node.type === 'numbered-list' ? `${i + 1}.` : '-'} ${inlines(li.children, names)}`).join('\n'));
        break;
      case 'goal':
        push(goalBlock(node, names));
        break;
      case 'stage-matrix':
        push(stageTable(node, names));
        break;
      case 'action':
        tasks.push(actionItem(node, names));
        break;
    }
  }
  flushTasks();
  return blocks;
}

export function planToMarkdown(snapshot: PlanSnapshot, people: Person[], options: MarkdownOptions = {}): string {
  const plan = { ...snapshot, content: normalizePlanContent(snapshot.content) };
  const names = namesFor({ id: plan.meta.id, content: plan.content, checkIns: plan.checkIns }, people, options.plans, options.teams);
  const meta = [plan.meta.period.trim()].filter(Boolean);
  const blocks = [`# ${escapeText(plan.meta.title.trim() || 'Untitled plan')}`];
  if (meta.length) blocks.push(`*${meta.map(escapeText).join(' · ')}*`);
  blocks.push(...withoutEmptySections(blocksToMarkdown(plan.content, names, options.guidance === true), (b) => b.level).map((b) => b.md));
  return `${blocks.join('\n\n')}\n`;
}

/**
 * Part of a plan (what a user copies) as Markdown: the blocks as planToMarkdown writes them, goals
 * and people named from the whole plan. Template hints are kept, since the user selected them.
 */
export function blocksAsMarkdown(blocks: Descendant[], plan: PlanSource, people: Person[]): string {
  return blocksToMarkdown(normalizePlanContent(blocks), namesFor(plan, people), true).map((b) => b.md).join('\n\n');
}
