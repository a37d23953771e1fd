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
import { TEAM_LABELS, type Person } from '../model/people';
import { stageInfo } from '../model/stages';
import { formatNumber, formatQuantity } from './rollup';
import { structuredBlocks } from './walk';

type Names = {
  person: (id: string | null) => string;
  goal: (id: string | null) => string | null;
  /** A goal of another plan, as "title (plan title)". */
  goalIn: (planId: string, goalId: string) => string | null;
};

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


function goalBlock(g: GoalElement, names: Names & { planId: string }): string {
  const lines = [`> **🎯 ${escapeText(g.title.trim() || 'Untitled goal')}**`];
  const facts = [
    `${TEAM_LABELS[g.team] ?? 'Unknown team'} goal`,
    g.owners.length ? `owned by ${g.owners.map((o) => escapeText(names.person(o))).join(', ')}` : 'no owner yet',
    GOAL_STATUS_LABELS[g.status] ?? 'No status',
  ];
  if (g.due) facts.push(`due ${escapeText(g.due)}`);
  else if (g.period.trim()) facts.push(escapeText(g.period.trim()));
  lines.push(`> ${facts.join(' · ')}`);
  if (g.metricName.trim() || g.target != null) {
    let metric = `> **Metric:** ${escapeText(g.metricName.trim() || 'Target')}: `;
    metric += g.baseline != null ? `${quantity(g.baseline, g.metricUnit)} → ${quantity(g.target, g.metricUnit)}` : quantity(g.target, g.metricUnit);
    if (g.current != null) metric += ` (now ${quantity(g.current, g.metricUnit)})`;
    lines.push(metric);
  }
  if (g.parentId) {
    const parent = g.parentPlanId && g.parentPlanId !== names.planId ? names.goalIn(g.parentPlanId, g.parentId) : names.goal(g.parentId);
    lines.push(`> **Supports:** ${parent ? escapeText(parent) : g.parentPlanId ? 'a goal in another plan' : 'a goal that no longer exists'}`);
  }
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
  if (a.budget != null) facts.push(`budget ${formatNumber(a.budget)}`);
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
};

function namesFor(planId: string, content: Descendant[], people: Person[], plans: PlanSnapshot[] = []): Names & { planId: string } {
  const byPerson = new Map(people.map((p) => [p.id, p.name]));
  const goalTitles = new Map(structuredBlocks(content).goals.map(({ el }) => [el.id, el.title.trim() || 'Untitled goal']));
  return {
    planId,
    person: (id) => (id == null ? '' : (byPerson.get(id) ?? 'someone not in the directory')),
    goal: (id) => (id == null ? null : (goalTitles.get(id) ?? null)),
    goalIn: (otherId, goalId) => {
      const other = plans.find((p) => p.meta.id === otherId);
      const goal = other && structuredBlocks(other.content).goals.find(({ el }) => el.id === goalId);
      return goal ? `${goal.el.title.trim() || 'Untitled goal'} (${other.meta.title.trim() || 'Untitled plan'})` : null;
    },
  };
}

function blocksToMarkdown(content: Descendant[], names: Names & { planId: string }, guidance: boolean): string[] {
  const blocks: string[] = [];
  let tasks: string[] = [];
  const flushTasks = () => {
    if (tasks.length) blocks.push(tasks.join('\n'));
    tasks = [];
  };
  for (const node of content) {
    if (!('type' in node)) continue;
    if (node.type !== 'action') flushTasks();
    switch (node.type) {
      case 'heading':
        // The plan title is the document's H1, so the plan's own headings sit one level below it.
        blocks.push(`${'#'.repeat(node.level + 1)} ${inlines(node.children, names)}`);
        break;
      case 'paragraph': {
        const body = inlines(node.children, names);
        if (body) blocks.push(body);
        break;
      }
      case 'guidance': {
        const body = inlines(node.children, names);
        if (body && guidance) blocks.push(`> 💡 *${body}*`);
        break;
      }
      case 'bulleted-list':
      case 'numbered-list':
        blocks.push(node.children.map((li, i) => `${node.type === 'numbered-list' ? `${i + 1}.` : '-'} ${inlines(li.children, names)}`).join('\n'));
        break;
      case 'goal':
        blocks.push(goalBlock(node, names));
        break;
      case 'stage-matrix':
        blocks.push(stageTable(node, names));
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
  const names = namesFor(plan.meta.id, plan.content, people, options.plans);
  const meta = [plan.meta.period.trim()].filter(Boolean);
  const blocks = [`# ${escapeText(plan.meta.title.trim() || 'Untitled plan')}`];
  if (meta.length) blocks.push(`*${meta.map(escapeText).join(' · ')}*`);
  blocks.push(...blocksToMarkdown(plan.content, names, options.guidance === true));
  return `${blocks.join('\n\n')}\n`;
}

/**
 * Part of a plan (what a user copies) as Markdown: the blocks as planToMarkdown writes them, goals
 * and people named from the whole plan. Template hints are kept, since the user selected them.
 */
export function blocksAsMarkdown(blocks: Descendant[], plan: { id: string; content: Descendant[] }, people: Person[]): string {
  return blocksToMarkdown(normalizePlanContent(blocks), namesFor(plan.id, plan.content, people), true).join('\n\n');
}
