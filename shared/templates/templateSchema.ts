/**
 * The template file format (templates/*.json): a named, described starting plan. Goal, action and
 * stage-matrix ids in a template are symbolic ("company-revenue"); references between blocks use
 * them, and instantiating gives every block a fresh id. Owners are always empty in a template: the
 * people directory belongs to each workspace.
 */
import { z } from 'zod';
import { PlanContentSchema } from '../model/schemas';
import { type PlanContent } from '../model/elements';
import { type TemplateSummary } from '../ipc/contract';
import { inlineText, structuredBlocks, forEachElement } from '../derive/walk';

export const PlanTemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a template id is lower-case words joined by dashes'),
  name: z.string().trim().min(1, 'a template needs a name'),
  description: z.string().trim().min(1, 'say in a sentence what the template is for'),
  period: z.string().optional(),
  content: PlanContentSchema,
}).strict().superRefine((t, ctx) => {
  const content = t.content as PlanContent;
  const { goals, actions, matrices } = structuredBlocks(content);
  const field = (path: number[], ...rest: (string | number)[]) => ['content', ...path.flatMap((p, i) => (i === 0 ? [p] : ['children', p])), ...rest];
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

  const seen = new Set<string>();
  for (const { el, path } of [...goals, ...actions, ...matrices]) {
    if (seen.has(el.id)) issue(field(path, 'id'), `the id “${el.id}” is used by more than one block`);
    seen.add(el.id);
  }
  const goalIds = new Set(goals.map((g) => g.el.id));
  for (const { el, path } of goals) {
    if (el.parentPlanId !== null) issue(field(path, 'parentPlanId'), 'a template cannot link to another plan; leave parentPlanId null');
    else if (el.parentId !== null && !goalIds.has(el.parentId)) issue(field(path, 'parentId'), `points to goal “${el.parentId}”, which is not in this template`);
    if (el.owners.length > 0) issue(field(path, 'owners'), 'owners stay empty in a template: people belong to each workspace');
  }
  for (const { el, path } of actions) {
    if (el.goalId !== null && !goalIds.has(el.goalId)) issue(field(path, 'goalId'), `points to goal “${el.goalId}”, which is not in this template`);
    if (el.owner !== null) issue(field(path, 'owner'), 'the owner stays empty in a template: people belong to each workspace');
  }
  for (const { el, path } of matrices) {
    if (el.revenueGoalId != null && !goalIds.has(el.revenueGoalId)) issue(field(path, 'revenueGoalId'), `points to goal “${el.revenueGoalId}”, which is not in this template`);
    el.children.forEach((s, i) => {
      if (s.marketingOwner !== null) issue(field([...path, i], 'marketingOwner'), 'owners stay empty in a template');
      if (s.salesOwner !== null) issue(field([...path, i], 'salesOwner'), 'owners stay empty in a template');
    });
  }
  forEachElement(content, (el, path) => {
    if (el.type === 'mention') issue(field(path), 'a template cannot mention people: they belong to each workspace');
  });
});

export type PlanTemplate = { id: string; name: string; description: string; period?: string; content: PlanContent };

/** A template that failed to load: the message names the file and the field. */
export class TemplateError extends Error {
  readonly file: string;
  readonly field: string;
  constructor(file: string, field: string, problem: string) {
    super(`${file}: ${field ? `${field}: ` : ''}${problem}`);
    this.name = 'TemplateError';
    this.file = file;
    this.field = field;
  }
}

/** `content[3].children[2].stage` from a zod issue path. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}${out ? '.' : ''}${String(key)}`), '');
}

/** The base name of a template file, which is also the template's id. */
const baseName = (fileName: string) => fileName.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');

/** Validates a parsed template file; throws TemplateError naming the file and the first bad field. */
export function parseTemplate(json: unknown, fileName: string): PlanTemplate {
  const file = fileName.replace(/^.*[\\/]/, '');
  const result = PlanTemplateSchema.safeParse(json);
  if (!result.success) {
    const [first, ...rest] = result.error.issues;
    const more = rest.length ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
    throw new TemplateError(file, fieldPath(first!.path), `${describeIssue(first!, json)}${more}`);
  }
  const template = result.data as PlanTemplate;
  if (template.id !== baseName(file)) {
    throw new TemplateError(file, 'id', `is “${template.id}”, but a template's id must match its file name (“${baseName(file)}”)`);
  }
  return template;
}

type Issue = z.core.$ZodIssue;

/** A zod issue in words a template author understands. */
function describeIssue(issue: Issue, json: unknown): string {
  if (issue.code === 'invalid_union' && issue.path.at(-1) === 'type') {
    return `unknown block type “${String(valueAt(json, issue.path))}”`;
  }
  if (issue.code === 'invalid_type' && valueAt(json, issue.path) === undefined) return `is missing (${issue.message})`;
  return issue.message;
}

function valueAt(json: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = json;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** What the New Plan picker shows: the template's name, purpose and its H1/H2 sections. */
export function templateSummary(t: PlanTemplate): TemplateSummary {
  const sections = t.content
    .filter((n) => 'type' in n && n.type === 'heading' && n.level <= 2)
    .map((n) => inlineText(n as { children: PlanContent }).trim())
    .filter(Boolean);
  return { id: t.id, name: t.name, description: t.description, sections };
}
